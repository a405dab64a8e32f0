/**
 * How a website configuration answers a request to the website endpoint, for the engineer
 * building website hosting. Two steps, around the object lookup:
 *
 *   const step = resolveWebsiteRequest(config, { path, host, protocol });
 *   // step.kind === 'redirect' → answer step.status with Location: step.location
 *   // step.kind === 'serve'    → GET step.key; if it is missing (404) or forbidden (403):
 *   const fallback = resolveWebsiteError(config, { key: step.key, status, host, protocol });
 *   // 'redirect' → as above; 'error-document' → serve that key with `status`; undefined → S3's
 *   //  HTML error page
 *
 * Plus `folderRedirect`: a key without a trailing slash that is missing but whose `key/` +
 * index document exists answers 302 to `/key/`, as S3 does.
 *
 * Order, as S3 applies it: RedirectAllRequestsTo; then routing rules whose Condition has no
 * HttpErrorCodeReturnedEquals (first match wins, matched on the key before the index document is
 * appended); then the index document; after a failed lookup, rules with a matching
 * HttpErrorCodeReturnedEquals (and KeyPrefixEquals, if given); then the error document.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-to-page-redirect.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/IndexDocumentSupport.html
 */
import type { Redirect, RoutingRule, WebsiteConfiguration } from '../generated/types.js';

export interface WebsiteRequest {
  /** The request path without the leading `/`, percent-decoded (`''` for the root). */
  path: string;
  /** The Host the request was sent to (used when a redirect names no host). */
  host: string;
  /** The request's scheme. */
  protocol: 'http' | 'https';
}

export type WebsiteStep =
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'serve'; key: string }
  | { kind: 'error-document'; key: string };

function encodePath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** Where a routing rule's Redirect sends a request for `key`. */
export function redirectLocation(redirect: Redirect, rule: RoutingRule | undefined, key: string, request: Omit<WebsiteRequest, 'path'>): { location: string; status: number } {
  const protocol = redirect.Protocol ?? request.protocol;
  const host = redirect.HostName ?? request.host;
  let target = key;
  if (redirect.ReplaceKeyWith !== undefined) target = redirect.ReplaceKeyWith;
  else if (redirect.ReplaceKeyPrefixWith !== undefined) {
    const prefix = rule?.Condition?.KeyPrefixEquals ?? '';
    target = redirect.ReplaceKeyPrefixWith + key.slice(prefix.length);
  }
  return { location: `${protocol}://${host}/${encodePath(target)}`, status: Number(redirect.HttpRedirectCode ?? '301') };
}

function prefixMatches(rule: RoutingRule, key: string): boolean {
  const prefix = rule.Condition?.KeyPrefixEquals;
  return prefix === undefined || key.startsWith(prefix);
}

/** The key the index document maps a path to: `''` and `…/` get the suffix appended. */
export function indexKey(config: WebsiteConfiguration, path: string): string {
  const suffix = config.IndexDocument?.Suffix ?? 'index.html';
  return path === '' || path.endsWith('/') ? path + suffix : path;
}

/** The first step for a request: a redirect, or the key to look up. */
export function resolveWebsiteRequest(config: WebsiteConfiguration, request: WebsiteRequest): WebsiteStep {
  const all = config.RedirectAllRequestsTo;
  if (all) {
    const protocol = all.Protocol ?? request.protocol;
    return { kind: 'redirect', location: `${protocol}://${all.HostName}/${encodePath(request.path)}`, status: 301 };
  }
  for (const rule of config.RoutingRules ?? []) {
    if (rule.Condition?.HttpErrorCodeReturnedEquals !== undefined) continue;
    if (prefixMatches(rule, request.path)) return { kind: 'redirect', ...redirectLocation(rule.Redirect, rule, request.path, request) };
  }
  return { kind: 'serve', key: indexKey(config, request.path) };
}

/** What to answer when the lookup of `key` failed with `status` (403 or 404). */
export function resolveWebsiteError(
  config: WebsiteConfiguration,
  failure: { key: string; status: number; host: string; protocol: 'http' | 'https' },
): WebsiteStep | undefined {
  for (const rule of config.RoutingRules ?? []) {
    const code = rule.Condition?.HttpErrorCodeReturnedEquals;
    if (code === undefined || Number(code) !== failure.status) continue;
    if (prefixMatches(rule, failure.key)) return { kind: 'redirect', ...redirectLocation(rule.Redirect, rule, failure.key, failure) };
  }
  const errorKey = config.ErrorDocument?.Key;
  return errorKey ? { kind: 'error-document', key: errorKey } : undefined;
}

/**
 * For a missing `path` without a trailing slash: the key to probe (`path/` + index document) and,
 * if it exists, the 302 to answer.
 */
export function folderRedirect(config: WebsiteConfiguration, path: string): { probeKey: string; location: string; status: 302 } | undefined {
  if (path === '' || path.endsWith('/') || !config.IndexDocument) return undefined;
  return { probeKey: `${path}/${config.IndexDocument.Suffix}`, location: `/${encodePath(path)}/`, status: 302 };
}
