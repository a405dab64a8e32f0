/**
 * Upload integrity: the one place that hashes uploaded bytes as they stream past (the ETag's
 * MD5, the flexible checksum the client asked for) and checks what the client declared
 * (`Content-MD5`, `x-amz-checksum-*` as header or aws-chunked trailer, the length).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html
 *
 * CONTRACT (used by PutObject, UploadPart, form uploads): keep these signatures.
 *
 * Typical use in a handler:
 *   const upload = digestUpload(input.Body, uploadChecksOf(input));   // throws for bad declarations
 *   await store the bytes from upload.body (on a stream error: discard them);
 *   const { size, md5, checksum } = upload.result();                   // throws BadDigest, …
 *   return { ETag: `"${md5.toString('hex')}"`, ...checksumOutput(checksum) };
 *
 * With no checksum declared, S3 computes CRC64NVME and stores it as a FULL_OBJECT checksum (the
 * default data integrity protections of 2025); UploadPart passes the multipart upload's algorithm
 * as `defaultAlgorithm`.
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { ALGORITHMS, type ChecksumAlgorithm, type ChecksumHasher, type ChecksumType } from './checksums/algorithms.js';
import { combinePartChecksums as combineParts } from './checksums/combine.js';
import { decodeDigest, resolveDeclarations, type ResolvedDeclarations } from './checksums/declared.js';
import { IntegrityErrors } from './checksums/errors.js';
import { md5For, type Md5Hasher } from './checksums/md5.js';

export type { ChecksumAlgorithm, ChecksumType } from './checksums/algorithms.js';
export { checksumOf, checksumTypeAllowed, defaultChecksumType, CHECKSUM_ALGORITHMS } from './checksums/algorithms.js';
export { DEFAULT_ALGORITHM, requestedAlgorithm } from './checksums/declared.js';
export { uploadChecksOf, checksumOutput, type UploadInput, type ChecksumOutput } from './checksums/members.js';

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
  /**
   * What to compute when the request declares no checksum: UploadPart passes its multipart
   * upload's algorithm. Default CRC64NVME, as S3 does for new objects.
   */
  defaultAlgorithm?: ChecksumAlgorithm;
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

/**
 * What the gateway's aws-chunked decoder exposes on the body stream (matched by shape: services
 * do not import the gateway): the trailer names x-amz-trailer announced, and the trailers, complete
 * once the stream has ended.
 */
export interface TrailingHeaders {
  readonly declaredTrailers: readonly string[];
  readonly trailers: ReadonlyMap<string, string>;
}

function trailingHeadersOf(source: unknown): TrailingHeaders | undefined {
  const s = source as Partial<TrailingHeaders> | null;
  return s && Array.isArray(s.declaredTrailers) && s.trailers instanceof Map ? (s as TrailingHeaders) : undefined;
}

/**
 * Passes the body on unchanged (the same Buffers, no copies) while hashing it: the flexible
 * checksum here, the MD5 here or on the MD5 worker (large bodies). A chunk is passed on once the
 * MD5 worker has room for it, so a slow hash slows the upload instead of queueing it in memory.
 */
class DigestingStream extends Transform {
  size = 0;
  /** Set once the body has ended and every hash is complete. */
  md5: Buffer | undefined;

  constructor(
    readonly checksum: ChecksumHasher,
    private readonly md5Hasher: Md5Hasher,
  ) {
    super({ highWaterMark: 64 * 1024 });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const waiting = this.md5Hasher.update(chunk);
    this.checksum.update(chunk);
    this.size += chunk.length;
    if (waiting) waiting.then(() => callback(null, chunk), callback);
    else callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const digest = this.md5Hasher.digest();
    if (!(digest instanceof Promise)) {
      this.md5 = digest;
      return callback();
    }
    digest.then((md5) => {
      this.md5 = md5;
      callback();
    }, callback);
  }

  override _destroy(error: Error | null, callback: (error: Error | null) => void): void {
    if (this.md5 === undefined) this.md5Hasher.abort();
    callback(error);
  }
}

/** Checks the digests of a complete body against what was declared; returns them or throws S3's error. */
function verifyDigests(
  resolved: ResolvedDeclarations,
  checks: UploadChecks,
  size: number,
  md5: Buffer,
  checksum: Buffer | undefined,
  trailers: TrailingHeaders | undefined,
): UploadDigests {
  if (checks.expectedSize !== undefined && size !== checks.expectedSize) throw IntegrityErrors.incompleteBody(checks.expectedSize, size);
  if (resolved.md5 && !resolved.md5.equals(md5)) throw IntegrityErrors.md5Mismatch(resolved.md5.toString('hex'), md5.toString('base64'));
  const expected = resolved.expected;
  let declared: Buffer | undefined;
  if (expected.source === 'header') {
    declared = expected.raw;
  } else if (expected.source === 'trailer') {
    const value = trailers?.trailers.get(expected.name);
    if (value === undefined) throw IntegrityErrors.malformedTrailer();
    declared = decodeDigest(value, ALGORITHMS[resolved.algorithm].size);
    if (!declared) throw IntegrityErrors.invalidChecksumValue(expected.name, true);
  }
  if (checksum === undefined) return { size, md5 };
  if (declared && !declared.equals(checksum)) throw IntegrityErrors.checksumMismatch(resolved.algorithm);
  // A single upload's checksum covers the whole body: FULL_OBJECT, as PutObject answers it.
  return { size, md5, checksum: { algorithm: resolved.algorithm, value: checksum.toString('base64'), type: 'FULL_OBJECT' } };
}

/** Starts hashing an upload. Throws at once for declarations that are malformed (InvalidDigest …). */
export function digestUpload(source: Readable, checks: UploadChecks): DigestingUpload {
  const trailers = trailingHeadersOf(source);
  const resolved = resolveDeclarations(checks, trailers?.declaredTrailers ?? []);
  const body = new DigestingStream(ALGORITHMS[resolved.algorithm].create(), md5For(checks.expectedSize));
  // Not stream.pipeline: that would destroy the request on an error, and with it the socket the
  // error response must go out on.
  source.on('error', (e) => body.destroy(e));
  source.pipe(body);
  let outcome: { digests: UploadDigests } | { error: unknown } | undefined;
  return {
    body,
    result() {
      if (body.md5 === undefined) throw new Error('digestUpload: result() called before the body ended');
      if (!outcome) {
        try {
          outcome = { digests: verifyDigests(resolved, checks, body.size, body.md5, body.checksum.digest(), trailers) };
        } catch (error) {
          outcome = { error };
        }
      }
      if ('error' in outcome) throw outcome.error;
      return outcome.digests;
    },
  };
}

/**
 * A small body (declared at most `max` bytes), read whole and hashed in one go: no Transform and
 * no pipe, which for a 1 KiB PUT cost more than everything else the handler does. Bytes past
 * `max` are counted, not kept; the declared length then fails the check (IncompleteBody).
 * Declarations are checked before the body is read, as digestUpload does.
 */
export async function digestSmallUpload(source: Readable | Buffer, checks: UploadChecks, max: number): Promise<{ bytes: Buffer; digests: UploadDigests }> {
  const trailers = Buffer.isBuffer(source) ? undefined : trailingHeadersOf(source);
  const resolved = resolveDeclarations(checks, trailers?.declaredTrailers ?? []);
  const { bytes, size } = Buffer.isBuffer(source) ? { bytes: source, size: source.length } : await readSmall(source, max);
  const hasher = ALGORITHMS[resolved.algorithm].create();
  hasher.update(bytes);
  const digests = verifyDigests(resolved, checks, size, createHash('md5').update(bytes).digest(), hasher.digest(), trailers);
  return { bytes, digests };
}

function readSmall(source: Readable, max: number): Promise<{ bytes: Buffer; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let kept = 0;
    let size = 0;
    source.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (kept + chunk.length > max) return;
      chunks.push(chunk);
      kept += chunk.length;
    });
    source.once('end', () => resolve({ bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, kept), size }));
    source.once('error', reject);
  });
}

/**
 * The same checks for a body already in memory (operations whose body is a document, such as
 * DeleteObjects or PutBucketLifecycleConfiguration, which take Content-MD5 or a checksum).
 */
export function digestBody(body: Buffer, checks: UploadChecks): UploadDigests {
  const resolved = resolveDeclarations(checks, []);
  // With no checksum declared there is nothing to check, and a document's checksum is never kept.
  let checksum: Buffer | undefined;
  if (resolved.expected.source !== 'none') {
    const hasher = ALGORITHMS[resolved.algorithm].create();
    hasher.update(body);
    checksum = hasher.digest();
  }
  return verifyDigests(resolved, checks, body.length, createHash('md5').update(body).digest(), checksum, undefined);
}

/** The checksum of a whole multipart object from its parts' checksums (composite or full-object). */
export function combinePartChecksums(
  algorithm: ChecksumAlgorithm,
  type: ChecksumType,
  parts: readonly { checksum: string; size: number }[],
): string {
  return combineParts(algorithm, type, parts);
}
