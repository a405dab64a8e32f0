/** Shared setup for the S3 bucket configuration tests: SDK clients and buckets to configure. */
import { CreateBucketCommand, S3Client, type BucketLocationConstraint } from '@aws-sdk/client-s3';
import type { TestNimbus } from '../../../helpers/nimbus.js';

export const ACCOUNT = '000000000000';
/** A 12-digit access key is the root of that account (README, "Identity"). */
export const OTHER_ACCOUNT = '222222222222';

/** A path-style client for the default account's root, or for another account's root. */
export function s3Client(nimbus: TestNimbus, account?: string, region?: string): S3Client {
  return new S3Client(
    nimbus.clientConfig({
      forcePathStyle: true,
      ...(region ? { region } : {}),
      ...(account ? { credentials: { accessKeyId: account, secretAccessKey: 'test' } } : {}),
    }),
  );
}

let counter = 0;

/** Creates a bucket with a fresh name (`prefix-N-<random>`), through CreateBucket. */
export async function newBucket(
  nimbus: TestNimbus,
  prefix: string,
  options: { region?: string; objectLock?: boolean; client?: S3Client } = {},
): Promise<string> {
  const name = `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const client = options.client ?? s3Client(nimbus, undefined, options.region);
  await client.send(
    new CreateBucketCommand({
      Bucket: name,
      ObjectLockEnabledForBucket: options.objectLock,
      CreateBucketConfiguration: options.region && options.region !== 'us-east-1' ? { LocationConstraint: options.region as BucketLocationConstraint } : undefined,
    }),
  );
  return name;
}

export interface Failure {
  name: string;
  message: string;
  status: number | undefined;
  /** The error's other `<Error>` elements as the SDK exposes them (BucketName, ArgumentName …). */
  fields: Record<string, unknown>;
}

/** The S3 error a call fails with, or a test failure if it succeeds. */
export async function failure(p: Promise<unknown>): Promise<Failure> {
  try {
    await p;
  } catch (e) {
    const err = e as Record<string, unknown> & { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(err)) {
      if (/^[A-Z]/.test(k) && k !== 'Code' && k !== 'Message' && k !== 'RequestId' && k !== 'HostId') fields[k] = v;
    }
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode, fields };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
