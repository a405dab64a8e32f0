/**
 * Multipart checksums from part checksums: FULL_OBJECT must equal the CRC of the whole object
 * hashed in one pass (computed here with the AWS SDK's CRCs), COMPOSITE must be AWS's documented
 * "checksum of the concatenated part checksums, -<part count>".
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html
 */
import { Crc32, Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checksumOf, type ChecksumAlgorithm } from '../../../../src/services/s3/domain/checksums/algorithms.js';
import { combinePartChecksums, checksumTypeAllowed, defaultChecksumType } from '../../../../src/services/s3/domain/integrity.js';
import { prng } from '../../../auth/sigv4/raw-request.js';

type Crc = 'CRC32' | 'CRC32C' | 'CRC64NVME';

async function sdkCrc(algorithm: Crc, data: Uint8Array): Promise<string> {
  const hasher = algorithm === 'CRC32' ? new Crc32() : algorithm === 'CRC32C' ? new Crc32c() : new Crc64Nvme();
  hasher.update(data);
  return Buffer.from(await hasher.digest()).toString('base64');
}

function split(data: Buffer, sizes: readonly number[]): Buffer[] {
  const parts: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(data.subarray(at, at + size));
    at += size;
  }
  parts.push(data.subarray(at));
  return parts;
}

const partChecksums = (algorithm: ChecksumAlgorithm, parts: readonly Buffer[]) =>
  parts.map((p) => ({ checksum: checksumOf(algorithm, p).toString('base64'), size: p.length }));

describe('FULL_OBJECT multipart checksums', () => {
  it.each(['CRC32', 'CRC32C', 'CRC64NVME'] as const)('%s of the parts combine to the CRC of the whole object', async (algorithm) => {
    const random = prng(algorithm.length);
    for (let round = 0; round < 12; round++) {
      const data = randomBytes(1 + Math.floor(random() * 400_000));
      const cuts: number[] = [];
      for (let left = data.length; left > 0 && cuts.length < 1 + round; ) {
        const n = Math.min(left, Math.floor(random() * 90_000));
        cuts.push(n);
        left -= n;
      }
      const parts = split(data, cuts);
      expect(combinePartChecksums(algorithm, 'FULL_OBJECT', partChecksums(algorithm, parts)), `${parts.length} parts of ${data.length} bytes`).toBe(await sdkCrc(algorithm, data));
    }
  });

  it('many equal parts and a short last one, as an SDK uploads them', async () => {
    const data = randomBytes(5 * 65_536 * 3 + 12_345);
    const parts = split(data, [5 * 65_536, 5 * 65_536, 5 * 65_536]);
    for (const algorithm of ['CRC32', 'CRC32C', 'CRC64NVME'] as const) {
      expect(combinePartChecksums(algorithm, 'FULL_OBJECT', partChecksums(algorithm, parts))).toBe(await sdkCrc(algorithm, data));
    }
  });

  it('one part: its own CRC; empty parts change nothing; no parts: the CRC of nothing', () => {
    const part = Buffer.from('123456789');
    expect(combinePartChecksums('CRC32', 'FULL_OBJECT', [{ checksum: 'y/Q5Jg==', size: 9 }])).toBe('y/Q5Jg==');
    expect(combinePartChecksums('CRC64NVME', 'FULL_OBJECT', partChecksums('CRC64NVME', [Buffer.alloc(0), part, Buffer.alloc(0)]))).toBe('rosUhgp5mIg=');
    expect(combinePartChecksums('CRC32C', 'FULL_OBJECT', [])).toBe('AAAAAA==');
  });
});

describe('COMPOSITE multipart checksums', () => {
  it.each(['CRC32', 'CRC32C', 'SHA1', 'SHA256'] as const)('%s: the checksum of the concatenated raw part checksums, then -<parts>', async (algorithm) => {
    const parts = split(randomBytes(300_000), [100_000, 150_000]);
    let expected: string;
    if (algorithm === 'SHA1' || algorithm === 'SHA256') {
      const hash = (data: Buffer) => createHash(algorithm === 'SHA1' ? 'sha1' : 'sha256').update(data).digest();
      expected = hash(Buffer.concat(parts.map(hash))).toString('base64');
    } else {
      const rawCrcs = await Promise.all(parts.map(async (p) => Buffer.from(await sdkCrc(algorithm, p), 'base64')));
      expected = await sdkCrc(algorithm, Buffer.concat(rawCrcs));
    }
    expect(combinePartChecksums(algorithm, 'COMPOSITE', partChecksums(algorithm, parts))).toBe(`${expected}-3`);
  });

  it('differs from the full-object CRC (the suffix aside) for more than one part', () => {
    const parts = split(randomBytes(1000), [400]);
    const composite = combinePartChecksums('CRC32', 'COMPOSITE', partChecksums('CRC32', parts));
    const full = combinePartChecksums('CRC32', 'FULL_OBJECT', partChecksums('CRC32', parts));
    expect(composite.endsWith('-2')).toBe(true);
    expect(composite.slice(0, -2)).not.toBe(full);
  });
});

describe('checksum types', () => {
  it('CRC64NVME is full-object only, SHAs composite only, CRC32/CRC32C either; the default follows', () => {
    expect(checksumTypeAllowed('CRC64NVME', 'COMPOSITE')).toBe(false);
    expect(checksumTypeAllowed('SHA256', 'FULL_OBJECT')).toBe(false);
    expect(checksumTypeAllowed('CRC32', 'FULL_OBJECT') && checksumTypeAllowed('CRC32', 'COMPOSITE')).toBe(true);
    expect(defaultChecksumType('CRC64NVME')).toBe('FULL_OBJECT');
    expect(defaultChecksumType('CRC32C')).toBe('COMPOSITE');
  });

  it('refuses a combination CreateMultipartUpload must have refused, and a malformed stored checksum', () => {
    expect(() => combinePartChecksums('SHA1', 'FULL_OBJECT', [])).toThrow(/cannot be combined as FULL_OBJECT/);
    expect(() => combinePartChecksums('CRC64NVME', 'COMPOSITE', [])).toThrow(/cannot be combined as COMPOSITE/);
    expect(() => combinePartChecksums('CRC32', 'COMPOSITE', [{ checksum: 'rosUhgp5mIg=', size: 9 }])).toThrow(/part 1: .* is not a CRC32 checksum/);
  });
});
