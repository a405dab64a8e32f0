/**
 * Between the typed S3 members (PutObjectRequest, UploadPartRequest, their outputs) and the
 * integrity checks, so handlers do not repeat the mapping.
 */
import type { StoredChecksum, UploadChecks } from '../integrity.js';
import type { ChecksumAlgorithm, ChecksumType } from './algorithms.js';
import { IntegrityErrors } from './errors.js';

/** The members of PutObjectRequest and UploadPartRequest that declare something about the body. */
export interface UploadInput {
  readonly ContentMD5?: string;
  readonly ChecksumAlgorithm?: string;
  readonly ChecksumCRC32?: string;
  readonly ChecksumCRC32C?: string;
  readonly ChecksumCRC64NVME?: string;
  readonly ChecksumSHA1?: string;
  readonly ChecksumSHA256?: string;
  readonly ChecksumSHA512?: string;
  readonly ChecksumMD5?: string;
  readonly ChecksumXXHASH64?: string;
  readonly ChecksumXXHASH3?: string;
  readonly ChecksumXXHASH128?: string;
  /** For an aws-chunked body, the gateway has already put x-amz-decoded-content-length here. */
  readonly ContentLength?: number;
}

/** The checksum members of PutObjectOutput, UploadPartOutput, HeadObjectOutput … */
export interface ChecksumOutput {
  ChecksumCRC32?: string;
  ChecksumCRC32C?: string;
  ChecksumCRC64NVME?: string;
  ChecksumSHA1?: string;
  ChecksumSHA256?: string;
  ChecksumType?: ChecksumType;
}

const NOT_IMPLEMENTED_MEMBERS = [
  ['ChecksumSHA512', 'x-amz-checksum-sha512'],
  ['ChecksumMD5', 'x-amz-checksum-md5'],
  ['ChecksumXXHASH64', 'x-amz-checksum-xxhash64'],
  ['ChecksumXXHASH3', 'x-amz-checksum-xxhash3'],
  ['ChecksumXXHASH128', 'x-amz-checksum-xxhash128'],
] as const;

/**
 * The UploadChecks a PutObject or UploadPart input declares. Checksums sent as aws-chunked
 * trailers are not here: they arrive after the body, and digestUpload reads them from the body
 * stream itself. Throws NotImplemented for a checksum Nimbus does not compute yet.
 */
export function uploadChecksOf(input: UploadInput, defaultAlgorithm?: ChecksumAlgorithm): UploadChecks {
  for (const [member, header] of NOT_IMPLEMENTED_MEMBERS) if (input[member] !== undefined) throw IntegrityErrors.notImplemented(header);
  const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
  if (input.ChecksumCRC32 !== undefined) checksums.CRC32 = input.ChecksumCRC32;
  if (input.ChecksumCRC32C !== undefined) checksums.CRC32C = input.ChecksumCRC32C;
  if (input.ChecksumCRC64NVME !== undefined) checksums.CRC64NVME = input.ChecksumCRC64NVME;
  if (input.ChecksumSHA1 !== undefined) checksums.SHA1 = input.ChecksumSHA1;
  if (input.ChecksumSHA256 !== undefined) checksums.SHA256 = input.ChecksumSHA256;
  return {
    contentMd5: input.ContentMD5,
    checksumAlgorithm: input.ChecksumAlgorithm,
    checksums,
    expectedSize: input.ContentLength,
    defaultAlgorithm,
  };
}

/** A stored checksum as output members (`ChecksumCRC64NVME`, `ChecksumType` …); UploadPart has no ChecksumType. */
export function checksumOutput(checksum: StoredChecksum | undefined, includeType = true): ChecksumOutput {
  if (!checksum) return {};
  const out: ChecksumOutput = {};
  out[`Checksum${checksum.algorithm}`] = checksum.value;
  if (includeType) out.ChecksumType = checksum.type;
  return out;
}
