/**
 * GetObjectAttributes: the attributes a request names in `x-amz-object-attributes` and the
 * answer's members for one object version, HeadObject and ListParts in one call.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAttributes.html
 *
 * - ETag is answered without quotes (unlike GetObject's header);
 * - Checksum is the object's checksum and its type; a composite multipart checksum is shown
 *   without its `-N` part-count suffix, as in AWS's examples of part-level checksums;
 * - ObjectParts appears only for multipart objects: TotalPartsCount and the page markers, and
 *   the Part list (number, size, checksum) only when the parts carry checksums (general purpose
 *   buckets list no parts for objects uploaded without one). Pages follow PartNumberMarker
 *   (parts after that part number) and MaxParts (default and maximum 1000).
 *   https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */
import type { Checksum, GetObjectAttributesOutput, GetObjectAttributesParts, ObjectAttributes as AttributeName, ObjectPart as PartOutput } from '../generated/types.js';
import type { ObjectChecksum, ObjectPart, ObjectRecord } from '../store/object-records.js';
import { ObjectErrors } from './errors-object.js';

export const MAX_ATTRIBUTE_PARTS = 1000;

const NAMES: ReadonlySet<string> = new Set<AttributeName>(['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize']);

/** The attributes asked for; InvalidArgument for none or for a name S3 does not know. */
export function requestedAttributes(names: readonly string[] | undefined): ReadonlySet<AttributeName> {
  const out = new Set<AttributeName>();
  for (const raw of names ?? []) {
    const name = raw.trim();
    if (name === '') continue;
    if (!NAMES.has(name)) throw ObjectErrors.invalidAttributeName(name);
    out.add(name as AttributeName);
  }
  if (out.size === 0) throw ObjectErrors.invalidAttributeName(undefined);
  return out;
}

export interface PartsPage {
  MaxParts?: number;
  PartNumberMarker?: number;
}

/** Checks the paging headers before anything is read. */
export function checkPartsPage(page: PartsPage): void {
  if (page.MaxParts !== undefined && (!Number.isInteger(page.MaxParts) || page.MaxParts < 0)) throw ObjectErrors.invalidMaxParts(page.MaxParts);
  if (page.PartNumberMarker !== undefined && (!Number.isInteger(page.PartNumberMarker) || page.PartNumberMarker < 0)) {
    throw ObjectErrors.invalidPartNumberMarker(page.PartNumberMarker);
  }
}

/** The whole-object checksum as GetObjectAttributes shows it. */
export function attributesChecksum(checksum: ObjectChecksum | undefined): Checksum | undefined {
  if (!checksum) return undefined;
  const value = checksum.type === 'COMPOSITE' ? checksum.value.replace(/-\d+$/, '') : checksum.value;
  return { [`Checksum${checksum.algorithm}`]: value, ChecksumType: checksum.type };
}

/** One page of a multipart object's parts. */
export function objectPartsPage(parts: readonly ObjectPart[], checksum: ObjectChecksum | undefined, page: PartsPage): GetObjectAttributesParts {
  const max = Math.min(page.MaxParts ?? MAX_ATTRIBUTE_PARTS, MAX_ATTRIBUTE_PARTS);
  const marker = page.PartNumberMarker ?? 0;
  const after = parts.filter((p) => p.partNumber > marker);
  const shown = after.slice(0, max);
  const out: GetObjectAttributesParts = {
    TotalPartsCount: parts.length,
    PartNumberMarker: marker,
    NextPartNumberMarker: shown.at(-1)?.partNumber ?? marker,
    MaxParts: max,
    IsTruncated: after.length > shown.length,
  };
  if (checksum && parts.every((p) => p.checksum !== undefined)) {
    out.Parts = shown.map((p): PartOutput => ({ PartNumber: p.partNumber, Size: p.size, [`Checksum${checksum.algorithm}`]: p.checksum }));
  }
  return out;
}

export type AttributesOutput = Pick<GetObjectAttributesOutput, 'ETag' | 'Checksum' | 'ObjectParts' | 'StorageClass' | 'ObjectSize'>;

/**
 * The members for the attributes asked for. `parts` is called only when ObjectParts is asked for
 * and the object is multipart (reading parts costs a query).
 */
export function attributesOutput(record: ObjectRecord, wanted: ReadonlySet<AttributeName>, parts: () => readonly ObjectPart[], page: PartsPage): AttributesOutput {
  const out: AttributesOutput = {};
  if (wanted.has('ETag')) out.ETag = record.etag;
  if (wanted.has('Checksum')) out.Checksum = attributesChecksum(record.checksum);
  if (wanted.has('ObjectParts') && record.partsCount !== undefined) out.ObjectParts = objectPartsPage(parts(), record.checksum, page);
  if (wanted.has('StorageClass')) out.StorageClass = record.storageClass;
  if (wanted.has('ObjectSize')) out.ObjectSize = record.size;
  return out;
}
