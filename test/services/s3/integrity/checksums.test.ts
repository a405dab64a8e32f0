/**
 * The checksum algorithms: the standard check values ("123456789"), equality with the AWS SDK's
 * own implementations (the values an SDK sends and verifies) on random data cut anywhere, and a
 * bit-at-a-time reference CRC, so the slice-by-8 tables and the WebAssembly loops are each tested
 * against something independent of them.
 */
import { Crc32, Crc32c, Crc64Nvme } from '@aws-sdk/checksums/crc';
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALGORITHMS, CHECKSUM_ALGORITHMS, algorithmNamed, algorithmOfHeader, checksumOf, type ChecksumAlgorithm } from '../../../../src/services/s3/domain/checksums/algorithms.js';
import { crc32Wasm, crc32cWasm, crc64nvmeWasm } from '../../../../src/services/s3/domain/checksums/crc-wasm.js';
import { CRC32C_POLYNOMIAL, CRC32_POLYNOMIAL, CRC64NVME_POLYNOMIAL } from '../../../../src/services/s3/domain/checksums/crc-tables.js';
import { prng } from '../../../auth/sigv4/raw-request.js';

const CHECK = Buffer.from('123456789');

/** The textbook bitwise CRC of a reflected polynomial with all-ones init and final XOR. */
function bitwiseCrc(data: Uint8Array, width: 32 | 64, polynomial: bigint): bigint {
  const mask = (1n << BigInt(width)) - 1n;
  let register = mask;
  for (const byte of data) {
    register ^= BigInt(byte);
    for (let bit = 0; bit < 8; bit++) register = register & 1n ? (register >> 1n) ^ polynomial : register >> 1n;
  }
  return register ^ mask;
}

async function sdkChecksum(algorithm: ChecksumAlgorithm, pieces: readonly Uint8Array[]): Promise<Buffer> {
  const hasher = algorithm === 'CRC32' ? new Crc32() : algorithm === 'CRC32C' ? new Crc32c() : algorithm === 'CRC64NVME' ? new Crc64Nvme() : undefined;
  if (!hasher) {
    const hash = createHash(algorithm === 'SHA1' ? 'sha1' : 'sha256');
    for (const p of pieces) hash.update(p);
    return hash.digest();
  }
  for (const p of pieces) hasher.update(p);
  return Buffer.from(await hasher.digest());
}

/** `data` cut at random places (empty pieces included), some pieces larger than the 64 KiB WebAssembly window. */
function cut(data: Buffer, random: () => number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < data.length; ) {
    const r = random();
    const n = r < 0.1 ? 0 : r < 0.2 ? 1 + Math.floor(random() * 7) : Math.floor(random() * 150_000);
    pieces.push(data.subarray(at, at + n));
    at += n;
  }
  return pieces;
}

function streamed(algorithm: ChecksumAlgorithm, pieces: readonly Buffer[]): Buffer {
  const hasher = ALGORITHMS[algorithm].create();
  for (const p of pieces) hasher.update(p);
  return hasher.digest();
}

describe('checksum algorithms', () => {
  it('give the standard check values of "123456789", base64 as S3 sends them', () => {
    const hex = (a: ChecksumAlgorithm) => checksumOf(a, CHECK).toString('hex');
    expect(hex('CRC32')).toBe('cbf43926');
    expect(hex('CRC32C')).toBe('e3069283');
    expect(hex('CRC64NVME')).toBe('ae8b14860a799888');
    expect(hex('SHA1')).toBe('f7c3bc1d808e04732adf679965ccc34ca7ae3441');
    expect(hex('SHA256')).toBe('15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225');
    expect(checksumOf('CRC32', CHECK).toString('base64')).toBe('y/Q5Jg==');
    expect(checksumOf('CRC64NVME', CHECK).toString('base64')).toBe('rosUhgp5mIg=');
  });

  it('of no bytes: the CRCs are 0, the digests those of the empty string', () => {
    for (const a of ['CRC32', 'CRC32C', 'CRC64NVME'] as const) expect(checksumOf(a, Buffer.alloc(0)).equals(Buffer.alloc(ALGORITHMS[a].size))).toBe(true);
    expect(checksumOf('SHA256', Buffer.alloc(0)).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it.each(CHECKSUM_ALGORITHMS)('%s equals the AWS SDK’s implementation on random data cut anywhere', async (algorithm) => {
    const random = prng(algorithm.length * 7919);
    for (const size of [0, 1, 7, 8, 9, 63, 65_535, 65_536, 65_537, 300_001]) {
      const data = randomBytes(size);
      const pieces = cut(data, random);
      const expected = await sdkChecksum(algorithm, [data]);
      expect(streamed(algorithm, pieces).toString('hex'), `${algorithm} of ${size} bytes in ${pieces.length} pieces`).toBe(expected.toString('hex'));
      expect(checksumOf(algorithm, data).length).toBe(ALGORITHMS[algorithm].size);
    }
  });

  it('the WebAssembly loops equal a bit-at-a-time CRC, whatever the alignment of the input', () => {
    const data = randomBytes(4099);
    for (const offset of [0, 1, 2, 3, 5, 7]) {
      const view = data.subarray(offset);
      expect(BigInt(crc32Wasm(view))).toBe(bitwiseCrc(view, 32, BigInt(CRC32_POLYNOMIAL)));
      expect(BigInt(crc32cWasm(view))).toBe(bitwiseCrc(view, 32, BigInt(CRC32C_POLYNOMIAL)));
      expect(crc64nvmeWasm(view)).toBe(bitwiseCrc(view, 64, CRC64NVME_POLYNOMIAL));
    }
  });

  it('continue from a previous value the way zlib.crc32 does', () => {
    const data = randomBytes(200_000);
    for (const at of [0, 1, 65_536, 131_071, 200_000]) {
      expect(crc32cWasm(data.subarray(at), crc32cWasm(data.subarray(0, at)))).toBe(crc32cWasm(data));
      expect(crc64nvmeWasm(data.subarray(at), crc64nvmeWasm(data.subarray(0, at)))).toBe(crc64nvmeWasm(data));
      expect(crc32Wasm(data.subarray(at), crc32Wasm(data.subarray(0, at)))).toBe(crc32Wasm(data));
    }
  });

  it('are named by S3’s algorithm names and header names', () => {
    expect(algorithmNamed('CRC64NVME')).toBe('CRC64NVME');
    expect(algorithmNamed('crc32c')).toBe('CRC32C');
    expect(algorithmNamed('MD4')).toBeUndefined();
    expect(algorithmNamed('SHA512')).toBeUndefined();
    expect(algorithmOfHeader('x-amz-checksum-sha256')).toBe('SHA256');
    expect(algorithmOfHeader('X-Amz-Checksum-CRC32')).toBe('CRC32');
    expect(algorithmOfHeader('x-amz-checksum-sha512')).toBeUndefined();
  });
});
