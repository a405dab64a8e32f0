/**
 * NextToken: opaque to clients, it carries where the previous page ended (a name key, or a
 * version for GetParameterHistory) and a digest of the query it belongs to, so a token that was
 * tampered with or comes from another query is refused with InvalidNextToken.
 */
import { createHash } from 'node:crypto';
import { SsmErrors } from './errors.js';

export function queryDigest(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export function encodeToken(after: string | number, digest: string): string {
  return Buffer.from(JSON.stringify({ a: after, q: digest })).toString('base64url');
}

/** Where to resume, or undefined for the first page. */
export function decodeToken<T extends string | number>(token: string | undefined, digest: string, kind: 'string' | 'number'): T | undefined {
  if (token === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw SsmErrors.invalidNextToken();
  }
  const t = parsed as { a?: unknown; q?: unknown } | null;
  if (!t || typeof t !== 'object' || t.q !== digest || typeof t.a !== kind) throw SsmErrors.invalidNextToken();
  return t.a as T;
}

/** Splits a page fetched with one extra row into the page and its NextToken. */
export function page<T>(rows: T[], limit: number, cursor: (last: T) => string | number, digest: string): { items: T[]; NextToken?: string } {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, NextToken: encodeToken(cursor(items[items.length - 1]!), digest) };
}
