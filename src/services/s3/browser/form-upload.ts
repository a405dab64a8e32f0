/**
 * HTML form uploads: `POST /<bucket>` (or `POST /` to a virtual-hosted bucket) with
 * multipart/form-data, as browsers send them. S3's order of checks: the enclosure type (412), the
 * file and the required fields (400), the signature over the policy (before the policy is read),
 * the policy (expiration, conditions, uncovered fields), then s3:PutObject as for a PUT, and the
 * file's size against `content-length-range` as it streams into the blob store. The object is
 * written by PutObject itself, so everything a PUT checks and stores (metadata, ACL, tags,
 * encryption, checksums, versioning) applies alike.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-UsingHTTPPOST.html
 */
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { RawRequest, RawResponse, RawRouteContext } from '../../raw-routes.js';
import { checkPostPolicy, parsePostPolicy, type LengthRange } from '../domain/post-policy.js';
import { putObject } from '../operations/put-object.js';
import type { S3Store } from '../store.js';
import { BrowserErrors } from './errors.js';
import { formSigner } from './form-auth.js';
import { expandFilename, putObjectRequest, successAnswer } from './form-fields.js';
import { baseFilename, bodyEnd, readFormUntilFile, type ParsedForm } from './form-parse.js';
import { successResponse } from './form-response.js';
import { addressOf } from './requests.js';

export async function formUpload(request: RawRequest, ctx: RawRouteContext<S3Store>): Promise<RawResponse> {
  const contentType = request.header('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    await bodyEnd(request.body);
    throw BrowserErrors.notMultipart();
  }
  const bucket = addressOf(request.path).bucket!;
  let form: ParsedForm;
  try {
    form = await readFormUntilFile(request.body, contentType);
  } catch (e) {
    await bodyEnd(request.body);
    throw e;
  }
  try {
    return await upload(request, ctx, bucket, form);
  } catch (e) {
    // Read what is left, so the client sees S3's error rather than a reset connection.
    await form.discard();
    throw e;
  }
}

async function upload(request: RawRequest, ctx: RawRouteContext<S3Store>, bucket: string, form: ParsedForm): Promise<RawResponse> {
  const { fields, file } = form;
  if (!file) throw BrowserErrors.fileCount(0);
  if (!fields.has('key')) throw BrowserErrors.missingField('key');
  const signer = formSigner(fields, ctx, ctx.store.buckets.get(bucket)?.region);
  const values = expandFilename(fields, file.filename === undefined ? undefined : baseFilename(file.filename));
  let range: LengthRange | undefined;
  if (signer.policy !== undefined && signer.signatureVersion !== undefined) {
    const names = new Map([...fields].map(([lower, f]) => [lower, f.name] as const));
    range = checkPostPolicy(parsePostPolicy(signer.policy), { fields: values, names, bucket }, ctx.now(), signer.signatureVersion);
  }
  const key = values.get('key')!;
  const input = putObjectRequest(bucket, key, values);
  // The same permissions as a PUT with these headers (s3:PutObject, s3:PutObjectAcl for an acl …).
  ctx.authorize('PutObject', input as unknown as Record<string, unknown>, signer.caller);
  const output = await putObject({ ...input, Body: range ? withinRange(file.stream, range) : file.stream }, ctx.operationContext('PutObject', signer.caller));
  await form.finished;
  const written = ctx.serializeOutput('PutObject', output as Record<string, unknown>);
  return successResponse(request, successAnswer(values), { bucket, key, etag: output.ETag ?? '' }, written.headers);
}

/** The file, failing with EntityTooLarge / EntityTooSmall outside `content-length-range` (bounds inclusive). */
function withinRange(file: Readable, range: LengthRange): Readable {
  const check = new LengthRangeCheck(range);
  file.on('error', (e) => check.destroy(e));
  file.pipe(check);
  return check;
}

class LengthRangeCheck extends Transform {
  private size = 0;

  constructor(private readonly range: LengthRange) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    // Past the maximum the rest is only counted: S3 reports the whole proposed size.
    callback(null, this.size > this.range.max ? undefined : chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size > this.range.max) callback(BrowserErrors.entityTooLarge(this.size, this.range.max));
    else if (this.size < this.range.min) callback(BrowserErrors.entityTooSmall(this.size, this.range.min));
    else callback();
  }
}
