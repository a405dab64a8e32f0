/**
 * Upload integrity: the one place that hashes uploaded bytes as they stream past (the ETag's
 * MD5, the flexible checksum the client asked for) and checks what the client declared
 * (`Content-MD5`, `x-amz-checksum-*` as header or aws-chunked trailer, the length).
 *
 * CONTRACT (used by PutObject, UploadPart, form uploads): keep these signatures.
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';
export type ChecksumType = 'FULL_OBJECT' | 'COMPOSITE';

/** What the request declared about its body. */
export interface UploadChecks {
  /** `Content-MD5` (base64), if sent. */
  contentMd5?: string;
  /** `x-amz-sdk-checksum-algorithm` / `ChecksumAlgorithm`: which checksum to compute and keep. */
  checksumAlgorithm?: string;
  /** `x-amz-checksum-<alg>` values sent as headers (base64), by algorithm. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
  /** The body's length as declared (Content-Length, or x-amz-decoded-content-length), if any. */
  expectedSize?: number;
}

export interface StoredChecksum {
  algorithm: ChecksumAlgorithm;
  /** base64, as S3 answers it (`-N` suffixed for composite multipart checksums). */
  value: string;
  type: ChecksumType;
}

export interface UploadDigests {
  size: number;
  /** The raw MD5 (the ETag is its hex, quoted). */
  md5: Buffer;
  checksum?: StoredChecksum;
}

export interface DigestingUpload {
  /** The body to store: the same bytes, hashed as they pass. */
  body: Readable;
  /**
   * After `body` has ended: checks what was declared and returns the digests, or throws S3's
   * error (BadDigest, InvalidDigest, IncompleteBody, …). The caller must not keep the bytes then.
   */
  result(): UploadDigests;
}

/** Starts hashing an upload. Throws at once for declarations that are malformed (InvalidDigest …). */
export function digestUpload(source: Readable, checks: UploadChecks): DigestingUpload {
  const md5 = createHash('md5');
  let size = 0;
  const body = new PassThrough();
  source.on('data', (chunk: Buffer) => {
    md5.update(chunk);
    size += chunk.length;
  });
  source.on('error', (e) => body.destroy(e));
  source.pipe(body);
  return {
    body,
    result() {
      return { size, md5: md5.digest() };
    },
  };
}

/** The checksum of a whole multipart object from its parts' checksums (composite or full-object). */
export function combinePartChecksums(
  algorithm: ChecksumAlgorithm,
  type: ChecksumType,
  parts: readonly { checksum: string; size: number }[],
): string {
  throw new Error(`combinePartChecksums(${algorithm}, ${type}, ${parts.length} parts) is not built yet`);
}
