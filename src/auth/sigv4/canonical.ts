/**
 * The canonical query string and canonical headers of a SigV4 canonical request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-canonical-request
 */
import type { IncomingHttpHeaders } from 'node:http';
import { canonicalComponent, decodeComponent } from './uri-encode.js';

/** The X-Amz-* query parameters the verifier reads (decoded), noted while canonicalizing. */
export interface QueryAuthParams {
  date?: string;
  expires?: string;
  regionSet?: string;
  contentSha256?: string;
}

/**
 * Sorted by encoded key, then encoded value; keys and values re-encoded canonically. Presigned
 * URLs leave out X-Amz-Signature (and, for `dropSessionToken`, X-Amz-Security-Token).
 */
export function canonicalQuery(rawQuery: string, presigned: boolean, dropSessionToken: boolean, params: QueryAuthParams): string {
  if (rawQuery === '') return '';
  // Each pair as `key\0value`: canonical keys and values never hold \0, and \0 sorts before every
  // character a key can hold, so a plain string sort orders by key, then by value.
  const pairs: string[] = [];
  let sorted = true;
  let start = 0;
  const n = rawQuery.length;
  while (start <= n) {
    let end = rawQuery.indexOf('&', start);
    if (end === -1) end = n;
    if (end > start) {
      const eq = rawQuery.indexOf('=', start);
      const hasValue = eq !== -1 && eq < end;
      const rawKey = hasValue ? rawQuery.slice(start, eq) : rawQuery.slice(start, end);
      const rawValue = hasValue ? rawQuery.slice(eq + 1, end) : '';
      if (rawKey.charCodeAt(0) === 88 /* X */ && rawKey.startsWith('X-Amz-') && noteAuthParam(rawKey, rawValue, presigned, dropSessionToken, params)) {
        start = end + 1;
        continue;
      }
      const pair = canonicalComponent(rawKey) + '\0' + canonicalComponent(rawValue);
      if (pairs.length > 0 && pairs[pairs.length - 1]! > pair) sorted = false;
      pairs.push(pair);
    }
    start = end + 1;
  }
  if (!sorted) pairs.sort();
  return pairs.join('&').replaceAll('\0', '=');
}

/** Records an X-Amz-* parameter; returns true when it must stay out of the canonical query. */
function noteAuthParam(rawKey: string, rawValue: string, presigned: boolean, dropSessionToken: boolean, params: QueryAuthParams): boolean {
  switch (rawKey) {
    case 'X-Amz-Signature':
      return presigned;
    case 'X-Amz-Security-Token':
      return presigned && dropSessionToken;
    case 'X-Amz-Date':
      params.date ??= decodeComponent(rawValue);
      return false;
    case 'X-Amz-Expires':
      params.expires ??= decodeComponent(rawValue);
      return false;
    case 'X-Amz-Region-Set':
      params.regionSet ??= decodeComponent(rawValue);
      return false;
    case 'X-Amz-Content-Sha256':
      params.contentSha256 ??= decodeComponent(rawValue);
      return false;
    default:
      return false;
  }
}

/** Trims and collapses runs of spaces and tabs to one space; returns the input when already so. */
export function canonicalHeaderValue(v: string): string {
  const n = v.length;
  let clean = n === 0 || (v.charCodeAt(0) !== 32 && v.charCodeAt(0) !== 9 && v.charCodeAt(n - 1) !== 32 && v.charCodeAt(n - 1) !== 9);
  for (let i = 0; clean && i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c === 32 && v.charCodeAt(i + 1) === 32)) clean = false;
  }
  return clean ? v : v.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** Whether node merged or dropped repeated headers (then rawHeaders must be read instead). */
function hasRepeatedHeaders(headers: IncomingHttpHeaders, rawHeaders: readonly string[] | undefined): boolean {
  if (rawHeaders === undefined) return false;
  let count = 0;
  for (const _ in headers) count++;
  return count * 2 !== rawHeaders.length;
}

/** The values of one header from rawHeaders, each canonicalized, joined with commas. */
function rawValues(name: string, rawHeaders: readonly string[]): string | undefined {
  let out: string | undefined;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const raw = rawHeaders[i]!;
    if (raw.length === name.length && raw.toLowerCase() === name) {
      const v = canonicalHeaderValue(rawHeaders[i + 1]!);
      out = out === undefined ? v : `${out},${v}`;
    }
  }
  return out;
}

/**
 * `name:value\n` for each signed header (names already lower-case and sorted). A signed header the
 * request lacks is signed as `name:` with an empty value, as AWS does. Multiple values are joined
 * with `,` in the order received.
 */
export function canonicalHeaders(headers: IncomingHttpHeaders, rawHeaders: readonly string[] | undefined, signed: readonly string[]): string {
  const repeated = hasRepeatedHeaders(headers, rawHeaders);
  let block = '';
  for (const name of signed) {
    let value: string;
    if (repeated) {
      value = rawValues(name, rawHeaders!) ?? '';
    } else {
      const v = headers[name];
      value = v === undefined ? '' : typeof v === 'string' ? canonicalHeaderValue(v) : v.map(canonicalHeaderValue).join(',');
    }
    block += `${name}:${value}\n`;
  }
  return block;
}

const NON_ASCII = /[^\x00-\x7f]/;
const WIDE = /[^\x00-\xff]/;

/**
 * How to turn a canonical request into the bytes that were signed. node hands header bytes over as
 * latin1 characters, so those must go back as latin1; text with characters above U+00FF cannot
 * have come from node and is UTF-8 (as an in-process caller or a test suite writes it).
 */
export function canonicalEncoding(canonical: string): BufferEncoding {
  if (!NON_ASCII.test(canonical)) return 'utf8';
  return WIDE.test(canonical) ? 'utf8' : 'latin1';
}

/** SignedHeaders split, lower-cased and sorted (the order the canonical request lists them in). */
export function signedHeaderNames(signedHeaders: string): string[] {
  const names = signedHeaders.split(';');
  let sorted = true;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const lower = name.toLowerCase();
    if (lower !== name) names[i] = lower;
    if (i > 0 && names[i - 1]! > names[i]!) sorted = false;
  }
  if (!sorted) names.sort();
  return names;
}
