/**
 * The first check IAM applies: the document's shape (its grammar). Anything that is not the
 * policy language — an unknown field, a value of the wrong type, an Effect other than Allow/Deny,
 * both Action and NotAction, an unknown condition operator — is "Syntax errors in policy.".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { Malformed, malformed } from './malformed.js';
import { parseOperator } from './conditions/operators.js';

export type RawStatement = Record<string, unknown>;

export interface RawPolicy {
  readonly version: string | undefined;
  readonly id: string | undefined;
  readonly statements: readonly RawStatement[];
}

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStringOrStrings(v: unknown): boolean {
  return typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function checkGrammar(doc: unknown): RawPolicy {
  if (!isObject(doc)) malformed(Malformed.syntax);
  for (const key of Object.keys(doc)) if (!TOP_LEVEL.has(key)) malformed(Malformed.syntax);
  const version = doc['Version'];
  if (version !== undefined && (typeof version !== 'string' || !VERSIONS.has(version))) malformed(Malformed.syntax);
  const id = doc['Id'];
  if (id !== undefined && typeof id !== 'string') malformed(Malformed.syntax);
  const raw = doc['Statement'];
  const statements = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (statements.length === 0) malformed(Malformed.syntax);
  for (const s of statements) checkStatement(s);
  return { version, id, statements: statements as RawStatement[] };
}

function checkStatement(s: unknown): asserts s is RawStatement {
  if (!isObject(s)) malformed(Malformed.syntax);
  for (const key of Object.keys(s)) if (!STATEMENT_FIELDS.has(key)) malformed(Malformed.syntax);
  if (s['Sid'] !== undefined && typeof s['Sid'] !== 'string') malformed(Malformed.syntax);
  const effect = s['Effect'];
  // The case is checked later, by the "legacy" parser ("allow" is not a syntax error).
  if (typeof effect !== 'string' || !['allow', 'deny'].includes(effect.toLowerCase())) malformed(Malformed.syntax);
  for (const [a, b] of [
    ['Action', 'NotAction'],
    ['Resource', 'NotResource'],
    ['Principal', 'NotPrincipal'],
  ] as const) {
    if (s[a] !== undefined && s[b] !== undefined) malformed(Malformed.syntax);
  }
  for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
    if (s[key] !== undefined && !isStringOrStrings(s[key])) malformed(Malformed.syntax);
  }
  for (const key of ['Principal', 'NotPrincipal']) {
    const p = s[key];
    if (p === undefined || typeof p === 'string') continue;
    if (!isObject(p)) malformed(Malformed.syntax);
    for (const v of Object.values(p)) if (!isStringOrStrings(v)) malformed(Malformed.syntax);
  }
  if (s['Condition'] !== undefined) checkCondition(s['Condition']);
}

function checkCondition(c: unknown): void {
  if (!isObject(c)) malformed(Malformed.syntax);
  for (const [op, body] of Object.entries(c)) {
    if (!isObject(body)) malformed(Malformed.syntax);
    const keys = Object.entries(body);
    // IAM accepts an operator it does not know as long as it names no keys.
    if (keys.length > 0 && !parseOperator(op)) malformed(Malformed.syntax);
    for (const [, values] of keys) {
      if (isScalar(values)) continue;
      if (!Array.isArray(values) || !values.every(isScalar)) malformed(Malformed.syntax);
    }
  }
}
