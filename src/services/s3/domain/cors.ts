/**
 * CORS configurations: what PutBucketCors accepts, and how a configuration answers a browser.
 *
 * For whoever answers preflight `OPTIONS` requests and adds CORS headers to responses:
 *   const rule = matchCorsRule(rules, { origin, method, requestHeaders });
 *   rule ? corsResponseHeaders(rule, request, { preflight }) : ConfigErrors.corsNotAllowed(…)
 * with `method` the request's method, or `Access-Control-Request-Method` for a preflight, and
 * `requestHeaders` the names listed in `Access-Control-Request-Headers` (none for actual requests).
 * S3 uses the first rule that matches; a bucket without a configuration answers preflights with
 * `ConfigErrors.corsNotEnabled()` and adds no headers to other responses.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html#cors-eval-criteria
 */
import type { CORSConfiguration, CORSRule } from '../generated/types.js';
import { S3Errors } from './errors.js';

export const MAX_CORS_RULES = 100;
export const CORS_METHODS: ReadonlySet<string> = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);

function wildcards(text: string): number {
  return text.split('*').length - 1;
}

/**
 * Checks a configuration as PutBucketCors does and returns it as it will be stored.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/ManageCorsUsing.html
 */
export function validateCorsConfiguration(config: CORSConfiguration | undefined): CORSConfiguration {
  const rules = config?.CORSRules;
  // The schema asks for 1–100 rules, each with at least one origin and one method.
  if (!rules || rules.length === 0 || rules.length > MAX_CORS_RULES) throw S3Errors.malformedXml();
  for (const rule of rules) {
    if (!rule.AllowedOrigins?.length || !rule.AllowedMethods?.length) throw S3Errors.malformedXml();
    for (const method of rule.AllowedMethods) {
      if (!CORS_METHODS.has(method)) throw S3Errors.invalidRequest(`Found unsupported HTTP method in CORS config. Unsupported method is ${method}`);
    }
    for (const origin of rule.AllowedOrigins) {
      if (wildcards(origin) > 1) throw S3Errors.invalidRequest(`AllowedOrigin "${origin}" can not have more than one wildcard.`);
    }
    for (const header of rule.AllowedHeaders ?? []) {
      if (wildcards(header) > 1) throw S3Errors.invalidRequest(`AllowedHeader "${header}" can not have more than one wildcard.`);
    }
    for (const header of rule.ExposeHeaders ?? []) {
      if (header.includes('*')) throw S3Errors.invalidRequest(`ExposeHeader "${header}" contains wildcard. We currently do not support wildcard for ExposeHeader`);
    }
    if (rule.ID !== undefined && rule.ID.length > 255) throw S3Errors.invalidArgument('ID length should not exceed allowed limit of 255', 'ID', rule.ID);
  }
  return { CORSRules: rules.map(normalizeRule) };
}

function normalizeRule(rule: CORSRule): CORSRule {
  const out: CORSRule = { AllowedMethods: [...rule.AllowedMethods], AllowedOrigins: [...rule.AllowedOrigins] };
  if (rule.ID !== undefined) out.ID = rule.ID;
  if (rule.AllowedHeaders?.length) out.AllowedHeaders = [...rule.AllowedHeaders];
  if (rule.ExposeHeaders?.length) out.ExposeHeaders = [...rule.ExposeHeaders];
  if (rule.MaxAgeSeconds !== undefined) out.MaxAgeSeconds = rule.MaxAgeSeconds;
  return out;
}

/** `pattern` holds at most one `*`, which matches any run of characters (possibly empty). */
function wildcardMatch(pattern: string, text: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === text;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return text.length >= head.length + tail.length && text.startsWith(head) && text.endsWith(tail);
}

export interface CorsRequest {
  /** The `Origin` header. */
  origin: string;
  /** The request's method, or `Access-Control-Request-Method` for a preflight. */
  method: string;
  /** Header names from `Access-Control-Request-Headers` (preflight only). */
  requestHeaders?: readonly string[];
}

function ruleMatches(rule: CORSRule, request: CorsRequest): boolean {
  // Origins compare case-sensitively, methods exactly, header names case-insensitively.
  if (!rule.AllowedOrigins.some((o) => wildcardMatch(o, request.origin))) return false;
  if (!rule.AllowedMethods.includes(request.method)) return false;
  const allowed = (rule.AllowedHeaders ?? []).map((h) => h.toLowerCase());
  return (request.requestHeaders ?? []).every((h) => allowed.some((a) => wildcardMatch(a, h.trim().toLowerCase())));
}

/** The first rule that allows the request (S3 uses the first match), or undefined. */
export function matchCorsRule(rules: readonly CORSRule[], request: CorsRequest): CORSRule | undefined {
  return rules.find((rule) => ruleMatches(rule, request));
}

/**
 * The `Access-Control-*` headers (lower-case names) S3 adds for a matched rule. A rule whose
 * origin is exactly `*` answers `*` without credentials; otherwise the request's origin is echoed
 * and credentials are allowed. Preflights also get the allowed headers (those requested) and the
 * max age.
 */
export function corsResponseHeaders(rule: CORSRule, request: CorsRequest, options: { preflight: boolean }): Record<string, string> {
  const anyOrigin = rule.AllowedOrigins.includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : request.origin,
    'access-control-allow-methods': rule.AllowedMethods.join(', '),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
  };
  if (!anyOrigin) headers['access-control-allow-credentials'] = 'true';
  if (rule.ExposeHeaders?.length) headers['access-control-expose-headers'] = rule.ExposeHeaders.join(', ');
  if (options.preflight) {
    const requested = (request.requestHeaders ?? []).map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
    if (requested.length) headers['access-control-allow-headers'] = requested.join(', ');
    if (rule.MaxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.MaxAgeSeconds);
  }
  return headers;
}

/** Splits an `Access-Control-Request-Headers` value into names. */
export function parseRequestHeaders(value: string | undefined): string[] {
  return (value ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '');
}
