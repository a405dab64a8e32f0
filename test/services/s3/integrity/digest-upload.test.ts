/**
 * digestUpload and digestBody: what S3 answers for each thing an upload can declare wrongly (as
 * S3 words it), the digests it keeps when all is well, and that the body passes through unchanged
 * and uncopied.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { authErrors } from '../../../../src/auth/errors.js';
import { checksumOf } from '../../../../src/services/s3/domain/checksums/algorithms.js';
import { WORKER_MD5_MIN_BYTES, md5For } from '../../../../src/services/s3/domain/checksums/md5.js';
import { AwsChunkedDecoder } from '../../../../src/auth/sigv4/index.js';
import {
  checksumOutput,
  digestBody,
  digestUpload,
  uploadChecksOf,
  type DigestingUpload,
  type UploadChecks,
  type UploadDigests,
} from '../../../../src/services/s3/domain/integrity.js';
import type { ServiceError } from '../../../../src/shared/errors.js';
import { encodeChunked } from '../../../auth/sigv4/chunked-helpers.js';

const DATA = Buffer.from('123456789');
const MD5 = createHash('md5').update(DATA).digest('base64'); // JfnnlDI7RTiF9RgfG2JNCw==
const CRC32 = 'y/Q5Jg==';
const CRC32C = '4waSgw==';
const CRC64NVME = 'rosUhgp5mIg=';
const SHA256 = 'FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=';

/** Streams `pieces` through digestUpload and returns what came out and the result (or the error). */
async function upload(checks: Partial<UploadChecks>, source: Readable = Readable.from([DATA])): Promise<{ out: Buffer[]; digests?: UploadDigests; error?: ServiceError }> {
  let up: DigestingUpload;
  try {
    up = digestUpload(source, { checksums: {}, ...checks });
  } catch (e) {
    return { out: [], error: e as ServiceError };
  }
  const out: Buffer[] = [];
  try {
    for await (const chunk of up.body) out.push(chunk as Buffer);
    return { out, digests: up.result() };
  } catch (e) {
    return { out, error: e as ServiceError };
  }
}

const invalidRequest = (message: string) => ({ code: 'InvalidRequest', statusCode: 400, message });

describe('digestUpload, all well', () => {
  it('no checksum declared: S3’s default, CRC64NVME, as a FULL_OBJECT checksum; the MD5 for the ETag', async () => {
    const { digests } = await upload({});
    expect(digests).toEqual({ size: 9, md5: createHash('md5').update(DATA).digest(), checksum: { algorithm: 'CRC64NVME', value: CRC64NVME, type: 'FULL_OBJECT' } });
  });

  it('the checksum a header names (algorithm inferred from the header), with or without x-amz-sdk-checksum-algorithm', async () => {
    expect((await upload({ checksums: { CRC32 } })).digests?.checksum).toEqual({ algorithm: 'CRC32', value: CRC32, type: 'FULL_OBJECT' });
    expect((await upload({ checksums: { SHA256 }, checksumAlgorithm: 'SHA256' })).digests?.checksum?.value).toBe(SHA256);
    expect((await upload({ checksums: { CRC32C }, contentMd5: MD5, expectedSize: 9 })).digests?.checksum?.value).toBe(CRC32C);
  });

  it('defaultAlgorithm (a multipart upload’s) when nothing is declared', async () => {
    expect((await upload({ defaultAlgorithm: 'SHA256' })).digests?.checksum).toEqual({ algorithm: 'SHA256', value: SHA256, type: 'FULL_OBJECT' });
  });

  it('passes the very same Buffers on, in order', async () => {
    const pieces = [Buffer.from('1234'), Buffer.from('5'), Buffer.from('6789')];
    const up = digestUpload(Readable.from(pieces), { checksums: { CRC32 } });
    // 'data' events, not an async iterator: read() joins whatever is buffered into a new Buffer.
    const out: Buffer[] = [];
    up.body.on('data', (b: Buffer) => out.push(b));
    await new Promise((resolve) => up.body.on('end', resolve));
    expect(out.length).toBe(3);
    out.forEach((b, i) => expect(b).toBe(pieces[i]));
    expect(up.result().size).toBe(9);
  });

  it('result() twice gives the same answer; before the end it is a programming error', async () => {
    const source = new PassThrough();
    const up = digestUpload(source, { checksums: { CRC32: 'AAAAAA==' } });
    expect(() => up.result()).toThrow(/before the body ended/);
    source.end(DATA);
    for await (const _ of up.body);
    expect(() => up.result()).toThrow(expect.objectContaining({ code: 'BadDigest' }));
    expect(() => up.result()).toThrow(expect.objectContaining({ code: 'BadDigest' }));
  });

  it('a source error reaches the body', async () => {
    const source = new PassThrough();
    const up = digestUpload(source, { checksums: {} });
    const failure = new Error('socket hang up');
    setImmediate(() => source.destroy(failure));
    await expect((async () => { for await (const _ of up.body); })()).rejects.toBe(failure);
  });
});

describe('digestUpload, S3’s errors', () => {
  it('Content-MD5 not the base64 of 16 bytes → InvalidDigest "was invalid", naming it', async () => {
    for (const bad of ['not base64!', 'YWJyYWNhZGFicmE=', '25f9e794323b453885f5181f1b624d0b', '', 'JfnnlDI7RTiF9RgfG2JNCw']) {
      expect((await upload({ contentMd5: bad })).error, bad).toMatchObject({
        code: 'InvalidDigest',
        statusCode: 400,
        message: 'The Content-MD5 you specified was invalid.',
        fields: { 'Content-MD5': bad },
      });
    }
  });

  it('Content-MD5 of other bytes → BadDigest, the client’s digest as hex and S3’s as base64', async () => {
    const other = createHash('md5').update('other').digest();
    expect((await upload({ contentMd5: other.toString('base64') })).error).toMatchObject({
      code: 'BadDigest',
      statusCode: 400,
      message: 'The Content-MD5 you specified did not match what we received.',
      fields: { ExpectedDigest: other.toString('hex'), CalculatedDigest: MD5 },
    });
  });

  it('a checksum of other bytes → BadDigest "The <ALG> you specified did not match the calculated checksum."', async () => {
    const wrong = { CRC32: 'z/Q5Jg==', CRC32C: '5waSgw==', CRC64NVME: 'sosUhgp5mIg=', SHA1: '+8O8HYCOBHMq32eZZczDTKeuNEE=', SHA256: 'GeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=' };
    for (const [algorithm, value] of Object.entries(wrong)) {
      expect((await upload({ checksums: { [algorithm]: value } })).error).toMatchObject({
        code: 'BadDigest',
        statusCode: 400,
        message: `The ${algorithm} you specified did not match the calculated checksum.`,
      });
    }
  });

  it('a checksum value that is not canonical base64 of the right size → InvalidRequest "Value for … header is invalid."', async () => {
    // 'y/Q5Jh==' decodes to the right bytes, but S3 still refuses its stray low bits.
    for (const bad of ['short===', 'shrt', 'toolong=', '^^^^^^==', 'y^/^Q5^J^g==', 'y/Q5Jh==', 'y/Q5Jg', 'rosUhgp5mIg=']) {
      expect((await upload({ checksums: { CRC32: bad } })).error, bad).toMatchObject(invalidRequest('Value for x-amz-checksum-crc32 header is invalid.'));
    }
    expect((await upload({ checksums: { SHA256: 'FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiV=' } })).error).toMatchObject(
      invalidRequest('Value for x-amz-checksum-sha256 header is invalid.'),
    );
  });

  it('two checksum headers → InvalidRequest, even when both are right', async () => {
    expect((await upload({ checksums: { CRC32, SHA256 } })).error).toMatchObject(
      invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.'),
    );
  });

  it('x-amz-sdk-checksum-algorithm: unknown, unimplemented, without a checksum, or naming another one', async () => {
    expect((await upload({ checksumAlgorithm: 'MD4', checksums: { CRC32 } })).error).toMatchObject(
      invalidRequest('Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, CRC64NVME, MD5, SHA1, SHA256, SHA512, XXHASH128, XXHASH3, XXHASH64]'),
    );
    expect((await upload({ checksumAlgorithm: 'SHA512' })).error).toMatchObject({ code: 'NotImplemented', statusCode: 501, fields: { Header: 'x-amz-sdk-checksum-algorithm' } });
    expect((await upload({ checksumAlgorithm: 'CRC32' })).error).toMatchObject(
      invalidRequest('x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.'),
    );
    expect((await upload({ checksumAlgorithm: 'SHA1', checksums: { CRC32 } })).error).toMatchObject(invalidRequest('Value for x-amz-sdk-checksum-algorithm header is invalid.'));
  });

  it('fewer bytes than declared → IncompleteBody with both counts', async () => {
    expect((await upload({ expectedSize: 10 })).error).toMatchObject({
      code: 'IncompleteBody',
      statusCode: 400,
      message: 'You did not provide the number of bytes specified by the Content-Length HTTP header',
      fields: { NumberBytesExpected: 10, NumberBytesProvided: 9 },
    });
    expect((await upload({ expectedSize: 8 })).error).toMatchObject({ code: 'IncompleteBody', fields: { NumberBytesExpected: 8, NumberBytesProvided: 9 } });
  });
});

describe('digestUpload with aws-chunked trailers', () => {
  const errors = authErrors('s3', 'rest-xml');
  const chunked = (trailers: Record<string, string>, declared = Object.keys(trailers)) => {
    const decoder = new AwsChunkedDecoder({ mode: 'unsigned-trailer', errors, decodedContentLength: 9, declaredTrailers: declared });
    decoder.end(encodeChunked([DATA], undefined, trailers));
    return decoder;
  };

  it('the trailer’s checksum, read once the body has ended', async () => {
    const { digests } = await upload({ expectedSize: 9 }, chunked({ 'x-amz-checksum-crc32c': CRC32C }));
    expect(digests?.checksum).toEqual({ algorithm: 'CRC32C', value: CRC32C, type: 'FULL_OBJECT' });
    expect((await upload({ checksumAlgorithm: 'CRC32C' }, chunked({ 'x-amz-checksum-crc32c': CRC32C }))).digests?.checksum?.value).toBe(CRC32C);
  });

  it('a trailer checksum of other bytes → BadDigest; one not canonical base64 → "trailing header is invalid"', async () => {
    expect((await upload({}, chunked({ 'x-amz-checksum-sha256': 'GeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=' }))).error).toMatchObject({
      code: 'BadDigest',
      message: 'The SHA256 you specified did not match the calculated checksum.',
    });
    expect((await upload({}, chunked({ 'x-amz-checksum-crc32': 'y/Q5Jg' }))).error).toMatchObject(invalidRequest('Value for x-amz-checksum-crc32 trailing header is invalid.'));
  });

  it('a header checksum and a trailer one → InvalidRequest without the second sentence', async () => {
    expect((await upload({ checksums: { CRC32 } }, chunked({ 'x-amz-checksum-crc32c': CRC32C }))).error).toMatchObject(
      invalidRequest('Expecting a single x-amz-checksum- header'),
    );
  });

  it('x-amz-trailer naming a non-checksum → InvalidRequest; an unimplemented checksum → NotImplemented', async () => {
    expect((await upload({}, chunked({ 'x-amz-meta-a': 'b' }))).error).toMatchObject(invalidRequest('The value specified in the x-amz-trailer header is not supported'));
    expect((await upload({}, chunked({ 'x-amz-checksum-sha512': 'x' }))).error).toMatchObject({ code: 'NotImplemented', fields: { Header: 'x-amz-checksum-sha512' } });
  });

  it('a stream that announces a trailer and does not deliver it → MalformedTrailerError', async () => {
    const source = Object.assign(Readable.from([DATA]), { declaredTrailers: ['x-amz-checksum-crc32'], trailers: new Map<string, string>() });
    expect((await upload({}, source)).error).toMatchObject({ code: 'MalformedTrailerError', statusCode: 400 });
  });
});

describe('uploadChecksOf, checksumOutput and digestBody', () => {
  it('reads a PutObject/UploadPart input', () => {
    expect(uploadChecksOf({ ContentMD5: MD5, ChecksumAlgorithm: 'CRC32', ChecksumCRC32: CRC32, ContentLength: 9 }, 'SHA1')).toEqual({
      contentMd5: MD5,
      checksumAlgorithm: 'CRC32',
      checksums: { CRC32 },
      expectedSize: 9,
      defaultAlgorithm: 'SHA1',
    });
    expect(uploadChecksOf({ ChecksumCRC64NVME: CRC64NVME, ChecksumSHA1: 'x', ChecksumCRC32C: CRC32C, ChecksumSHA256: SHA256 }).checksums).toEqual({
      CRC64NVME,
      SHA1: 'x',
      CRC32C,
      SHA256,
    });
    expect(() => uploadChecksOf({ ChecksumXXHASH3: 'AAAAAAAAAAA=' })).toThrow(expect.objectContaining({ code: 'NotImplemented', fields: { Header: 'x-amz-checksum-xxhash3' } }));
  });

  it('turns a stored checksum into output members', () => {
    const checksum = { algorithm: 'CRC64NVME', value: CRC64NVME, type: 'FULL_OBJECT' } as const;
    expect(checksumOutput(checksum)).toEqual({ ChecksumCRC64NVME: CRC64NVME, ChecksumType: 'FULL_OBJECT' });
    expect(checksumOutput(checksum, false)).toEqual({ ChecksumCRC64NVME: CRC64NVME });
    expect(checksumOutput(undefined)).toEqual({});
  });

  it('digestBody checks a document body the same way, and keeps no checksum it was not given', () => {
    expect(digestBody(DATA, { checksums: {}, contentMd5: MD5 })).toEqual({ size: 9, md5: Buffer.from(MD5, 'base64') });
    expect(digestBody(DATA, { checksums: { CRC32 } }).checksum?.value).toBe(CRC32);
    expect(() => digestBody(DATA, { checksums: { CRC32: 'z/Q5Jg==' } })).toThrow(expect.objectContaining({ code: 'BadDigest' }));
    expect(() => digestBody(DATA, { checksums: {}, contentMd5: 'x' })).toThrow(expect.objectContaining({ code: 'InvalidDigest' }));
  });
});

describe('digestUpload of large bodies (MD5 on the worker thread)', () => {
  const big = (size: number) => randomBytes(size);
  /** `data` in pieces of 1 byte to 300 KiB, so the 1 MiB ring wraps at odd places. */
  const pieces = (data: Buffer) => {
    const out: Buffer[] = [];
    for (let at = 0, n = 1; at < data.length; at += n, n = (n * 7919 + 13) % 300_000 || 1) out.push(data.subarray(at, at + n));
    return out;
  };
  const md5 = (data: Buffer) => createHash('md5').update(data).digest();

  it('are the ones hashed on the worker (declared at least 1 MiB)', () => {
    const names = [md5For(WORKER_MD5_MIN_BYTES), md5For(WORKER_MD5_MIN_BYTES - 1), md5For(undefined)].map((h) => h.constructor.name);
    expect(names).toEqual(['OffloadedMd5', 'InlineMd5', 'InlineMd5']);
  });

  it('gives the same MD5 and checksum as hashing in place, for several uploads at once', async () => {
    const bodies = [big(3 * 1024 * 1024 + 17), big(5 * 1024 * 1024), big(1024 * 1024)];
    const results = await Promise.all(bodies.map((data) => upload({ expectedSize: data.length, checksums: { CRC32C: checksumOf('CRC32C', data).toString('base64') } }, Readable.from(pieces(data)))));
    results.forEach(({ digests, error, out }, i) => {
      expect(error).toBeUndefined();
      expect(digests?.md5.equals(md5(bodies[i]!))).toBe(true);
      expect(Buffer.concat(out).equals(bodies[i]!)).toBe(true);
    });
  });

  it('takes a chunk larger than the shared ring, waiting for the worker to make room', async () => {
    const data = big(9 * 1024 * 1024 + 5);
    const { digests, error } = await upload({ expectedSize: data.length }, Readable.from([data]));
    expect(error).toBeUndefined();
    expect(digests?.md5.equals(md5(data))).toBe(true);
  });

  it('still answers BadDigest and IncompleteBody', async () => {
    const data = big(2 * 1024 * 1024);
    const wrongMd5 = md5(Buffer.from('other')).toString('base64');
    expect((await upload({ expectedSize: data.length, contentMd5: wrongMd5 }, Readable.from(pieces(data)))).error).toMatchObject({
      code: 'BadDigest',
      fields: { CalculatedDigest: md5(data).toString('base64') },
    });
    expect((await upload({ expectedSize: data.length + 1 }, Readable.from(pieces(data)))).error).toMatchObject({ code: 'IncompleteBody' });
  });

  it('in a process of its own (ESM, a loader): the digest comes, and the idle worker lets the process exit', async () => {
    // The worker's flags are its own (the parent's --input-type=module once broke its CommonJS
    // code), and it holds the process open only while it has work.
    const script = `
      import { Readable } from 'node:stream';
      import { digestUpload } from './src/services/s3/domain/integrity.ts';
      const data = Buffer.alloc(3 * 1024 * 1024, 7);
      const up = digestUpload(Readable.from([data]), { checksums: {}, expectedSize: data.length });
      up.body.resume();
      up.body.on('end', () => console.log(up.result().md5.toString('hex')));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../../../../', import.meta.url)) });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise((resolve) => child.on('close', resolve));
    clearTimeout(killer);
    expect([code, out.trim()]).toEqual([0, md5(Buffer.alloc(3 * 1024 * 1024, 7)).toString('hex')]);
  });

  it('an upload that fails midway is dropped, and the next one is unaffected', async () => {
    const source = new PassThrough();
    const up = digestUpload(source, { checksums: {}, expectedSize: 4 * 1024 * 1024 });
    const failure = new Error('connection reset');
    source.write(big(1024 * 1024));
    setImmediate(() => source.destroy(failure));
    await expect((async () => { for await (const _ of up.body); })()).rejects.toBe(failure);
    const data = big(1536 * 1024);
    expect((await upload({ expectedSize: data.length }, Readable.from([data]))).digests?.md5.equals(md5(data))).toBe(true);
  });
});
