/**
 * The part of checking an expression that depends on its text alone — empty, size, syntax,
 * reserved words, function names, operator count, redundant parentheses — done once per distinct
 * text and remembered. Applications send the same few expression strings over and over with new
 * values, so a request usually skips straight to substituting its placeholders.
 * A failed preparation is not remembered (it throws every time, with the same message).
 */
import type { ParseRecord, RawCondition, RawPath, RawUpdateClause } from './ast.js';
import { checkRecord, checkSource } from './checks.js';
import { checkParentheses } from './compile-condition.js';
import type { ExpressionKind } from './messages.js';
import { parseCondition } from './parse-condition.js';
import { parseUpdate } from './parse-update.js';
import { parseProjection } from './parser.js';

export interface Prepared<T> {
  tree: T;
  record: ParseRecord;
}

/** Distinct texts remembered; the cache is simply emptied when full. */
const MAX_ENTRIES = 2000;
const cache = new Map<string, Prepared<unknown>>();

function remembered<T>(kind: ExpressionKind, source: string, prepare: () => Prepared<T>, after?: (p: Prepared<T>) => void): Prepared<T> {
  const key = `${kind}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) return hit as Prepared<T>;
  checkSource(kind, source);
  const prepared = prepare();
  checkRecord(kind, prepared.record);
  after?.(prepared);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, prepared);
  return prepared;
}

/** Conditions also get the redundant-parentheses rule, after reserved words and function names. */
export function prepareCondition(kind: ExpressionKind, source: string): Prepared<RawCondition> {
  return remembered(
    kind,
    source,
    () => {
      const { condition, record } = parseCondition(kind, source);
      return { tree: condition, record };
    },
    (p) => checkParentheses(kind, p.tree, 1, 0),
  );
}

export function prepareUpdate(source: string): Prepared<RawUpdateClause[]> {
  return remembered('UpdateExpression', source, () => {
    const { clauses, record } = parseUpdate(source);
    return { tree: clauses, record };
  });
}

export function prepareProjection(source: string): Prepared<RawPath[]> {
  return remembered('ProjectionExpression', source, () => {
    const { paths, record } = parseProjection(source);
    return { tree: paths, record };
  });
}
