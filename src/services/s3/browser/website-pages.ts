/**
 * The HTML pages S3's website endpoints answer errors with (never XML), e.g.
 *   404 Not Found — Code: NoSuchKey, Message: The specified key does not exist., Key: index.html,
 *   RequestId: …, HostId: …
 * and, when the configured error document could not be served either, a second list under
 * "An Error Occurred While Attempting to Retrieve a Custom Error Document".
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/CustomErrorDocSupport.html
 */
import { STATUS_CODES } from 'node:http';
import { s3HostId, s3RequestId } from '../../../shared/ids.js';
import type { RawResponse } from '../../raw-routes.js';

/** One error as the page lists it: Code, Message, then S3's extra elements (Key, BucketName …). */
export interface WebsiteError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, string>>;
}

export const WebsiteErrors = {
  noSuchBucket: (bucket: string): WebsiteError => ({ status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist', details: { BucketName: bucket } }),
  noWebsiteConfiguration: (bucket: string): WebsiteError => ({
    status: 404,
    code: 'NoSuchWebsiteConfiguration',
    message: 'The specified bucket does not have a website configuration',
    details: { BucketName: bucket },
  }),
  noSuchKey: (key: string): WebsiteError => ({ status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.', details: { Key: key } }),
  accessDenied: (): WebsiteError => ({ status: 403, code: 'AccessDenied', message: 'Access Denied' }),
  methodNotAllowed: (method: string): WebsiteError => ({
    status: 405,
    code: 'MethodNotAllowed',
    message: 'The specified method is not allowed against this resource.',
    details: { Method: method, ResourceType: 'OBJECT' },
  }),
};

function html(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function items(e: WebsiteError): string[] {
  const lines = [`<li>Code: ${html(e.code)}</li>`, `<li>Message: ${html(e.message)}</li>`];
  for (const [k, v] of Object.entries(e.details ?? {})) lines.push(`<li>${html(k)}: ${html(v)}</li>`);
  return lines;
}

/** The error page (status and text from `error`); `documentError` when the error document failed too. */
export function errorPage(error: WebsiteError, documentError?: WebsiteError): RawResponse {
  const title = `${error.status} ${STATUS_CODES[error.status] ?? ''}`.trim();
  // The page shows the ids the response headers carry (the gateway keeps ids already set).
  const requestId = s3RequestId();
  const hostId = s3HostId();
  const lines = ['<html>', `<head><title>${title}</title></head>`, '<body>', `<h1>${title}</h1>`, '<ul>', ...items(error)];
  lines.push(`<li>RequestId: ${requestId}</li>`, `<li>HostId: ${hostId}</li>`, '</ul>');
  if (documentError) {
    lines.push('<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document</h3>', '<ul>', ...items(documentError), '</ul>');
  }
  lines.push('<hr/>', '</body>', '</html>', '');
  return {
    statusCode: error.status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
    body: lines.join('\n'),
  };
}

/** A website redirect (routing rules, RedirectAllRequestsTo, x-amz-website-redirect-location, folders). */
export function redirectResponse(location: string, status: number): RawResponse {
  return { statusCode: status, headers: { location } };
}
