/**
 * Content-MD5 and x-amz-checksum-* on S3 document bodies (DeleteObjects, PutBucketTagging,
 * PutObjectLockConfiguration …), checked by the gateway before the body is parsed
 * (ServiceDefinition.checkRequestBody → domain/document-integrity.ts). Raw requests control every
 * header; the SDK, which sends a checksum with every such request by default, must just work.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
 */
import {
  CreateBucketCommand,
  DeleteObjectsCommand,
  GetBucketCorsCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketTaggingCommand,
  GetObjectLockConfigurationCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketTaggingCommand,
  PutObjectCommand,
  PutObjectLockConfigurationCommand,
  PutObjectTaggingCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { checksumOf } from '../../../../src/services/s3/domain/checksums/algorithms.js';
import { checkDocumentBody } from '../../../../src/services/s3/domain/document-integrity.js';
import { loadModel } from '../../../../src/protocol/model/load.js';
import { raw, sigV4Header } from '../../../helpers/http.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { expectS3Error } from '../core/helpers.js';

const nimbus = useNimbus();
const BUCKET = 'document-integrity';
const LOCKED = 'document-integrity-locked';

const MISSING = 'Missing required header for this request: Content-MD5 OR x-amz-checksum-*';
const md5 = (body: string) => createHash('md5').update(body).digest('base64');
const crc32 = (body: string) => checksumOf('CRC32', Buffer.from(body)).toString('base64');
const sha256 = (body: string) => checksumOf('SHA256', Buffer.from(body)).toString('base64');

function client(overrides: Record<string, unknown> = {}): S3Client {
  return new S3Client(nimbus.clientConfig({ forcePathStyle: true, ...overrides }));
}

/** A raw request with a SigV4 Authorization for the test key (its signature is not checked). */
function send(method: string, path: string, body: string, headers: Record<string, string> = {}) {
  return raw(nimbus.current.endpoint, {
    method,
    path,
    headers: { authorization: sigV4Header('s3'), 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-type': 'application/xml', 'content-length': String(Buffer.byteLength(body)), ...headers },
    body,
  });
}

function error(xml: string): { code?: string; message?: string } {
  return { code: /<Code>([^<]*)<\/Code>/.exec(xml)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] };
}

async function exists(key: string): Promise<boolean> {
  return client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
    () => true,
    () => false,
  );
}

/** Puts `victim` back and the bucket's tags to k=original (earlier tests change both). */
async function resetState(): Promise<void> {
  await client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'victim', Body: 'v' }));
  await client().send(new PutBucketTaggingCommand({ Bucket: BUCKET, Tagging: { TagSet: [{ Key: 'k', Value: 'original' }] } }));
}

const deleteBody = (key: string) => `<Delete><Object><Key>${key}</Key></Object></Delete>`;
const taggingBody = (value: string) => `<Tagging><TagSet><Tag><Key>k</Key><Value>${value}</Value></Tag></TagSet></Tagging>`;

beforeAll(async () => {
  await client().send(new CreateBucketCommand({ Bucket: BUCKET }));
  await client().send(new CreateBucketCommand({ Bucket: LOCKED, ObjectLockEnabledForBucket: true }));
});

describe('operations that require an integrity header', () => {
  const required: [string, string, string, string][] = [
    ['DeleteObjects', 'POST', `/${BUCKET}?delete`, deleteBody('victim')],
    ['PutBucketTagging', 'PUT', `/${BUCKET}?tagging`, taggingBody('changed')],
    ['PutObjectTagging', 'PUT', `/${BUCKET}/victim?tagging`, taggingBody('changed')],
    ['PutBucketCors', 'PUT', `/${BUCKET}?cors`, '<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod><AllowedOrigin>*</AllowedOrigin></CORSRule></CORSConfiguration>'],
    [
      'PutBucketLifecycleConfiguration',
      'PUT',
      `/${BUCKET}?lifecycle`,
      '<LifecycleConfiguration><Rule><ID>r</ID><Filter><Prefix></Prefix></Filter><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>',
    ],
    ['PutObjectLockConfiguration', 'PUT', `/${LOCKED}?object-lock`, '<ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled></ObjectLockConfiguration>'],
  ];

  it.each(required)('%s without Content-MD5 or x-amz-checksum-*: 400 InvalidRequest, nothing changes', async (_name, method, path, body) => {
    await resetState();
    const r = await send(method, path, body);
    expect([r.status, error(r.body)]).toEqual([400, { code: 'InvalidRequest', message: MISSING }]);
    expect(await exists('victim')).toBe(true);
    const tags = await client().send(new GetBucketTaggingCommand({ Bucket: BUCKET }));
    expect(tags.TagSet).toEqual([{ Key: 'k', Value: 'original' }]);
  });

  it.each(required)('%s with a matching Content-MD5: accepted', async (_name, method, path, body) => {
    await client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'victim', Body: 'v' }));
    const r = await send(method, path, body, { 'content-md5': md5(body) });
    expect(r.status, r.body).toBe(200);
  });

  it.each(required)('%s with a matching x-amz-checksum-crc32 (flexible checksum, no Content-MD5): accepted', async (_name, method, path, body) => {
    await client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'victim', Body: 'v' }));
    const r = await send(method, path, body, { 'x-amz-sdk-checksum-algorithm': 'CRC32', 'x-amz-checksum-crc32': crc32(body) });
    expect(r.status, r.body).toBe(200);
  });

  it('DeleteObjects whose body does not match its Content-MD5: BadDigest, and the object stays', async () => {
    await client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'kept', Body: 'v' }));
    const declared = deleteBody('other');
    const r = await send('POST', `/${BUCKET}?delete`, deleteBody('kept'), { 'content-md5': md5(declared) });
    expect([r.status, error(r.body)]).toEqual([400, { code: 'BadDigest', message: 'The Content-MD5 you specified did not match what we received.' }]);
    expect(r.body).toContain(`<ExpectedDigest>${Buffer.from(md5(declared), 'base64').toString('hex')}</ExpectedDigest>`);
    expect(r.body).toContain(`<CalculatedDigest>${md5(deleteBody('kept'))}</CalculatedDigest>`);
    expect(await exists('kept')).toBe(true);
  });

  it('PutBucketTagging whose body does not match its x-amz-checksum-sha256: BadDigest, tags unchanged', async () => {
    await resetState();
    const r = await send('PUT', `/${BUCKET}?tagging`, taggingBody('changed'), { 'x-amz-checksum-sha256': sha256(taggingBody('other')) });
    expect([r.status, error(r.body)]).toEqual([400, { code: 'BadDigest', message: 'The SHA256 you specified did not match the calculated checksum.' }]);
    expect((await client().send(new GetBucketTaggingCommand({ Bucket: BUCKET }))).TagSet).toEqual([{ Key: 'k', Value: 'original' }]);
  });

  it('the digest is checked before the XML is parsed: a corrupted document is BadDigest, not MalformedXML', async () => {
    const r = await send('POST', `/${BUCKET}?delete`, '<Delete><Obj', { 'x-amz-checksum-crc32': crc32(deleteBody('kept')) });
    expect([r.status, error(r.body).code]).toEqual([400, 'BadDigest']);
  });

  it('a malformed Content-MD5: InvalidDigest', async () => {
    const r = await send('POST', `/${BUCKET}?delete`, deleteBody('kept'), { 'content-md5': 'not-an-md5' });
    expect([r.status, error(r.body)]).toEqual([400, { code: 'InvalidDigest', message: 'The Content-MD5 you specified was invalid.' }]);
  });

  it('two flexible checksums: InvalidRequest', async () => {
    const body = deleteBody('kept');
    const r = await send('POST', `/${BUCKET}?delete`, body, { 'x-amz-checksum-crc32': crc32(body), 'x-amz-checksum-sha256': sha256(body) });
    expect([r.status, error(r.body)]).toEqual([400, { code: 'InvalidRequest', message: 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.' }]);
  });

  it('x-amz-sdk-checksum-algorithm naming another algorithm than the checksum sent: InvalidRequest', async () => {
    const body = deleteBody('kept');
    const r = await send('POST', `/${BUCKET}?delete`, body, { 'x-amz-sdk-checksum-algorithm': 'SHA256', 'x-amz-checksum-crc32': crc32(body) });
    expect([r.status, error(r.body)]).toEqual([400, { code: 'InvalidRequest', message: 'Value for x-amz-sdk-checksum-algorithm header is invalid.' }]);
  });

  it('a checksum Nimbus does not compute (SHA512): NotImplemented, never ignored', async () => {
    const body = deleteBody('kept');
    const r = await send('POST', `/${BUCKET}?delete`, body, { 'x-amz-checksum-sha512': createHash('sha512').update(body).digest('base64') });
    expect([r.status, error(r.body).code]).toEqual([501, 'NotImplemented']);
    expect(await exists('kept')).toBe(true);
  });
});

describe('operations where a checksum is optional (httpChecksum without requestChecksumRequired)', () => {
  const body = '<AccelerateConfiguration><Status>Enabled</Status></AccelerateConfiguration>';

  it('PutBucketAccelerateConfiguration without any: accepted', async () => {
    const r = await send('PUT', `/${BUCKET}?accelerate`, body);
    expect(r.status, r.body).toBe(200);
  });

  it('PutBucketAccelerateConfiguration with a wrong checksum: BadDigest', async () => {
    const r = await send('PUT', `/${BUCKET}?accelerate`, body, { 'x-amz-checksum-crc32': crc32(`${body} `) });
    expect([r.status, error(r.body)]).toEqual([400, { code: 'BadDigest', message: 'The CRC32 you specified did not match the calculated checksum.' }]);
  });
});

describe('operations whose checksum headers are not about a document body', () => {
  const model = loadModel('s3');

  it('GetObject (its httpChecksum trait is about the response) ignores a bogus Content-MD5', async () => {
    await client().send(new PutObjectCommand({ Bucket: BUCKET, Key: 'readable', Body: 'r' }));
    const r = await raw(nimbus.current.endpoint, { method: 'GET', path: `/${BUCKET}/readable`, headers: { authorization: sigV4Header('s3'), 'content-md5': 'bogus', 'x-amz-checksum-crc32': 'AAAAAA==' } });
    expect([r.status, r.body]).toEqual([200, 'r']);
  });

  it('CompleteMultipartUpload (its x-amz-checksum-* describe the object) and PutObject are not checked here', () => {
    const headers = { 'x-amz-checksum-crc32': crc32('the whole object') };
    expect(() => checkDocumentBody(model.operations.get('CompleteMultipartUpload')!, headers, Buffer.from('<CompleteMultipartUpload/>'))).not.toThrow();
    expect(() => checkDocumentBody(model.operations.get('PutObject')!, headers, Buffer.from('x'))).not.toThrow();
    // The same header on a document operation is checked (and here does not match).
    expect(() => checkDocumentBody(model.operations.get('DeleteObjects')!, headers, Buffer.from('<Delete/>'))).toThrow(/did not match/);
  });
});

describe('through the SDK (which sends a checksum with every such request)', () => {
  const clients: [string, Record<string, unknown>][] = [
    ['default settings (CRC32)', {}],
    ['requestChecksumCalculation WHEN_REQUIRED', { requestChecksumCalculation: 'WHEN_REQUIRED' }],
  ];

  it.each(clients)('%s: DeleteObjects, tagging, CORS, lifecycle and object lock configurations are accepted', async (_label, overrides) => {
    const s3 = client(overrides);
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'sdk-a', Body: 'a' }));
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'sdk-b', Body: 'b' }));
    const deleted = await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: 'sdk-a' }] } }));
    expect(deleted.Deleted?.map((d) => d.Key)).toEqual(['sdk-a']);
    expect(await exists('sdk-a')).toBe(false);

    await s3.send(new PutObjectTaggingCommand({ Bucket: BUCKET, Key: 'sdk-b', Tagging: { TagSet: [{ Key: 't', Value: '1' }] } }));
    expect((await s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key: 'sdk-b' }))).TagSet).toEqual([{ Key: 't', Value: '1' }]);

    await s3.send(new PutBucketCorsCommand({ Bucket: BUCKET, CORSConfiguration: { CORSRules: [{ AllowedMethods: ['GET'], AllowedOrigins: ['https://example.com'] }] } }));
    expect((await s3.send(new GetBucketCorsCommand({ Bucket: BUCKET }))).CORSRules?.[0]?.AllowedOrigins).toEqual(['https://example.com']);

    await s3.send(
      new PutBucketLifecycleConfigurationCommand({
        Bucket: BUCKET,
        LifecycleConfiguration: { Rules: [{ ID: 'sdk', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 3 } }] },
      }),
    );
    expect((await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket: BUCKET }))).Rules?.[0]?.ID).toBe('sdk');

    await s3.send(
      new PutObjectLockConfigurationCommand({
        Bucket: LOCKED,
        ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1 } } },
      }),
    );
    expect((await s3.send(new GetObjectLockConfigurationCommand({ Bucket: LOCKED }))).ObjectLockConfiguration?.Rule?.DefaultRetention?.Days).toBe(1);
  });

  it('ChecksumAlgorithm SHA256 on DeleteObjects: accepted', async () => {
    const s3 = client();
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'sdk-sha', Body: 'x' }));
    await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, ChecksumAlgorithm: 'SHA256', Delete: { Objects: [{ Key: 'sdk-sha' }] } }));
    expect(await exists('sdk-sha')).toBe(false);
  });

  it('a body altered after the SDK computed its checksum: BadDigest, and nothing is deleted', async () => {
    const s3 = client();
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'sdk-kept', Body: 'x' }));
    // After the checksum (build step), before sending: the bytes change in transit.
    s3.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { body?: unknown };
        if (typeof request.body === 'string') request.body = request.body.replace('sdk-kept', 'sdk-gone');
        return next(args);
      },
      { step: 'finalizeRequest', name: 'corruptBody' },
    );
    await expectS3Error(s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [{ Key: 'sdk-kept' }] } })), 'BadDigest', 400);
    expect(await exists('sdk-kept')).toBe(true);
  });
});
