import { base32Encode } from '../../../auth/totp.js';
import { mfaArn } from '../domain/arns.js';
import { IamErrors } from '../domain/errors.js';
import { iamNow } from '../domain/ids.js';
import { newSeed, otpauthUri } from '../domain/mfa.js';
import { qrCodePng } from '../domain/qr-png.js';
import { checkRequestTags } from '../domain/tags.js';
import type { CreateVirtualMFADeviceRequest, CreateVirtualMFADeviceResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

/**
 * A virtual MFA device with a fresh random seed, answered once as Base32StringSeed and as a QR
 * code (PNG) of the otpauth:// URI authenticator apps scan. Until EnableMFADevice assigns it to a
 * user it is Unassigned. https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateVirtualMFADevice.html
 */
export async function createVirtualMFADevice(input: CreateVirtualMFADeviceRequest, ctx: Ctx): Promise<CreateVirtualMFADeviceResponse> {
  checkRequestTags(input.Tags);
  const path = input.Path ?? '/';
  const serial = mfaArn(ctx.accountId, path, input.VirtualMFADeviceName);
  // The serial number is the device's ARN, and serial numbers are at most 256 characters.
  if (serial.length > 256) throw IamErrors.invalidInput(`The virtual MFA device name ${input.VirtualMFADeviceName} is too long.`);
  const seed = newSeed();
  await ctx.store.transaction(() => {
    if (ctx.store.mfa.get(serial)) throw IamErrors.mfaExists();
    ctx.store.mfa.insert({ serialNumber: serial, accountId: ctx.accountId, name: input.VirtualMFADeviceName, path, seed, createDate: iamNow(ctx.now()) });
    if (input.Tags?.length) ctx.store.tags.set(serial, input.Tags);
  });
  const accountName = ctx.store.account.alias(ctx.accountId) ?? ctx.accountId;
  const base32 = base32Encode(seed).replace(/=+$/, '');
  return {
    VirtualMFADevice: {
      SerialNumber: serial,
      Base32StringSeed: Buffer.from(base32, 'ascii'),
      QRCodePNG: qrCodePng(otpauthUri(input.VirtualMFADeviceName, accountName, seed)),
      Tags: input.Tags?.length ? input.Tags : undefined,
    },
  };
}
