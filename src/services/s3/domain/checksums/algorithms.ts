/**
 * The flexible checksums S3 computes and checks: how each is computed, its size, its header, and
 * how a multipart upload may combine it. Values travel as the base64 of the raw digest, CRCs as
 * big-endian integers (CRC32 of "123456789" is 0xCBF43926, sent as "y/Q5Jg==").
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */
import { createHash, type Hash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { CRC32C_POLYNOMIAL, CRC32_POLYNOMIAL, CRC64NVME_POLYNOMIAL } from './crc-tables.js';
import type { CrcSpec } from './crc-combine.js';
import { crc32Wasm, crc32cWasm, crc64nvmeWasm } from './crc-wasm.js';

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';
export type ChecksumType = 'FULL_OBJECT' | 'COMPOSITE';

export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

/** Hashes bytes as they pass; `digest` once, at the end. */
export interface ChecksumHasher {
  update(data: Uint8Array): void;
  /** The raw digest (CRCs big-endian). */
  digest(): Buffer;
}

export interface AlgorithmInfo {
  readonly name: ChecksumAlgorithm;
  /** `x-amz-checksum-crc32` …: the header (and trailer) that carries it. */
  readonly header: string;
  /** Bytes of the raw digest. */
  readonly size: number;
  /** CRCs: width and polynomial, so parts can be combined into a full-object CRC. */
  readonly crc?: CrcSpec;
  /** Checksum types a multipart upload may use with it (CRC64NVME is full-object only, SHAs composite only). */
  readonly types: readonly ChecksumType[];
  create(): ChecksumHasher;
}

// zlib.crc32 is native (Node.js ≥ 20.15, 22.2) and several times faster than any table loop.
const nativeCrc32 = typeof zlib.crc32 === 'function' ? zlib.crc32 : undefined;

class Crc32Hasher implements ChecksumHasher {
  private value = 0;
  constructor(private readonly step: (data: Uint8Array, previous: number) => number) {}
  update(data: Uint8Array): void {
    this.value = this.step(data, this.value);
  }
  digest(): Buffer {
    const out = Buffer.allocUnsafe(4);
    out.writeUInt32BE(this.value >>> 0);
    return out;
  }
}

class Crc64NvmeHasher implements ChecksumHasher {
  private value = 0n;
  update(data: Uint8Array): void {
    this.value = crc64nvmeWasm(data, this.value);
  }
  digest(): Buffer {
    const out = Buffer.allocUnsafe(8);
    out.writeBigUInt64BE(this.value);
    return out;
  }
}

class NodeHasher implements ChecksumHasher {
  private readonly hash: Hash;
  constructor(algorithm: string) {
    this.hash = createHash(algorithm);
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Buffer {
    return this.hash.digest();
  }
}

const crc32Step = nativeCrc32 ?? crc32Wasm;

export const ALGORITHMS: Readonly<Record<ChecksumAlgorithm, AlgorithmInfo>> = {
  CRC32: {
    name: 'CRC32',
    header: 'x-amz-checksum-crc32',
    size: 4,
    crc: { width: 32, polynomial: BigInt(CRC32_POLYNOMIAL) },
    types: ['FULL_OBJECT', 'COMPOSITE'],
    create: () => new Crc32Hasher(crc32Step),
  },
  CRC32C: {
    name: 'CRC32C',
    header: 'x-amz-checksum-crc32c',
    size: 4,
    crc: { width: 32, polynomial: BigInt(CRC32C_POLYNOMIAL) },
    types: ['FULL_OBJECT', 'COMPOSITE'],
    create: () => new Crc32Hasher(crc32cWasm),
  },
  CRC64NVME: {
    name: 'CRC64NVME',
    header: 'x-amz-checksum-crc64nvme',
    size: 8,
    crc: { width: 64, polynomial: CRC64NVME_POLYNOMIAL },
    types: ['FULL_OBJECT'],
    create: () => new Crc64NvmeHasher(),
  },
  SHA1: { name: 'SHA1', header: 'x-amz-checksum-sha1', size: 20, types: ['COMPOSITE'], create: () => new NodeHasher('sha1') },
  SHA256: { name: 'SHA256', header: 'x-amz-checksum-sha256', size: 32, types: ['COMPOSITE'], create: () => new NodeHasher('sha256') },
};

/** The algorithm a name denotes (S3 spells them in upper case; lower case is accepted too). */
export function algorithmNamed(name: string): ChecksumAlgorithm | undefined {
  const upper = name.trim().toUpperCase();
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(upper) ? (upper as ChecksumAlgorithm) : undefined;
}

/** The algorithm whose header (or trailer) this is, e.g. `x-amz-checksum-crc32c` → CRC32C. */
export function algorithmOfHeader(header: string): ChecksumAlgorithm | undefined {
  const lower = header.trim().toLowerCase();
  return CHECKSUM_ALGORITHMS.find((a) => ALGORITHMS[a].header === lower);
}

/** The raw checksum of `data` in one call. */
export function checksumOf(algorithm: ChecksumAlgorithm, data: Uint8Array): Buffer {
  const hasher = ALGORITHMS[algorithm].create();
  hasher.update(data);
  return hasher.digest();
}

/** The checksum type a multipart upload uses when CreateMultipartUpload names only the algorithm. */
export function defaultChecksumType(algorithm: ChecksumAlgorithm): ChecksumType {
  return algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE';
}

/** Whether a multipart upload may combine this algorithm's part checksums this way. */
export function checksumTypeAllowed(algorithm: ChecksumAlgorithm, type: ChecksumType): boolean {
  return ALGORITHMS[algorithm].types.includes(type);
}
