/**
 * S3 for browsers: the requests S3 answers outside its API model, as raw routes (see
 * services/raw-routes.ts), and the CORS headers added to every answer.
 * - website endpoints (website.ts): any request whose host is `<bucket>.s3-website…` or whose
 *   path is under `/_nimbus/website/`;
 * - CORS preflights (cors.ts): `OPTIONS` anywhere else;
 * - form uploads (form-upload.ts): `POST` to a bucket with no query (`POST /<bucket>`, or
 *   `POST /` virtual-hosted, or a multipart POST naming a key), which no API operation uses.
 * Presigned URLs need nothing here: the gateway verifies them like any signed request.
 */
import type { RawRequest, RawRoute, RawRouteHooks } from '../../raw-routes.js';
import type { S3Store } from '../store.js';
import { corsHeaders, preflight } from './cors.js';
import { formUpload } from './form-upload.js';
import { WEBSITE_PATH_PREFIX, addressOf, isWebsiteRequest } from './requests.js';
import { websiteRequest } from './website.js';

/** WriteGetObjectResponse is `POST /WriteGetObjectResponse`: an operation, not a bucket. */
const NOT_A_BUCKET = 'WriteGetObjectResponse';

function isFormUpload(request: RawRequest): boolean {
  if (request.method !== 'POST' || request.rawQuery !== '') return false;
  const { bucket, key } = addressOf(request.path);
  if (bucket === undefined || bucket === NOT_A_BUCKET) return false;
  // POST to the bucket itself is a form upload whatever it carries (S3 answers 412 to a non-form);
  // a multipart POST naming a key is one too (browsers post to the form's action URL as written).
  return key === '' || /^multipart\/form-data\b/i.test(request.header('content-type') ?? '');
}

function route(request: RawRequest): RawRoute<S3Store> | undefined {
  if (request.method === 'OPTIONS') return preflight;
  if (isWebsiteRequest(request)) return websiteRequest;
  if (isFormUpload(request)) return formUpload;
  return undefined;
}

export const s3BrowserRoutes: RawRouteHooks<S3Store> = {
  rawRoutes: route,
  nimbusPaths: [WEBSITE_PATH_PREFIX],
  decorateResponse: corsHeaders,
};
