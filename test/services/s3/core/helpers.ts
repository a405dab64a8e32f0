/** Shared bits for the S3 core tests (buckets, objects, listing, versioning, multipart). */
import { S3Client } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import type { TestNimbus } from '../../../helpers/nimbus.js';

export function s3Client(nimbus: TestNimbus, overrides: Record<string, unknown> = {}): S3Client {
  return new S3Client(nimbus.clientConfig({ forcePathStyle: true, ...overrides }));
}

export interface SdkError {
  name: string;
  message: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string> };
  [field: string]: unknown;
}

/** Awaits a call that must fail; checks the error's code, status and (optionally) message. */
export async function expectS3Error(call: Promise<unknown>, code: string, status: number, message?: string | RegExp): Promise<SdkError> {
  const outcome = await call.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: error as SdkError }),
  );
  if (outcome.ok) throw new Error(`expected ${code}, got success: ${JSON.stringify(outcome.value, (_k, v: unknown) => (typeof v === 'object' && v && 'pipe' in v ? '[stream]' : v))}`);
  const e = outcome.error;
  expect({ name: e.name, status: e.$metadata?.httpStatusCode }).toEqual({ name: code, status });
  if (typeof message === 'string') expect(e.message).toBe(message);
  else if (message) expect(e.message).toMatch(message);
  return e;
}

/** The bytes of a GetObject Body. */
export async function bodyBytes(body: unknown): Promise<Buffer> {
  const b = body as { transformToByteArray(): Promise<Uint8Array> };
  return Buffer.from(await b.transformToByteArray());
}

export async function bodyText(body: unknown): Promise<string> {
  return (await bodyBytes(body)).toString('utf8');
}

let counter = 0;
/** A bucket name unique within the test run. */
export function bucketName(prefix = 'core'): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}
