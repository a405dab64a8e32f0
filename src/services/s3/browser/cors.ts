/**
 * CORS, as S3 answers browsers from a bucket's CORS configuration (PutBucketCors):
 * - preflight `OPTIONS` requests (Origin + Access-Control-Request-Method [+ -Headers]) get the
 *   first matching rule's Access-Control-* headers, or 403 when the bucket has no configuration
 *   or no rule matches;
 * - every other answer to a request with an Origin header (successes and errors alike, form
 *   uploads and website pages included) gets Access-Control-Allow-Origin and the rest when a rule
 *   matches its origin and method.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTOPTIONSobject.html
 */
import type { RawRequest, RawResponse, RawRouteContext, ResponseDecorator } from '../../raw-routes.js';
import { corsResponseHeaders, matchCorsRule, parseRequestHeaders, type CorsRequest } from '../domain/cors.js';
import { ConfigErrors } from '../domain/errors-config.js';
import { S3Errors } from '../domain/errors.js';
import type { CORSConfiguration, CORSRule } from '../generated/types.js';
import type { S3Store } from '../store.js';
import { BrowserErrors } from './errors.js';
import { addressOf, isWebsiteRequest, websitePath } from './requests.js';

function addressed(request: RawRequest): ReturnType<typeof addressOf> {
  return addressOf(isWebsiteRequest(request) ? websitePath(request) : request.path);
}

function corsRules(store: S3Store, bucketName: string): readonly CORSRule[] | undefined {
  const bucket = store.buckets.get(bucketName);
  if (!bucket) return undefined;
  return store.configs.get<CORSConfiguration>(bucket, 'cors')?.CORSRules;
}

/** Answers a preflight request. */
export async function preflight(request: RawRequest, ctx: RawRouteContext<S3Store>): Promise<RawResponse> {
  const origin = request.header('origin');
  if (!origin) throw BrowserErrors.missingOrigin();
  const method = request.header('access-control-request-method');
  if (!method) throw BrowserErrors.invalidPreflightMethod(method);
  const { bucket: name, key } = addressed(request);
  if (name === undefined) throw ConfigErrors.corsNotEnabled();
  if (!ctx.store.buckets.get(name)) throw S3Errors.noSuchBucket(name);
  const rules = corsRules(ctx.store, name);
  if (!rules?.length) throw ConfigErrors.corsNotEnabled();
  const cors: CorsRequest = { origin, method, requestHeaders: parseRequestHeaders(request.header('access-control-request-headers')) };
  const rule = matchCorsRule(rules, cors);
  if (!rule) throw ConfigErrors.corsNotAllowed(method, key === '' ? 'BUCKET' : 'OBJECT');
  return { statusCode: 200, headers: corsResponseHeaders(rule, cors, { preflight: true }) };
}

/** Adds the matching rule's headers to answers of requests with an Origin header. */
export const corsHeaders: ResponseDecorator<S3Store> = {
  when: 'origin',
  decorate(request, response, store) {
    if (request.method === 'OPTIONS') return;
    const origin = request.header('origin');
    const name = addressed(request).bucket;
    if (!origin || name === undefined) return;
    const rules = corsRules(store, name);
    if (!rules) return;
    const cors: CorsRequest = { origin, method: request.method };
    const rule = matchCorsRule(rules, cors);
    if (rule) Object.assign(response.headers, corsResponseHeaders(rule, cors, { preflight: false }));
  },
};
