/** Shared bits for the browser tests: clients, form uploads with signed POST policies, S3 error bodies. */
import { createHmac } from 'node:crypto';
import { CreateBucketCommand, DeletePublicAccessBlockCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import type { TestNimbus } from '../../../helpers/nimbus.js';

export function s3Client(nimbus: TestNimbus, overrides: Record<string, unknown> = {}): S3Client {
  return new S3Client(nimbus.clientConfig({ forcePathStyle: true, ...overrides }));
}

let counter = 0;
/** A bucket name unique within the test run. */
export function bucketName(prefix = 'browser'): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function createBucket(s3: S3Client, prefix?: string): Promise<string> {
  const name = bucketName(prefix);
  await s3.send(new CreateBucketCommand({ Bucket: name }));
  return name;
}

/**
 * A bucket policy letting everyone do `actions` (object actions on `bucket/*`, bucket actions on
 * the bucket). New buckets block public access (BlockPublicPolicy refuses the policy,
 * RestrictPublicBuckets ignores it), so this first deletes their Block Public Access
 * configuration, as an AWS user must.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
export async function openTo(s3: S3Client, bucket: string, objectActions: string[], bucketActions: string[] = []): Promise<void> {
  await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
  const statements: Record<string, unknown>[] = [];
  if (objectActions.length) statements.push({ Effect: 'Allow', Principal: '*', Action: objectActions, Resource: `arn:aws:s3:::${bucket}/*` });
  if (bucketActions.length) statements.push({ Effect: 'Allow', Principal: '*', Action: bucketActions, Resource: `arn:aws:s3:::${bucket}` });
  await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }));
}

/** `20260101T000000Z` and its date part. */
export function amzDate(d: Date): { date: string; day: string } {
  const date = d.toISOString().replace(/[-:]|\.\d{3}/g, '');
  return { date, day: date.slice(0, 8) };
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** SigV4 of a POST policy (its base64 text), as AWS documents it. */
export function signPolicy(policyBase64: string, secret: string, day: string, region: string): string {
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(policyBase64, 'utf8').digest('hex');
}

export interface SignedPostOptions {
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  region?: string;
  /** Default: one hour from now. */
  expiration?: Date;
  /** Conditions besides bucket and the signing fields. */
  conditions?: unknown[];
  /** Fields besides the signing ones (key, Content-Type …), in form order. */
  fields?: Record<string, string>;
  now?: Date;
}

/** The form fields of a signed upload (what createPresignedPost / generate_presigned_post give). */
export function signedPostFields(o: SignedPostOptions): [string, string][] {
  const region = o.region ?? 'us-east-1';
  const { date, day } = amzDate(o.now ?? new Date());
  const credential = `${o.accessKeyId}/${day}/${region}/s3/aws4_request`;
  const conditions: unknown[] = [
    { bucket: o.bucket },
    ...(o.conditions ?? []),
    { 'x-amz-algorithm': 'AWS4-HMAC-SHA256' },
    { 'x-amz-credential': credential },
    { 'x-amz-date': date },
  ];
  if (o.sessionToken) conditions.push({ 'x-amz-security-token': o.sessionToken });
  const expiration = (o.expiration ?? new Date(Date.now() + 3600_000)).toISOString();
  const policy = Buffer.from(JSON.stringify({ expiration, conditions })).toString('base64');
  const fields: [string, string][] = Object.entries(o.fields ?? {});
  fields.push(['x-amz-algorithm', 'AWS4-HMAC-SHA256'], ['x-amz-credential', credential], ['x-amz-date', date]);
  if (o.sessionToken) fields.push(['x-amz-security-token', o.sessionToken]);
  fields.push(['policy', policy], ['x-amz-signature', signPolicy(policy, o.secretAccessKey, day, region)]);
  return fields;
}

export interface FilePart {
  content: string | Buffer;
  filename?: string;
  type?: string;
}

export interface Posted {
  status: number;
  headers: Headers;
  text: string;
}

/** POSTs a multipart form (fields in order, then the file) the way a browser would. */
export async function postForm(url: string, fields: [string, string][], file?: FilePart, extra: [string, string][] = []): Promise<Posted> {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  if (file) {
    const blob = new Blob([file.content], { type: file.type ?? 'application/octet-stream' });
    form.append('file', blob, file.filename ?? 'upload.bin');
  }
  for (const [k, v] of extra) form.append(k, v);
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The elements of an S3 `<Error>` body (Code, Message, and S3's extra elements). */
export function s3ErrorOf(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = /<Error>([\s\S]*)<\/Error>/.exec(xml)?.[1] ?? '';
  for (const m of body.matchAll(/<([A-Za-z0-9-]+)>([\s\S]*?)<\/\1>/g)) out[m[1]!] = decodeXml(m[2]!);
  for (const m of body.matchAll(/<([A-Za-z0-9-]+)\/>/g)) out[m[1]!] = '';
  return out;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}
