/**
 * What an HTML form upload asks for, from its fields: the PutObject request it amounts to (S3
 * documents POST as "an alternate form of PUT" whose headers travel as form fields), and how to
 * answer (`success_action_redirect`, `success_action_status`).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html
 */
import { parseXml, childrenNamed, type XmlElement } from '../../../protocol/codecs/xml-parse.js';
import { S3Errors } from '../domain/errors.js';
import { checkObjectTags, formatTagging } from '../domain/tags.js';
import type { ChecksumAlgorithm, ObjectCannedACL, ObjectLockLegalHoldStatus, ObjectLockMode, PutObjectRequest, ServerSideEncryption, StorageClass, Tag } from '../generated/types.js';
import type { FormField } from './form-parse.js';

type Fields = ReadonlyMap<string, FormField>;

/** Expands `${filename}` in every field, as S3 does before checking the policy. */
export function expandFilename(fields: Fields, filename: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  // A part without a filename parameter (a textarea) leaves the variable as written, as S3 does.
  for (const [name, f] of fields) out.set(name, filename === undefined ? f.value : f.value.split('${filename}').join(filename));
  return out;
}

/** Plain fields that are PutObject members of the same meaning. */
const MEMBERS: ReadonlyArray<readonly [string, keyof PutObjectRequest]> = [
  ['cache-control', 'CacheControl'],
  ['content-type', 'ContentType'],
  ['content-disposition', 'ContentDisposition'],
  ['content-encoding', 'ContentEncoding'],
  ['content-language', 'ContentLanguage'],
  ['expires', 'Expires'],
  ['content-md5', 'ContentMD5'],
  ['x-amz-website-redirect-location', 'WebsiteRedirectLocation'],
  ['x-amz-server-side-encryption-aws-kms-key-id', 'SSEKMSKeyId'],
  ['x-amz-server-side-encryption-context', 'SSEKMSEncryptionContext'],
  ['x-amz-server-side-encryption-customer-algorithm', 'SSECustomerAlgorithm'],
  ['x-amz-server-side-encryption-customer-key', 'SSECustomerKey'],
  ['x-amz-server-side-encryption-customer-key-md5', 'SSECustomerKeyMD5'],
  ['x-amz-checksum-crc32', 'ChecksumCRC32'],
  ['x-amz-checksum-crc32c', 'ChecksumCRC32C'],
  ['x-amz-checksum-crc64nvme', 'ChecksumCRC64NVME'],
  ['x-amz-checksum-sha1', 'ChecksumSHA1'],
  ['x-amz-checksum-sha256', 'ChecksumSHA256'],
];

/** The PutObject request a form amounts to (without its Body). */
export function putObjectRequest(bucket: string, key: string, fields: ReadonlyMap<string, string>): PutObjectRequest {
  const input: PutObjectRequest = { Bucket: bucket, Key: key };
  const set = input as unknown as Record<string, unknown>;
  for (const [field, member] of MEMBERS) {
    const v = fields.get(field);
    if (v !== undefined) set[member] = v;
  }
  const acl = fields.get('acl');
  if (acl !== undefined) input.ACL = acl as ObjectCannedACL;
  const storageClass = fields.get('x-amz-storage-class');
  if (storageClass !== undefined) input.StorageClass = storageClass as StorageClass;
  const sse = fields.get('x-amz-server-side-encryption');
  if (sse !== undefined) input.ServerSideEncryption = sse as ServerSideEncryption;
  const bucketKey = fields.get('x-amz-server-side-encryption-bucket-key-enabled');
  if (bucketKey !== undefined) input.BucketKeyEnabled = bucketKey.toLowerCase() === 'true';
  const algorithm = fields.get('x-amz-checksum-algorithm') ?? fields.get('x-amz-sdk-checksum-algorithm');
  if (algorithm !== undefined) input.ChecksumAlgorithm = algorithm.toUpperCase() as ChecksumAlgorithm;
  const lockMode = fields.get('x-amz-object-lock-mode');
  if (lockMode !== undefined) input.ObjectLockMode = lockMode as ObjectLockMode;
  const retainUntil = fields.get('x-amz-object-lock-retain-until-date');
  if (retainUntil !== undefined) input.ObjectLockRetainUntilDate = new Date(retainUntil);
  const legalHold = fields.get('x-amz-object-lock-legal-hold');
  if (legalHold !== undefined) input.ObjectLockLegalHoldStatus = legalHold as ObjectLockLegalHoldStatus;
  const metadata = metadataOf(fields);
  if (metadata) input.Metadata = metadata;
  const tagging = fields.get('tagging');
  if (tagging !== undefined) input.Tagging = formatTagging(taggingDocument(tagging));
  return input;
}

function metadataOf(fields: ReadonlyMap<string, string>): Record<string, string> | undefined {
  let out: Record<string, string> | undefined;
  for (const [name, v] of fields) {
    if (name.startsWith('x-amz-meta-') && name.length > 'x-amz-meta-'.length) (out ??= {})[name.slice('x-amz-meta-'.length)] = v;
  }
  return out;
}

/**
 * The `tagging` field: a `<Tagging><TagSet><Tag><Key/><Value/></Tag>…</TagSet></Tagging>`
 * document (not the header's query form). A document of another shape tags nothing, as S3 answers.
 */
function taggingDocument(text: string): Tag[] {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch {
    throw S3Errors.malformedXml();
  }
  if (root.name !== 'Tagging') return [];
  const tags: Tag[] = [];
  for (const set of childrenNamed(root, 'TagSet')) {
    for (const tag of childrenNamed(set, 'Tag')) {
      tags.push({ Key: childrenNamed(tag, 'Key')[0]?.text ?? '', Value: childrenNamed(tag, 'Value')[0]?.text ?? '' });
    }
  }
  return checkObjectTags(tags);
}

/** How to answer a successful upload. */
export type SuccessAnswer = { readonly kind: 'redirect'; readonly url: string } | { readonly kind: 'status'; readonly status: 200 | 201 | 204 };

export function successAnswer(fields: ReadonlyMap<string, string>): SuccessAnswer {
  // `redirect` is the deprecated name of `success_action_redirect`.
  const redirect = fields.get('success_action_redirect') ?? fields.get('redirect');
  // A URL S3 cannot interpret (a relative one, say) is as if the field were absent.
  if (redirect !== undefined && isAbsoluteHttpUrl(redirect)) return { kind: 'redirect', url: redirect };
  const status = fields.get('success_action_status');
  return { kind: 'status', status: status === '200' ? 200 : status === '201' ? 201 : 204 };
}

function isAbsoluteHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
