/**
 * Serving one object to a website endpoint. Website requests are anonymous: an object is served
 * only if everyone may read it (a bucket policy or ACL granting s3:GetObject to `*`), decided by
 * the same authorization as an unsigned GetObject. A missing key answers 404 only if everyone may
 * also list the bucket (s3:ListBucket); otherwise 403, so that nothing leaks which keys exist.
 * An object with x-amz-website-redirect-location answers 301 to it.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteAccessPermissionsReqd.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-page-redirect.html#redirect-requests-object-metadata
 */
import type { Readable } from 'node:stream';
import type { Caller } from '../../../auth/principal.js';
import { isServiceError, type ServiceError } from '../../../shared/errors.js';
import type { RawRequest, RawResponse, RawRouteContext } from '../../raw-routes.js';
import type { GetObjectOutput, GetObjectRequest } from '../generated/types.js';
import { getObject } from '../operations/get-object.js';
import { headObject } from '../operations/head-object.js';
import type { S3Store } from '../store.js';
import { WebsiteErrors, type WebsiteError } from './website-pages.js';

export type ServeOutcome =
  | { readonly kind: 'object'; readonly response: RawResponse }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'error'; readonly error: WebsiteError }
  /** Not Modified, and errors answered as S3 answers them for any GET (412, 416 …). */
  | { readonly kind: 'answer'; readonly response: RawResponse };

function dateHeader(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The read the request asks for: ranges and conditional headers apply as to any GET. */
function readRequest(request: RawRequest, bucket: string, key: string): GetObjectRequest {
  return {
    Bucket: bucket,
    Key: key,
    Range: request.header('range'),
    IfMatch: request.header('if-match'),
    IfNoneMatch: request.header('if-none-match'),
    IfModifiedSince: dateHeader(request.header('if-modified-since')),
    IfUnmodifiedSince: dateHeader(request.header('if-unmodified-since')),
  };
}

function permitted(ctx: RawRouteContext<S3Store>, operation: string, input: Record<string, unknown>, caller: Caller): boolean {
  try {
    ctx.authorize(operation, input, caller);
    return true;
  } catch (e) {
    if (isServiceError(e) && e.code === 'AccessDenied') return false;
    throw e;
  }
}

export function serveObject(request: RawRequest, ctx: RawRouteContext<S3Store>, bucket: string, key: string): ServeOutcome {
  const anonymous = ctx.anonymousCaller();
  if (!permitted(ctx, 'GetObject', { Bucket: bucket, Key: key }, anonymous)) return { kind: 'error', error: WebsiteErrors.accessDenied() };
  const head = request.method === 'HEAD';
  const operation = head ? 'HeadObject' : 'GetObject';
  const input = readRequest(request, bucket, key);
  let output: GetObjectOutput;
  try {
    const opCtx = ctx.operationContext(operation, anonymous);
    output = head ? headObject(input, opCtx) : getObject(input, opCtx);
  } catch (e) {
    if (!isServiceError(e)) throw e;
    return failure(ctx, e, bucket, key, anonymous);
  }
  if (output.WebsiteRedirectLocation !== undefined) {
    (output.Body as Readable | undefined)?.destroy?.();
    return { kind: 'redirect', location: output.WebsiteRedirectLocation };
  }
  const response = ctx.serializeOutput(operation, output as Record<string, unknown>);
  if (output.ContentRange !== undefined && !head) response.statusCode = 206;
  return { kind: 'object', response };
}

function failure(ctx: RawRouteContext<S3Store>, e: ServiceError, bucket: string, key: string, anonymous: Caller): ServeOutcome {
  if (e.code === 'NoSuchKey') {
    // Without s3:ListBucket for everyone, S3 answers 403 rather than reveal the key is absent.
    const listable = permitted(ctx, 'ListObjects', { Bucket: bucket }, anonymous);
    return { kind: 'error', error: listable ? WebsiteErrors.noSuchKey(key) : WebsiteErrors.accessDenied() };
  }
  if (e.code === 'AccessDenied') return { kind: 'error', error: WebsiteErrors.accessDenied() };
  if (e.statusCode === 304) return { kind: 'answer', response: { statusCode: 304, headers: { ...e.headers } } };
  return { kind: 'error', error: { status: e.statusCode, code: e.code, message: e.message, details: stringFields(e.fields) } };
}

function stringFields(fields: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null) out[k] = String(v);
  return out;
}
