/**
 * Static website hosting: `http://<bucket>.s3-website.localhost:4566/…`,
 * `http://<bucket>.s3-website.<region>.localhost:4566/…` (or `s3-website-<region>`), and, with no
 * host name to set up, `http://localhost:4566/_nimbus/website/<bucket>/…`.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteHosting.html
 *
 * As S3's website endpoints do: only GET and HEAD (405 otherwise); RedirectAllRequestsTo; routing
 * rules (prefix conditions before the lookup, error-code conditions after it); the index document
 * for `/` and `…/`, and a 302 to `key/` when `key` is missing but `key/<index>` exists; objects'
 * x-amz-website-redirect-location (301); the error document, served with the error's status; and
 * HTML error pages (404 NoSuchBucket / NoSuchWebsiteConfiguration / NoSuchKey, 403 AccessDenied).
 * Requests are anonymous (website-objects.ts). The resolution rules are domain/website.ts's.
 */
import type { RawRequest, RawResponse, RawRouteContext } from '../../raw-routes.js';
import { folderRedirect, resolveWebsiteError, resolveWebsiteRequest, type WebsiteStep } from '../domain/website.js';
import type { WebsiteConfiguration } from '../generated/types.js';
import type { S3Store } from '../store.js';
import { bodyEnd } from './form-parse.js';
import { WEBSITE_PATH_PREFIX, addressOf, websitePath } from './requests.js';
import { serveObject, type ServeOutcome } from './website-objects.js';
import { WebsiteErrors, errorPage, redirectResponse, type WebsiteError } from './website-pages.js';

/** Where redirects that name no host point: the host asked, plus the path form's prefix. */
function siteBase(request: RawRequest, bucket: string): { host: string; pathPrefix: string } {
  if (!request.path.startsWith(WEBSITE_PATH_PREFIX)) return { host: request.host, pathPrefix: '' };
  const pathPrefix = `${WEBSITE_PATH_PREFIX}${encodeURIComponent(bucket)}`;
  return { host: `${request.host}${pathPrefix}`, pathPrefix };
}

function stepResponse(step: Extract<WebsiteStep, { kind: 'redirect' }>): RawResponse {
  return redirectResponse(step.location, step.status);
}

export async function websiteRequest(request: RawRequest, ctx: RawRouteContext<S3Store>): Promise<RawResponse> {
  await bodyEnd(request.body);
  const { bucket: name, key: path } = addressOf(websitePath(request));
  if (request.method !== 'GET' && request.method !== 'HEAD') return errorPage(WebsiteErrors.methodNotAllowed(request.method));
  if (name === undefined) return errorPage(WebsiteErrors.noSuchBucket(''));
  const bucket = ctx.store.buckets.get(name);
  if (!bucket) return errorPage(WebsiteErrors.noSuchBucket(name));
  const config = ctx.store.configs.get<WebsiteConfiguration>(bucket, 'website');
  if (!config) return errorPage(WebsiteErrors.noWebsiteConfiguration(name));
  const base = siteBase(request, name);
  const site = { host: base.host, protocol: 'http' as const };
  const step = resolveWebsiteRequest(config, { path, ...site });
  if (step.kind === 'redirect') return stepResponse(step);
  const served = serveObject(request, ctx, name, step.key);
  if (served.kind !== 'error') return outcomeResponse(served);
  if (served.error.status === 404) {
    const folder = folderRedirect(config, path);
    if (folder && serveObject(headOf(request), ctx, name, folder.probeKey).kind === 'object') {
      return redirectResponse(`${base.pathPrefix}${folder.location}`, folder.status);
    }
  }
  const fallback = resolveWebsiteError(config, { key: step.key, status: served.error.status, ...site });
  if (fallback?.kind === 'redirect') return stepResponse(fallback);
  if (fallback?.kind === 'error-document') return errorDocument(request, ctx, name, fallback.key, served.error);
  return errorPage(served.error);
}

function outcomeResponse(outcome: Exclude<ServeOutcome, { kind: 'error' }>): RawResponse {
  return outcome.kind === 'redirect' ? redirectResponse(outcome.location, 301) : outcome.response;
}

/** The error document, with the status of the error it stands for; S3's page if it cannot be served. */
function errorDocument(request: RawRequest, ctx: RawRouteContext<S3Store>, bucket: string, key: string, error: WebsiteError): RawResponse {
  // Conditional and range headers were for the page asked for, not for the error document.
  const served = serveObject(plainGet(request), ctx, bucket, key);
  if (served.kind === 'object') return { ...served.response, statusCode: error.status };
  if (served.kind === 'redirect') return redirectResponse(served.location, 301);
  return errorPage(error, served.kind === 'error' ? served.error : undefined);
}

/** The request as a HEAD without conditions (probing whether a key can be served). */
function headOf(request: RawRequest): RawRequest {
  return withHeaders(request, 'HEAD');
}

function plainGet(request: RawRequest): RawRequest {
  return withHeaders(request, request.method);
}

const DROPPED = new Set(['range', 'if-match', 'if-none-match', 'if-modified-since', 'if-unmodified-since']);

function withHeaders(request: RawRequest, method: string): RawRequest {
  return {
    requestId: request.requestId,
    method,
    path: request.path,
    rawQuery: request.rawQuery,
    query: request.query,
    host: request.host,
    hostLabel: request.hostLabel,
    hostBucket: request.hostBucket,
    region: request.region,
    body: request.body,
    header: (name) => (DROPPED.has(name) ? undefined : request.header(name)),
  };
}
