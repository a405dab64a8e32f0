/**
 * What an upload declares about its body, checked before a byte of it is read, the way S3 checks
 * its headers: Content-MD5, at most one `x-amz-checksum-*` value (header) or name (x-amz-trailer),
 * x-amz-sdk-checksum-algorithm agreeing with it. Yields the one algorithm to compute and where its
 * expected value comes from.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html
 */
import { ALGORITHMS, CHECKSUM_ALGORITHMS, algorithmNamed, algorithmOfHeader, type ChecksumAlgorithm } from './algorithms.js';
import { IntegrityErrors } from './errors.js';

/** Algorithms AWS lists (and the model carries) that Nimbus does not compute yet. */
export const NOT_IMPLEMENTED_ALGORITHMS = ['SHA512', 'MD5', 'XXHASH64', 'XXHASH3', 'XXHASH128'] as const;

/** The algorithm S3 computes and stores when an upload declares none (since early 2025). */
export const DEFAULT_ALGORITHM: ChecksumAlgorithm = 'CRC64NVME';

export interface Declarations {
  readonly contentMd5?: string;
  readonly checksumAlgorithm?: string;
  readonly checksums: Partial<Record<ChecksumAlgorithm, string>>;
  /** What to compute when nothing is declared (UploadPart: the multipart upload's algorithm). */
  readonly defaultAlgorithm?: ChecksumAlgorithm;
}

export type ExpectedChecksum =
  | { readonly source: 'header'; readonly raw: Buffer }
  | { readonly source: 'trailer'; readonly name: string }
  | { readonly source: 'none' };

export interface ResolvedDeclarations {
  /** Content-MD5, decoded. */
  readonly md5?: Buffer;
  readonly algorithm: ChecksumAlgorithm;
  readonly expected: ExpectedChecksum;
}

/** The raw digest a base64 value stands for, if it is exactly the canonical base64 of `size` bytes. */
export function decodeDigest(value: string, size: number): Buffer | undefined {
  const raw = Buffer.from(value, 'base64');
  // Node skips characters outside the alphabet and accepts missing padding; S3 does not (it
  // answers "Value … is invalid" even for a last character with stray low bits), so the value
  // must be what encoding its bytes gives back.
  return raw.length === size && raw.toString('base64') === value ? raw : undefined;
}

function notImplementedHeader(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  return NOT_IMPLEMENTED_ALGORITHMS.some((a) => lower === `x-amz-checksum-${a.toLowerCase()}`) ? lower : undefined;
}

/** The algorithm x-amz-sdk-checksum-algorithm names; throws S3's error for an unknown name. */
export function requestedAlgorithm(value: string): ChecksumAlgorithm {
  const known = algorithmNamed(value);
  if (known) return known;
  if ((NOT_IMPLEMENTED_ALGORITHMS as readonly string[]).includes(value.trim().toUpperCase())) {
    throw IntegrityErrors.notImplemented('x-amz-sdk-checksum-algorithm');
  }
  throw IntegrityErrors.unsupportedAlgorithm();
}

/**
 * Checks the declarations; `trailerNames` are x-amz-trailer's names (lower case). Throws S3's
 * error for the first problem, in S3's order: Content-MD5, trailer names, how many checksums,
 * their values, then x-amz-sdk-checksum-algorithm.
 */
export function resolveDeclarations(declared: Declarations, trailerNames: readonly string[]): ResolvedDeclarations {
  let md5: Buffer | undefined;
  if (declared.contentMd5 !== undefined) {
    md5 = decodeDigest(declared.contentMd5, 16);
    if (!md5) throw IntegrityErrors.invalidDigest(declared.contentMd5);
  }

  const trailers: ChecksumAlgorithm[] = [];
  for (const name of trailerNames) {
    const algorithm = algorithmOfHeader(name);
    if (algorithm) trailers.push(algorithm);
    else if (notImplementedHeader(name)) throw IntegrityErrors.notImplemented(name.trim().toLowerCase());
    else throw IntegrityErrors.unsupportedTrailer();
  }
  const headers = CHECKSUM_ALGORITHMS.filter((a) => declared.checksums[a] !== undefined);
  if (headers.length + trailers.length > 1) throw IntegrityErrors.multipleChecksums(trailers.length > 0);

  let algorithm: ChecksumAlgorithm | undefined;
  let expected: ExpectedChecksum = { source: 'none' };
  if (headers.length) {
    algorithm = headers[0]!;
    const info = ALGORITHMS[algorithm];
    const raw = decodeDigest(declared.checksums[algorithm]!, info.size);
    if (!raw) throw IntegrityErrors.invalidChecksumValue(info.header, false);
    expected = { source: 'header', raw };
  } else if (trailers.length) {
    algorithm = trailers[0]!;
    expected = { source: 'trailer', name: ALGORITHMS[algorithm].header };
  }

  if (declared.checksumAlgorithm !== undefined) {
    const requested = requestedAlgorithm(declared.checksumAlgorithm);
    if (algorithm === undefined) throw IntegrityErrors.algorithmWithoutChecksum();
    if (requested !== algorithm) throw IntegrityErrors.algorithmMismatch();
  }
  return { md5, algorithm: algorithm ?? declared.defaultAlgorithm ?? DEFAULT_ALGORITHM, expected };
}
