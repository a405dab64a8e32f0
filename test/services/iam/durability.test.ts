import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AttachRolePolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListVirtualMFADevicesCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, describe, expect, it } from 'vitest';
import { startNimbus, type StartedNimbus } from '../../../src/index.js';
import { allowPolicy, trustPolicy } from './helpers.js';

function client(n: StartedNimbus): IAMClient {
  return new IAMClient({ endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1 });
}

describe('IAM durability', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps users, keys, roles, policies and MFA devices across a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'nimbus-iam-'));
    const first = await startNimbus({ ephemeral: false, dataDir: dir });
    let userId: string;
    let keyId: string;
    let policyArn: string;
    try {
      const iam = client(first);
      userId = (await iam.send(new CreateUserCommand({ UserName: 'keeper', Tags: [{ Key: 't', Value: 'v' }] }))).User!.UserId!;
      await iam.send(new PutUserPolicyCommand({ UserName: 'keeper', PolicyName: 'inline', PolicyDocument: allowPolicy('sqs:*') }));
      keyId = (await iam.send(new CreateAccessKeyCommand({ UserName: 'keeper' }))).AccessKey!.AccessKeyId!;
      await iam.send(new CreateRoleCommand({ RoleName: 'role', AssumeRolePolicyDocument: trustPolicy() }));
      policyArn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'pol', PolicyDocument: allowPolicy('s3:*') }))).Policy!.Arn!;
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: allowPolicy('s3:Get*'), SetAsDefault: true }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'role', PolicyArn: policyArn }));
      await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'device' }));
    } finally {
      await first.stop();
    }

    const second = await startNimbus({ ephemeral: false, dataDir: dir });
    try {
      const iam = client(second);
      expect((await iam.send(new GetUserCommand({ UserName: 'keeper' }))).User).toMatchObject({ UserId: userId, Tags: [{ Key: 't', Value: 'v' }] });
      expect(decodeURIComponent((await iam.send(new GetUserPolicyCommand({ UserName: 'keeper', PolicyName: 'inline' }))).PolicyDocument!)).toBe(allowPolicy('sqs:*'));
      expect((await iam.send(new ListAccessKeysCommand({ UserName: 'keeper' }))).AccessKeyMetadata!.map((k) => k.AccessKeyId)).toEqual([keyId]);
      expect((await iam.send(new GetRoleCommand({ RoleName: 'role' }))).Role!.RoleName).toBe('role');
      expect((await iam.send(new GetPolicyCommand({ PolicyArn: policyArn }))).Policy).toMatchObject({ DefaultVersionId: 'v2', AttachmentCount: 1 });
      expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'role' }))).AttachedPolicies).toEqual([{ PolicyName: 'pol', PolicyArn: policyArn }]);
      expect((await iam.send(new ListVirtualMFADevicesCommand({}))).VirtualMFADevices!.map((d) => d.SerialNumber)).toEqual(['arn:aws:iam::000000000000:mfa/device']);
      expect((await iam.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: allowPolicy('s3:List*') }))).PolicyVersion!.VersionId).toBe('v3');
    } finally {
      await second.stop();
    }
  });
});
