/**
 * Test helpers: turn a raw HTTP request (the test suites' `request.txt` format) into what node:http
 * would hand the gateway — lower-case header names, repeated headers joined with ", " (or the
 * first kept, for the names node keeps one of), rawHeaders as received — and read its credential
 * the way the pipeline does.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { readCredential, type SignedCredential } from '../../../src/auth/credentials.js';
import { parseFormPairs } from '../../../src/protocol/codecs/form.js';
import type { SigV4Request } from '../../../src/auth/sigv4/index.js';

export interface RawRequest extends SigV4Request {
  readonly method: string;
  readonly path: string;
  readonly rawPath: string;
  readonly rawQuery: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawHeaders: string[];
  readonly body: Buffer;
}

/** Names node:http keeps only the first of (http.IncomingMessage docs, "message.headers"). */
const SINGLE = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host', 'if-modified-since',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards', 'proxy-authorization', 'referer', 'retry-after',
  'server', 'user-agent',
]);

/** node's `headers` object from raw name/value pairs. */
export function nodeHeaders(rawHeaders: readonly string[]): IncomingHttpHeaders {
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    const value = rawHeaders[i + 1]!;
    const had = headers[name];
    if (had === undefined) headers[name] = name === 'set-cookie' ? [value] : value;
    else if (name === 'set-cookie') (had as string[]).push(value);
    else if (!SINGLE.has(name)) headers[name] = `${had as string}, ${value}`;
  }
  return headers as IncomingHttpHeaders;
}

/**
 * Parses `METHOD target HTTP/1.1\nName:value\n…\n\nbody`. The target may hold raw spaces and UTF-8
 * (the suites write the path as the signer sees it). Continuation lines (obs-fold, which node
 * refuses) are unfolded to one space, as RFC 7230 §3.2.4 says a recipient may.
 */
export function parseRawRequest(text: Buffer | string): RawRequest {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const sep = buf.indexOf('\n\n');
  const head = buf.subarray(0, sep === -1 ? buf.length : sep).toString('utf8').replace(/\r/g, '');
  const body = sep === -1 ? Buffer.alloc(0) : buf.subarray(sep + 2);
  const lines = head.split('\n');
  const requestLine = lines.shift()!;
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(' '));
  const rawHeaders: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    if (line[0] === ' ' || line[0] === '\t') {
      rawHeaders[rawHeaders.length - 1] += ' ' + line.trim();
      continue;
    }
    const colon = line.indexOf(':');
    rawHeaders.push(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  const q = target.indexOf('?');
  const rawPath = q === -1 ? target : target.slice(0, q);
  const rawQuery = q === -1 ? '' : target.slice(q + 1);
  return { method, path: rawPath, rawPath, rawQuery, headers: nodeHeaders(rawHeaders), rawHeaders, body };
}

/** The query as the pipeline's receive step decodes it (first value of each name; `+` is a plus). */
export function queryMap(rawQuery: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const [k, v] of parseFormPairs(rawQuery.replace(/\+/g, '%2B'))) if (!map.has(k)) map.set(k, v);
  return map;
}

export function credentialOf(req: RawRequest | SigV4Request): SignedCredential {
  const auth = req.headers.authorization;
  const credential = readCredential(Array.isArray(auth) ? auth[0] : auth, queryMap(req.rawQuery));
  if (!credential) throw new Error('request is not signed');
  return credential;
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
