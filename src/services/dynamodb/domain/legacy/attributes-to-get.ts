/**
 * AttributesToGet (GetItem, BatchGetItem, Query, Scan) → the projection projectItem applies.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.AttributesToGet.html
 *
 * Each entry names a top-level attribute literally (`a.b` is the attribute "a.b", not a path), so
 * every path has one step. A name listed twice is refused: "One or more parameter values were
 * invalid: Duplicate value in attribute name: a".
 */
import type { Projection } from '../expressions/index.js';
import { duplicateAttributeName } from './messages.js';

export function compileAttributesToGet(names: readonly string[]): Projection {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw duplicateAttributeName(name);
    seen.add(name);
  }
  return names.map((name) => [name]);
}
