/**
 * Server-side encryption settings of a write. Nimbus stores bytes as given (encryption at rest
 * is the host's business) but keeps and answers the settings as S3 does: SSE-S3 (AES256) by
 * default, or the bucket's default encryption, SSE-KMS with its key id, SSE-C with the key's MD5
 * (the key itself is never kept; reads must present the same key).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/serv-side-encryption.html
 */
import { createHash } from 'node:crypto';
import type { ServerSideEncryption, ServerSideEncryptionConfiguration } from '../generated/types.js';
import type { CustomerKeySettings, ObjectAttributes, ServerSideEncryptionSettings } from '../store/object-records.js';
import { CoreErrors } from './errors-core.js';
import { S3Errors } from './errors.js';

export interface EncryptionHeaders {
  ServerSideEncryption?: string;
  SSEKMSKeyId?: string;
  SSEKMSEncryptionContext?: string;
  BucketKeyEnabled?: boolean;
  SSECustomerAlgorithm?: string;
  SSECustomerKey?: string;
  SSECustomerKeyMD5?: string;
}

const METHODS: ReadonlySet<string> = new Set<ServerSideEncryption>(['AES256', 'aws:kms', 'aws:kms:dsse']);
const KEY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The AWS managed key (`aws/s3`) S3 uses for SSE-KMS when no key is named: a fixed id per account and Region. */
export function awsManagedS3Key(accountId: string, region: string): string {
  const h = createHash('sha256').update(`nimbus-aws/s3:${accountId}:${region}`).digest('hex');
  return `arn:aws:kms:${region}:${accountId}:key/${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function kmsKeyArn(keyId: string, accountId: string, region: string): string {
  return KEY_UUID.test(keyId) ? `arn:aws:kms:${region}:${accountId}:key/${keyId}` : keyId;
}

/** SSE-C headers, checked: AES256, a 256-bit key, and its MD5. Undefined when none are sent. */
export function customerKey(h: Pick<EncryptionHeaders, 'SSECustomerAlgorithm' | 'SSECustomerKey' | 'SSECustomerKeyMD5'>): CustomerKeySettings | undefined {
  if (h.SSECustomerAlgorithm === undefined && h.SSECustomerKey === undefined && h.SSECustomerKeyMD5 === undefined) return undefined;
  if (h.SSECustomerAlgorithm !== 'AES256') {
    throw S3Errors.invalidArgument('The requested encryption algorithm is not valid, must be AES256.', 'x-amz-server-side-encryption-customer-algorithm', h.SSECustomerAlgorithm);
  }
  if (h.SSECustomerKey === undefined) {
    throw S3Errors.invalidArgument('Requests specifying Server Side Encryption with Customer provided keys must provide an appropriate secret key.', 'x-amz-server-side-encryption-customer-key', undefined);
  }
  const key = Buffer.from(h.SSECustomerKey, 'base64');
  if (key.length !== 32) throw S3Errors.invalidArgument('The secret key was invalid for the specified algorithm.', 'x-amz-server-side-encryption-customer-key', undefined);
  const md5 = createHash('md5').update(key).digest('base64');
  if (h.SSECustomerKeyMD5 !== undefined && h.SSECustomerKeyMD5 !== md5) {
    throw S3Errors.invalidArgument('The calculated MD5 hash of the key did not match the hash that was provided.', 'x-amz-server-side-encryption-customer-key-MD5', undefined);
  }
  return { SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: md5 };
}

/** The encryption a new object gets from the request's headers and the bucket's default encryption. */
export function encryptionFor(
  h: EncryptionHeaders,
  bucketDefault: ServerSideEncryptionConfiguration | undefined,
  accountId: string,
  region: string,
): Pick<ObjectAttributes, 'encryption' | 'customerKey'> {
  const sseC = customerKey(h);
  if (sseC) {
    if (h.ServerSideEncryption !== undefined) {
      throw S3Errors.invalidArgument('Server Side Encryption with Customer provided key is incompatible with the encryption method specified', 'x-amz-server-side-encryption', h.ServerSideEncryption);
    }
    return { customerKey: sseC };
  }
  let method = h.ServerSideEncryption;
  let keyId = h.SSEKMSKeyId;
  let bucketKey = h.BucketKeyEnabled;
  if (method === undefined) {
    if (keyId !== undefined) {
      throw S3Errors.invalidArgument('Server Side Encryption with AWS KMS managed key requires HTTP header x-amz-server-side-encryption : aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id', keyId);
    }
    const rule = bucketDefault?.Rules?.[0];
    method = rule?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? 'AES256';
    keyId = rule?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID;
    bucketKey ??= rule?.BucketKeyEnabled;
  }
  if (!METHODS.has(method)) throw CoreErrors.invalidEncryption(method);
  const encryption: ServerSideEncryptionSettings = { ServerSideEncryption: method as ServerSideEncryption };
  if (method !== 'AES256') {
    encryption.SSEKMSKeyId = keyId === undefined ? awsManagedS3Key(accountId, region) : kmsKeyArn(keyId, accountId, region);
    if (h.SSEKMSEncryptionContext !== undefined) encryption.SSEKMSEncryptionContext = h.SSEKMSEncryptionContext;
    if (bucketKey) encryption.BucketKeyEnabled = true;
  }
  return { encryption };
}

/** Checks the SSE-C key a read presents against the object's. */
export function checkReadKey(stored: CustomerKeySettings | undefined, h: Pick<EncryptionHeaders, 'SSECustomerAlgorithm' | 'SSECustomerKey' | 'SSECustomerKeyMD5'>): void {
  if (!stored) return;
  const given = customerKey(h);
  if (!given) throw CoreErrors.sseCustomerRequired();
  if (given.SSECustomerKeyMD5 !== stored.SSECustomerKeyMD5) throw S3Errors.accessDenied();
}

/** The encryption headers a response repeats. */
export function encryptionOutput(a: ObjectAttributes): {
  ServerSideEncryption?: ServerSideEncryption;
  SSEKMSKeyId?: string;
  BucketKeyEnabled?: boolean;
  SSECustomerAlgorithm?: string;
  SSECustomerKeyMD5?: string;
} {
  if (a.customerKey) return { SSECustomerAlgorithm: a.customerKey.SSECustomerAlgorithm, SSECustomerKeyMD5: a.customerKey.SSECustomerKeyMD5 };
  const e = a.encryption;
  if (!e) return {};
  return { ServerSideEncryption: e.ServerSideEncryption, SSEKMSKeyId: e.SSEKMSKeyId, BucketKeyEnabled: e.BucketKeyEnabled };
}
