/**
 * Reading keys out of a WHERE clause.
 *
 * - Writes (UPDATE, DELETE, EXISTS) need one item: the top-level AND terms `key = value` give the
 *   key, one per key attribute, and the other terms become the condition. A key attribute without
 *   such a term is "Where clause does not contain a mandatory equality on all key attributes"; an
 *   equality reached through OR or NOT does not count (`NOT pk = 'p'` is a condition, not a key).
 * - SELECT may read several keys: keyBranches spreads the clause into alternatives (OR branches)
 *   of simple comparisons and IN lists, which planSelect matches against the key schema
 *   (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html:
 *   `OrderID = 100 OR OrderID = 200` and `OrderID IN [100, 300, 234]` read no more than those keys).
 */
import type { KeyOperator } from '../expressions/index.js';
import type { AttributeValue, Item, KeySchema } from '../types.js';
import { typeOf, validateKeyValue } from '../values/index.js';
import type { Comparator, Expr } from './ast.js';
import { incompleteKey, keyNotScalar, keyTypeMismatch, multipleKeyConditions } from './messages.js';
import type { KeyTerm } from './plan.js';
import { isValueExpr, type ValueConverter } from './values.js';

/** The top-level AND terms of a clause, in order. */
export function conjuncts(e: Expr): Expr[] {
  return e.kind === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

/** Joins terms with AND again (undefined for none). */
export function joinAnd(terms: readonly Expr[]): Expr | undefined {
  let out: Expr | undefined;
  for (const t of terms) out = out ? { kind: 'and', left: out, right: t, start: out.start, length: out.length } : t;
  return out;
}

/** `key = value` or `value = key` on a top-level attribute: the attribute and the value side. */
function equality(e: Expr): { name: string; value: Expr } | undefined {
  if (e.kind !== 'compare' || e.op !== '=') return undefined;
  if (e.left.kind === 'path' && e.left.steps.length === 0 && isValueExpr(e.right)) return { name: e.left.root, value: e.right };
  if (e.right.kind === 'path' && e.right.steps.length === 0 && isValueExpr(e.left)) return { name: e.right.root, value: e.left };
  return undefined;
}

/** Key values must be S, N or B, of the schema's type; then DynamoDB's ordinary key checks (empty, size). */
export function checkKeyValue(name: string, value: AttributeValue, keySchema: KeySchema): AttributeValue {
  const attr = keySchema.hash.name === name ? keySchema.hash : keySchema.range?.name === name ? keySchema.range : undefined;
  if (!attr) return value;
  const type = typeOf(value);
  if (type !== 'S' && type !== 'N' && type !== 'B') throw keyNotScalar(name, type);
  if (type !== attr.type) throw keyTypeMismatch(name);
  return validateKeyValue(value, attr, attr === keySchema.hash ? 'partition' : 'sort');
}

/** The single item a write names, and the rest of its WHERE clause. */
export function extractKey(where: Expr | undefined, keySchema: KeySchema, converter: ValueConverter): { key: Item; rest?: Expr } {
  if (!where) throw incompleteKey();
  const names = keySchema.range ? [keySchema.hash.name, keySchema.range.name] : [keySchema.hash.name];
  const found = new Map<string, Expr>();
  const rest: Expr[] = [];
  for (const term of conjuncts(where)) {
    const eq = equality(term);
    if (eq && names.includes(eq.name)) {
      if (found.has(eq.name)) throw multipleKeyConditions(eq.name);
      found.set(eq.name, eq.value);
    } else {
      rest.push(term);
    }
  }
  if (names.some((n) => !found.has(n))) throw incompleteKey();
  const key: Item = {};
  for (const n of names) key[n] = checkKeyValue(n, converter.value(found.get(n) as Expr), keySchema);
  const out: { key: Item; rest?: Expr } = { key };
  const condition = joinAnd(rest);
  if (condition) out.rest = condition;
  return out;
}

/** More alternatives than this and planSelect just scans (the filter keeps the answer exact). */
const MAX_BRANCHES = 100;

const KEY_OPS: Readonly<Record<string, KeyOperator>> = { '=': 'EQ', '<': 'LT', '<=': 'LE', '>': 'GT', '>=': 'GE' };
const FLIPPED: Readonly<Record<string, KeyOperator>> = { '=': 'EQ', '<': 'GT', '<=': 'GE', '>': 'LT', '>=': 'LE' };

/**
 * The clause as alternatives: ORs spread out (an AND over ORs multiplies them), each alternative
 * the list of its key-shaped terms (other terms are left to the filter). An IN stays one term with
 * its list: only planSelect knows whether it is on a key attribute and worth spreading.
 * Undefined when the clause spreads into more than MAX_BRANCHES alternatives.
 */
export function keyBranches(where: Expr, converter: ValueConverter): KeyTerm[][] | undefined {
  return spread(where, converter);
}

function spread(e: Expr, converter: ValueConverter): KeyTerm[][] | undefined {
  switch (e.kind) {
    case 'or': {
      const left = spread(e.left, converter);
      const right = left && spread(e.right, converter);
      if (!left || !right || left.length + right.length > MAX_BRANCHES) return undefined;
      return left.concat(right);
    }
    case 'and': {
      const left = spread(e.left, converter);
      const right = left && spread(e.right, converter);
      if (!left || !right || left.length * right.length > MAX_BRANCHES) return undefined;
      const out: KeyTerm[][] = [];
      for (const l of left) for (const r of right) out.push(l.concat(r));
      return out;
    }
    default: {
      const t = term(e, converter);
      return [t ? [t] : []];
    }
  }
}

/** One comparison of a top-level attribute with values, or undefined for anything else. */
function term(e: Expr, converter: ValueConverter): KeyTerm | undefined {
  const top = (x: Expr): string | undefined => (x.kind === 'path' && x.steps.length === 0 ? x.root : undefined);
  switch (e.kind) {
    case 'compare': {
      const op = e.op as Comparator;
      if (op === '<>') return undefined;
      const left = top(e.left);
      if (left !== undefined && isValueExpr(e.right)) return { attribute: left, op: KEY_OPS[op] as KeyOperator, values: [converter.value(e.right)] };
      const right = top(e.right);
      if (right !== undefined && isValueExpr(e.left)) return { attribute: right, op: FLIPPED[op] as KeyOperator, values: [converter.value(e.left)] };
      return undefined;
    }
    case 'in': {
      const attr = top(e.operand);
      if (attr === undefined || e.list.kind !== 'list' || e.list.items.length === 0 || !e.list.items.every(isValueExpr)) return undefined;
      return { attribute: attr, op: 'IN', values: e.list.items.map((item) => converter.value(item)) };
    }
    case 'between': {
      const attr = top(e.operand);
      if (attr === undefined || !isValueExpr(e.low) || !isValueExpr(e.high)) return undefined;
      return { attribute: attr, op: 'BETWEEN', values: [converter.value(e.low), converter.value(e.high)] };
    }
    case 'call': {
      const [first, second] = e.args;
      const attr = first && top(first);
      if (e.name.toLowerCase() !== 'begins_with' || e.args.length !== 2 || attr === undefined || !second || !isValueExpr(second)) return undefined;
      return { attribute: attr, op: 'BEGINS_WITH', values: [converter.value(second)] };
    }
    default:
      return undefined;
  }
}
