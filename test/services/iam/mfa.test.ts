import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteUserCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  GetMFADeviceCommand,
  ListMFADeviceTagsCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  ResyncMFADeviceCommand,
  TagMFADeviceCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { base32Decode, timeStep, totpCode } from '../../../src/auth/totp.js';
import { useNimbus } from '../../helpers/nimbus.js';
import { ACCOUNT, expectError, iamClient } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;
if (!hasZbar) console.warn('zbarimg (zbar-tools) is not installed: the QR code is checked as a PNG only, not decoded');

function codes(seed: Buffer, stepsBack = 1): [string, string] {
  const now = timeStep(Date.now());
  return [totpCode(seed, now - stepsBack), totpCode(seed, now - stepsBack + 1)];
}

describe('IAM virtual MFA devices', () => {
  it('creates a device with a real seed and a QR code PNG of the otpauth URI', async () => {
    const iam = iamClient(nimbus);
    const { VirtualMFADevice: d } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-phone', Tags: [{ Key: 'k', Value: 'v' }] }));
    expect(d!.SerialNumber).toBe(`arn:aws:iam::${ACCOUNT}:mfa/alice-phone`);
    const base32 = Buffer.from(d!.Base32StringSeed!).toString('ascii');
    expect(base32).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(base32)).toHaveLength(20);
    const png = Buffer.from(d!.QRCodePNG!);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    if (hasZbar) {
      const file = join(mkdtempSync(join(tmpdir(), 'nimbus-qr-')), 'qr.png');
      writeFileSync(file, png);
      const decoded = spawnSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' });
      expect(decoded.stdout.trim()).toBe(`otpauth://totp/alice-phone@${ACCOUNT}?secret=${base32}`);
    }
    await expectError(iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'alice-phone' })), 'EntityAlreadyExistsException', 'MFADevice entity at the same path and name already exists.');
    await iam.send(new TagMFADeviceCommand({ SerialNumber: d!.SerialNumber, Tags: [{ Key: 'j', Value: 'w' }] }));
    expect((await iam.send(new ListMFADeviceTagsCommand({ SerialNumber: d!.SerialNumber }))).Tags).toEqual([
      { Key: 'k', Value: 'v' },
      { Key: 'j', Value: 'w' },
    ]);
  });

  it('enables a device with two consecutive codes, refuses wrong or replayed codes, and deactivates it', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    const { VirtualMFADevice: d } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone', Path: '/people/' }));
    const serial = d!.SerialNumber!;
    expect(serial).toBe(`arn:aws:iam::${ACCOUNT}:mfa/people/phone`);
    const seed = base32Decode(Buffer.from(d!.Base32StringSeed!).toString('ascii'));
    const [c1, c2] = codes(seed);
    await expectError(
      iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: c2, AuthenticationCode2: c1 })),
      'InvalidAuthenticationCodeException',
      'Authentication code for device is not valid.',
      403,
    );
    await expectError(
      iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: '000000', AuthenticationCode2: '111111' })),
      'InvalidAuthenticationCodeException',
    );
    await iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: c1, AuthenticationCode2: c2 }));
    const listed = await iam.send(new ListMFADevicesCommand({ UserName: 'alice' }));
    expect(listed.MFADevices).toHaveLength(1);
    expect(listed.MFADevices![0]).toMatchObject({ UserName: 'alice', SerialNumber: serial });
    expect(listed.MFADevices![0]!.EnableDate).toBeInstanceOf(Date);
    expect((await iam.send(new GetMFADeviceCommand({ SerialNumber: serial }))).UserName).toBe('alice');
    const assigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }));
    expect(assigned.VirtualMFADevices!.map((v) => [v.SerialNumber, v.User?.UserName])).toEqual([[serial, 'alice']]);
    expect(assigned.VirtualMFADevices![0]).not.toHaveProperty('Base32StringSeed');
    expect((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }))).VirtualMFADevices).toEqual([]);

    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    const [d1, d2] = codes(seed, 0);
    await expectError(iam.send(new EnableMFADeviceCommand({ UserName: 'bob', SerialNumber: serial, AuthenticationCode1: d1, AuthenticationCode2: d2 })), 'EntityAlreadyExistsException');
    await iam.send(new ResyncMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: c1, AuthenticationCode2: c2 }));
    await expectError(iam.send(new ResyncMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: '123456', AuthenticationCode2: '654321' })), 'InvalidAuthenticationCodeException');

    await expectError(iam.send(new DeleteUserCommand({ UserName: 'alice' })), 'DeleteConflictException', 'Cannot delete entity, must delete MFA device first.');
    await expectError(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })), 'DeleteConflictException');
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'alice', SerialNumber: serial }));
    await expectError(iam.send(new DeactivateMFADeviceCommand({ UserName: 'alice', SerialNumber: serial })), 'NoSuchEntityException');
    expect((await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }))).VirtualMFADevices!.map((v) => v.SerialNumber)).toEqual([serial]);
    // Codes already spent by EnableMFADevice cannot be replayed.
    await expectError(iam.send(new EnableMFADeviceCommand({ UserName: 'alice', SerialNumber: serial, AuthenticationCode1: c1, AuthenticationCode2: c2 })), 'InvalidAuthenticationCodeException');
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    await expectError(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })), 'NoSuchEntityException');
    await iam.send(new DeleteUserCommand({ UserName: 'alice' }));
  });
});
