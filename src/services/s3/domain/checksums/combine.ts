/**
 * The checksum of a multipart object from its parts' checksums, as CompleteMultipartUpload
 * answers it (and GetObject/HeadObject return it afterwards):
 * - COMPOSITE: the algorithm applied to the concatenation of the parts' raw checksums, then
 *   `-<number of parts>` after the base64 ("checksum of checksums").
 * - FULL_OBJECT (CRCs only): the CRC of the whole object, combined from the parts' CRCs and sizes
 *   exactly as if the object had been hashed in one pass; no suffix.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html
 */
import { ALGORITHMS, checksumOf, type ChecksumAlgorithm, type ChecksumType } from './algorithms.js';
import { combineCrc } from './crc-combine.js';

export interface PartChecksum {
  /** The part's checksum, base64 as S3 answered it for UploadPart. */
  readonly checksum: string;
  /** The part's size in bytes. */
  readonly size: number;
}

function rawPartChecksum(algorithm: ChecksumAlgorithm, part: PartChecksum, index: number): Buffer {
  const raw = Buffer.from(part.checksum, 'base64');
  if (raw.length !== ALGORITHMS[algorithm].size || raw.toString('base64') !== part.checksum) {
    throw new Error(`part ${index + 1}: ${JSON.stringify(part.checksum)} is not a ${algorithm} checksum`);
  }
  return raw;
}

/** Throws a plain Error for a combination CreateMultipartUpload must have refused, or a malformed stored checksum. */
export function combinePartChecksums(algorithm: ChecksumAlgorithm, type: ChecksumType, parts: readonly PartChecksum[]): string {
  const info = ALGORITHMS[algorithm];
  if (!info.types.includes(type)) throw new Error(`${algorithm} checksums cannot be combined as ${type}`);
  const raws = parts.map((p, i) => rawPartChecksum(algorithm, p, i));
  if (type === 'COMPOSITE') return `${checksumOf(algorithm, Buffer.concat(raws)).toString('base64')}-${parts.length}`;
  const spec = info.crc!;
  let crc = 0n; // the CRC of no bytes
  for (let i = 0; i < raws.length; i++) {
    const partCrc = spec.width === 32 ? BigInt(raws[i]!.readUInt32BE(0)) : raws[i]!.readBigUInt64BE(0);
    crc = combineCrc(spec, crc, partCrc, parts[i]!.size);
  }
  const out = Buffer.alloc(info.size);
  if (spec.width === 32) out.writeUInt32BE(Number(crc));
  else out.writeBigUInt64BE(crc);
  return out.toString('base64');
}
