/**
 * ExecuteStatement's NextToken: where a SELECT stopped, bound to the statement that minted it.
 * Pure.
 *
 * The token is opaque to clients (base64url of a small JSON document) and carries:
 * - `h`: a digest of the statement text and its Parameters. DynamoDB refuses a token replayed
 *   with another statement, table or parameters ("NextToken does not match request") but accepts
 *   one with another Limit or ConsistentRead, so neither of those is part of the digest
 *   (as characterised against DynamoDB by the floci and dynoxide conformance work, 2026);
 * - `p`: which part of the read comes next — the index of the key (GetItem access) or of the
 *   partition (Query access) the read resumes in; 0 for a Scan;
 * - `k`: the exclusive start key within that part (the LastEvaluatedKey), if any.
 * A token that cannot be read at all is "Invalid NextToken" (captured, eu-west-2, 2026).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ExecuteStatement.html#DDB-ExecuteStatement-request-NextToken
 */
import { createHash } from 'node:crypto';
import { validationError } from './errors.js';
import { requestFingerprint } from './transactions.js';
import type { AttributeValue, Item } from './types.js';

export const INVALID_NEXT_TOKEN = 'Invalid NextToken';
export const NEXT_TOKEN_MISMATCH = 'NextToken does not match request';

/** Where a SELECT resumes. */
export interface ReadPosition {
  /** The key (GetItem access) or partition (Query access) to resume in; 0 for a Scan. */
  part: number;
  /** Resume strictly after this key within `part` (table key, plus the index's for an index). */
  startKey?: Item;
}

/** The digest a token is bound to: the statement as written and its parameters. */
export function statementBinding(statement: string, parameters: readonly AttributeValue[] | undefined): string {
  const text = requestFingerprint({ Statement: statement, Parameters: parameters ?? [] });
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export function encodeNextToken(binding: string, position: ReadPosition): string {
  const doc: { v: 1; h: string; p: number; k?: Record<string, WireScalar> } = { v: 1, h: binding, p: position.part };
  if (position.startKey) doc.k = encodeKey(position.startKey);
  return Buffer.from(JSON.stringify(doc)).toString('base64url');
}

/** The position a token holds, after checking it was minted for this statement. */
export function decodeNextToken(token: string, binding: string): ReadPosition {
  const doc = parse(token);
  if (!doc || doc.v !== 1 || typeof doc.h !== 'string' || !Number.isInteger(doc.p) || (doc.p as number) < 0) {
    throw validationError(INVALID_NEXT_TOKEN);
  }
  if (doc.h !== binding) throw validationError(NEXT_TOKEN_MISMATCH);
  const position: ReadPosition = { part: doc.p as number };
  if (doc.k !== undefined) {
    const key = decodeKey(doc.k);
    if (!key) throw validationError(INVALID_NEXT_TOKEN);
    position.startKey = key;
  }
  return position;
}

/** A key value in the token: its type letter and its text (binaries in base64). */
type WireScalar = [type: 'S' | 'N' | 'B', text: string];

function encodeKey(key: Item): Record<string, WireScalar> {
  const out: Record<string, WireScalar> = {};
  for (const [name, v] of Object.entries(key)) out[name] = encodeScalar(v);
  return out;
}

function encodeScalar(v: AttributeValue): WireScalar {
  if (v.S !== undefined) return ['S', v.S];
  if (v.N !== undefined) return ['N', v.N];
  if (v.B !== undefined) return ['B', Buffer.from(v.B.buffer, v.B.byteOffset, v.B.byteLength).toString('base64')];
  // Keys hold only S, N and B (the key schema guarantees it).
  throw new Error('a key attribute that is not S, N or B');
}

function decodeKey(raw: unknown): Item | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Item = {};
  for (const [name, wire] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(wire) || wire.length !== 2 || typeof wire[1] !== 'string') return undefined;
    const [type, text] = wire as [unknown, string];
    if (type === 'S') out[name] = { S: text };
    else if (type === 'N') out[name] = { N: text };
    else if (type === 'B') out[name] = { B: new Uint8Array(Buffer.from(text, 'base64')) };
    else return undefined;
  }
  return out;
}

function parse(token: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const doc: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    return doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
