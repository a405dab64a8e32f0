/**
 * Integrity of request bodies that are documents (DeleteObjects, PutBucketTagging,
 * PutBucketLifecycleConfiguration, PutObjectLockConfiguration …): their Content-MD5 and
 * `x-amz-checksum-*` headers are not model members the handlers see, so the gateway hands the
 * buffered body here (ServiceDefinition.checkRequestBody) before it is parsed. Operations the
 * model marks as requiring a checksum refuse a request that declares none.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Operation } from '../../../protocol/model/shapes.js';
import { algorithmOfHeader, type ChecksumAlgorithm } from './checksums/algorithms.js';
import { NOT_IMPLEMENTED_ALGORITHMS } from './checksums/declared.js';
import { IntegrityErrors } from './checksums/errors.js';
import { digestBody } from './integrity.js';

/**
 * Operations whose checksum headers are checked elsewhere: PutObject and UploadPart hash their
 * streamed bodies in their handlers (trailers included); CompleteMultipartUpload's checksum
 * headers are members describing the whole object, not its XML body.
 */
const CHECKED_ELSEWHERE: ReadonlySet<string> = new Set(['PutObject', 'UploadPart', 'CompleteMultipartUpload']);

const NOT_IMPLEMENTED_HEADERS: ReadonlySet<string> = new Set(NOT_IMPLEMENTED_ALGORITHMS.map((a) => `x-amz-checksum-${a.toLowerCase()}`));

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * Checks a document body against its Content-MD5 and x-amz-checksum-<alg> headers; throws S3's
 * error: InvalidRequest when a required declaration is missing, InvalidDigest / InvalidRequest for
 * a malformed one, BadDigest when the body does not match, NotImplemented for a checksum Nimbus
 * does not compute.
 */
export function checkDocumentBody(operation: Operation, headers: IncomingHttpHeaders, body: Buffer): void {
  if (CHECKED_ELSEWHERE.has(operation.name)) return;
  const contentMd5 = header(headers, 'content-md5');
  const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
  let declaresChecksum = false;
  for (const name of Object.keys(headers)) {
    if (!name.startsWith('x-amz-checksum-')) continue;
    const algorithm = algorithmOfHeader(name);
    if (algorithm) {
      checksums[algorithm] = header(headers, name);
      declaresChecksum = true;
    } else if (NOT_IMPLEMENTED_HEADERS.has(name)) {
      throw IntegrityErrors.notImplemented(name);
    }
  }
  const checksumAlgorithm = header(headers, 'x-amz-sdk-checksum-algorithm');
  if (contentMd5 === undefined && !declaresChecksum) {
    if (operation.httpChecksumRequired) throw IntegrityErrors.missingIntegrityHeader(operation.httpChecksum?.requestChecksumRequired === true);
    // Nothing declared, nothing to hash (an algorithm named alone is still refused below).
    if (checksumAlgorithm === undefined) return;
  }
  digestBody(body, { contentMd5, checksumAlgorithm, checksums });
}
