/**
 * S3 access control end to end, through @aws-sdk/client-s3 and unsigned HTTP requests against a
 * running Nimbus: IAM users, bucket policies, ACLs, Block Public Access, anonymous and
 * cross-account callers, and S3's AccessDenied wording.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-s3-evaluates-access-control.html
 */
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus, type TestNimbus } from '../../../helpers/nimbus.js';
import { policy, userWithPolicies, type Keys } from '../../../identity/helpers.js';

const nimbus = useNimbus();
const OWNER = '000000000000';
const OTHER = '111111111111';

function s3(n: TestNimbus, credentials?: Keys | string): S3Client {
  const creds = typeof credentials === 'string' ? { accessKeyId: credentials, secretAccessKey: 'test' } : credentials;
  return new S3Client(n.clientConfig({ forcePathStyle: true, ...(creds ? { credentials: creds } : {}) }));
}

let counter = 0;
async function bucket(prefix: string, ObjectOwnership?: 'BucketOwnerPreferred'): Promise<string> {
  const name = `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  await s3(nimbus).send(new CreateBucketCommand({ Bucket: name, ObjectOwnership }));
  return name;
}

async function put(b: string, key: string, body = 'data'): Promise<void> {
  await s3(nimbus).send(new PutObjectCommand({ Bucket: b, Key: key, Body: body }));
}

async function setPolicy(b: string, ...statements: Record<string, unknown>[]): Promise<void> {
  await s3(nimbus).send(new PutBucketPolicyCommand({ Bucket: b, Policy: policy(...statements) }));
}

async function noBlock(b: string): Promise<void> {
  await s3(nimbus).send(new PutPublicAccessBlockCommand({ Bucket: b, PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
}

/** The error a call fails with: code, HTTP status, message. */
async function denial(p: Promise<unknown>): Promise<{ name: string; status: number | undefined; message: string }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

async function text(out: { Body?: unknown }): Promise<string> {
  return (out.Body as { transformToString(): Promise<string> }).transformToString();
}

/** An unsigned GET, as a browser or curl would send it. */
async function anonymousGet(path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${nimbus.current.endpoint}${path}`);
  return { status: res.status, body: await res.text() };
}

describe('IAM users', () => {
  it('may read only where their policy allows, and are told why not in AWS words', async () => {
    const b = await bucket('iam');
    await put(b, 'public/a.txt', 'hello');
    await put(b, 'private/b.txt');
    const keys = await userWithPolicies(nimbus, 'reader', { read: policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/public/*` }) });
    const reader = s3(nimbus, keys);
    expect(await text(await reader.send(new GetObjectCommand({ Bucket: b, Key: 'public/a.txt' })))).toBe('hello');
    await reader.send(new HeadObjectCommand({ Bucket: b, Key: 'public/a.txt' }));
    expect(await denial(reader.send(new GetObjectCommand({ Bucket: b, Key: 'private/b.txt' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${OWNER}:user/reader is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${b}/private/b.txt" because no identity-based policy allows the s3:GetObject action`,
    });
    expect((await denial(reader.send(new HeadObjectCommand({ Bucket: b, Key: 'private/b.txt' })))).status).toBe(403);
    expect((await denial(reader.send(new PutObjectCommand({ Bucket: b, Key: 'public/new', Body: 'x' })))).message).toContain('because no identity-based policy allows the s3:PutObject action');
  });

  it('s3:prefix limits ListObjectsV2 to the user\'s home folder (with a policy variable)', async () => {
    const b = await bucket('home');
    await put(b, 'home/carol/notes.txt');
    await put(b, 'home/dave/notes.txt');
    const keys = await userWithPolicies(nimbus, 'carol', {
      list: policy({ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${b}`, Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } } }),
    });
    const carol = s3(nimbus, keys);
    const mine = await carol.send(new ListObjectsV2Command({ Bucket: b, Prefix: 'home/carol/' }));
    expect(mine.Contents?.map((o) => o.Key)).toEqual(['home/carol/notes.txt']);
    expect(await denial(carol.send(new ListObjectsV2Command({ Bucket: b, Prefix: 'home/dave/' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${OWNER}:user/carol is not authorized to perform: s3:ListBucket on resource: "arn:aws:s3:::${b}" because no identity-based policy allows the s3:ListBucket action`,
    });
    expect((await denial(carol.send(new ListObjectsV2Command({ Bucket: b })))).status).toBe(403);
  });

  it('an explicit Deny in the bucket policy beats an identity Allow', async () => {
    const b = await bucket('deny');
    await put(b, 'secret/x');
    await put(b, 'open/x', 'visible');
    const keys = await userWithPolicies(nimbus, 'admin-ish', { all: policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) });
    await setPolicy(b, { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${OWNER}:user/admin-ish` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/secret/*` });
    const admin = s3(nimbus, keys);
    expect(await text(await admin.send(new GetObjectCommand({ Bucket: b, Key: 'open/x' })))).toBe('visible');
    expect(await denial(admin.send(new GetObjectCommand({ Bucket: b, Key: 'secret/x' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${OWNER}:user/admin-ish is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${b}/secret/x" with an explicit deny in a resource-based policy`,
    });
  });
});

describe('copies', () => {
  it('CopyObject needs s3:GetObject on the source and s3:PutObject on the target', async () => {
    const src = await bucket('src');
    const dst = await bucket('dst');
    await put(src, 'a.txt', 'copy me');
    const writeOnly = await userWithPolicies(nimbus, 'copier-w', { w: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${dst}/*` }) });
    expect((await denial(s3(nimbus, writeOnly).send(new CopyObjectCommand({ Bucket: dst, Key: 'b.txt', CopySource: `${src}/a.txt` })))).message).toBe(
      `User: arn:aws:iam::${OWNER}:user/copier-w is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${src}/a.txt" because no identity-based policy allows the s3:GetObject action`,
    );
    const both = await userWithPolicies(nimbus, 'copier-rw', {
      rw: policy({ Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${dst}/*` }, { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${src}/*` }),
    });
    await s3(nimbus, both).send(new CopyObjectCommand({ Bucket: dst, Key: 'b.txt', CopySource: `${src}/a.txt` }));
    expect(await text(await s3(nimbus).send(new GetObjectCommand({ Bucket: dst, Key: 'b.txt' })))).toBe('copy me');
  });
});

describe('anonymous requests', () => {
  it('are denied unless the bucket policy grants everyone, and then get exactly that', async () => {
    const b = await bucket('anon');
    await put(b, 'site/index.html', '<h1>hi</h1>');
    const before = await anonymousGet(`/${b}/site/index.html`);
    expect(before.status).toBe(403);
    expect(before.body).toContain('<Code>AccessDenied</Code><Message>Access Denied</Message>');
    await noBlock(b);
    await setPolicy(b, { Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/site/*` });
    expect(await anonymousGet(`/${b}/site/index.html`)).toEqual({ status: 200, body: '<h1>hi</h1>' });
    expect((await anonymousGet(`/${b}/other`)).status).toBe(403);
    expect((await anonymousGet(`/${b}?list-type=2`)).status).toBe(403);
    expect((await anonymousGet('/')).status).toBe(403);
    expect((await anonymousGet('/no-such-bucket-here/k')).status).toBe(404);
  });

  it('Block Public Access: RestrictPublicBuckets defeats a public policy, IgnorePublicAcls a public-read ACL', async () => {
    const b = await bucket('bpa', 'BucketOwnerPreferred');
    await put(b, 'k', 'v');
    await noBlock(b);
    await setPolicy(b, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/*` });
    expect((await anonymousGet(`/${b}/k`)).status).toBe(200);
    const owner = s3(nimbus);
    await owner.send(new PutPublicAccessBlockCommand({ Bucket: b, PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } }));
    expect((await anonymousGet(`/${b}/k`)).status).toBe(403);

    // Now through the bucket ACL: public-read lets anyone list, until IgnorePublicAcls.
    await owner.send(new DeleteBucketPolicyCommand({ Bucket: b }));
    await owner.send(new PutBucketAclCommand({ Bucket: b, ACL: 'public-read' }));
    const listing = await anonymousGet(`/${b}?list-type=2`);
    expect(listing.status).toBe(200);
    expect(listing.body).toContain('<Key>k</Key>');
    await owner.send(new PutPublicAccessBlockCommand({ Bucket: b, PublicAccessBlockConfiguration: { IgnorePublicAcls: true } }));
    expect((await anonymousGet(`/${b}?list-type=2`)).status).toBe(403);
  });
});

describe('other accounts', () => {
  it("another account's root is denied until the bucket policy names its account", async () => {
    const b = await bucket('xacct');
    await put(b, 'shared.txt', 'for 111');
    const other = s3(nimbus, OTHER);
    expect(await denial(other.send(new GetObjectCommand({ Bucket: b, Key: 'shared.txt' })))).toEqual({ name: 'AccessDenied', status: 403, message: 'Access Denied' });
    await setPolicy(b, { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/*` });
    expect(await text(await other.send(new GetObjectCommand({ Bucket: b, Key: 'shared.txt' })))).toBe('for 111');
    expect((await denial(other.send(new PutObjectCommand({ Bucket: b, Key: 'x', Body: 'y' })))).message).toBe('Access Denied');
  });
});

describe('request conditions', () => {
  it('aws:SourceIp: the caller address is 127.0.0.1', async () => {
    const b = await bucket('ip');
    await put(b, 'k', 'v');
    await noBlock(b);
    await setPolicy(b, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/*`, Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } } });
    expect((await anonymousGet(`/${b}/k`)).status).toBe(200);
    await setPolicy(b, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/*`, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } });
    expect((await anonymousGet(`/${b}/k`)).status).toBe(403);
  });

  it('aws:SecureTransport is false over HTTP: a deny-insecure policy binds even the owner, who can still remove it', async () => {
    const b = await bucket('tls');
    await put(b, 'k', 'v');
    await setPolicy(b, { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } });
    const owner = s3(nimbus);
    expect(await denial(owner.send(new GetObjectCommand({ Bucket: b, Key: 'k' })))).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::${OWNER}:root is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::${b}/k" with an explicit deny in a resource-based policy`,
    });
    await owner.send(new DeleteBucketPolicyCommand({ Bucket: b }));
    expect(await text(await owner.send(new GetObjectCommand({ Bucket: b, Key: 'k' })))).toBe('v');
  });
});
