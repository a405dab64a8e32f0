/**
 * KeyConditionExpression: the shape DynamoDB allows (checked without the schema, before the table
 * is even looked up) and its resolution against a table's or index's key schema.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-KeyConditionExpression
 *
 * Shape: conditions joined by AND only; each compares one top-level attribute with values using
 * =, <, <=, >, >=, BETWEEN or begins_with (the value may come first in a comparison: `:lo <= sk`
 * is `sk >= :lo`); one condition per attribute.
 */
import { invalidParameterValues, validationError } from '../errors.js';
import type { AttributeValue, KeySchema } from '../types.js';
import { typeOf } from '../values/index.js';
import type { Condition, Operand } from './ast.js';
import { conditionPaths } from './condition-paths.js';
import { invalid } from './messages.js';

export type KeyOperator = 'EQ' | 'LT' | 'LE' | 'GT' | 'GE' | 'BETWEEN' | 'BEGINS_WITH';

/** One condition of a key condition, attribute on the left. */
export interface KeyConditionPart {
  attribute: string;
  op: KeyOperator;
  values: AttributeValue[];
}

/** What Query needs: the partition key value and the optional sort key range. */
export interface ResolvedKeyCondition {
  hashValue: AttributeValue;
  range?: { op: KeyOperator; values: AttributeValue[] };
}

const KIND = 'KeyConditionExpression';
const OPS: Record<string, KeyOperator> = { '=': 'EQ', '<': 'LT', '<=': 'LE', '>': 'GT', '>=': 'GE' };
const FLIPPED: Record<string, KeyOperator> = { '=': 'EQ', '<': 'GT', '<=': 'GE', '>': 'LT', '>=': 'LE' };

/**
 * The schema-independent checks, in the order DynamoDB's answers show (dynalite's recorded tests).
 * Prefixes as last captured: "Invalid operator used in KeyConditionExpression: OR" and "Invalid
 * condition in KeyConditionExpression: …" bare (every report quotes them so); "Invalid
 * KeyConditionExpression: KeyConditionExpressions must only contain one condition per key" and
 * "… cannot have conditions on nested attributes" prefixed (2026 captures; older reports show the
 * first bare, so DynamoDB added the prefix to this family), "… cannot contain nested operations"
 * prefixed like its siblings.
 */
export function keyConditionParts(condition: Condition): KeyConditionPart[] {
  const parts: KeyConditionPart[] = [];
  const visit = (c: Condition): void => {
    switch (c.kind) {
      case 'and':
        visit(c.left);
        visit(c.right);
        return;
      case 'or':
      case 'not':
      case 'in':
        throw validationError(`Invalid operator used in KeyConditionExpression: ${c.kind.toUpperCase()}`);
      case 'attribute_exists':
      case 'attribute_not_exists':
      case 'attribute_type':
      case 'contains':
        throw validationError(`Invalid operator used in KeyConditionExpression: ${c.kind}`);
      case 'compare':
        if (c.op === '<>') throw validationError('Invalid operator used in KeyConditionExpression: <>');
        return add(part(c.op, [c.left, c.right]));
      case 'between':
        return add(part('BETWEEN', [c.operand, c.low, c.high]));
      case 'begins_with':
        return add(part('begins_with', [c.operand, c.prefix]));
    }
  };
  const add = (p: KeyConditionPart): void => {
    if (parts.some((q) => q.attribute === p.attribute)) throw invalid(KIND, 'KeyConditionExpressions must only contain one condition per key');
    parts.push(p);
  };
  visit(condition);
  return parts;
}

function part(op: string, operands: readonly Operand[]): KeyConditionPart {
  if ((op === 'BETWEEN' || op === 'begins_with') && operands[0]?.kind !== 'path') {
    throw validationError(`Invalid condition in KeyConditionExpression: ${op} operator must have the key attribute as its first operand`);
  }
  let attribute: string | undefined;
  let attributeIndex = 0;
  operands.forEach((o, i) => {
    if (o.kind === 'path') {
      if (attribute !== undefined) throw validationError('Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
      if (o.path.length > 1) throw invalid(KIND, 'KeyConditionExpressions cannot have conditions on nested attributes');
      attribute = o.path[0] as string;
      attributeIndex = i;
    } else if (o.kind === 'size') {
      throw invalid(KIND, 'KeyConditionExpressions cannot contain nested operations');
    }
  });
  if (attribute === undefined) throw validationError('Invalid condition in KeyConditionExpression: No key attribute specified');
  const values = operands.filter((o) => o.kind === 'value').map((o) => (o as { value: AttributeValue }).value);
  const keyOp = op === 'BETWEEN' ? 'BETWEEN' : op === 'begins_with' ? 'BEGINS_WITH' : ((attributeIndex === 0 ? OPS : FLIPPED)[op] as KeyOperator);
  return { attribute, op: keyOp, values };
}

/**
 * Checks the parts against the key schema of the table or index queried. Messages as DynamoDB
 * answers (conformance captures, 2026): "The number of query conditions (3) exceeds the number of
 * key attributes defined in the schema (2)", "Query condition missed key schema element: pk",
 * "Query key condition not supported" (a partition key condition other than =), "One or more
 * parameter values were invalid: Condition parameter type does not match schema type".
 */
export function resolveKeyCondition(parts: readonly KeyConditionPart[], keySchema: KeySchema): ResolvedKeyCondition {
  const keyCount = keySchema.range ? 2 : 1;
  if (parts.length > keyCount) {
    throw validationError(`The number of query conditions (${parts.length}) exceeds the number of key attributes defined in the schema (${keyCount})`);
  }
  const hash = parts.find((p) => p.attribute === keySchema.hash.name);
  if (!hash) throw validationError(`Query condition missed key schema element: ${keySchema.hash.name}`);
  const sort = parts.find((p) => p !== hash);
  if (sort && sort.attribute !== keySchema.range?.name) {
    throw validationError(`Query condition missed key schema element: ${keySchema.range?.name ?? sort.attribute}`);
  }
  if (hash.op !== 'EQ') throw validationError('Query key condition not supported');
  const mismatch = (values: readonly AttributeValue[], type: string): boolean => values.some((v) => typeOf(v) !== type);
  if (mismatch(hash.values, keySchema.hash.type) || (sort && keySchema.range && mismatch(sort.values, keySchema.range.type))) {
    throw invalidParameterValues('Condition parameter type does not match schema type');
  }
  const resolved: ResolvedKeyCondition = { hashValue: hash.values[0] as AttributeValue };
  if (sort) resolved.range = { op: sort.op, values: sort.values };
  return resolved;
}

/** The same sort key condition in the shape the store's Query takes (store/item-reads.ts SortKeyCondition). */
export type SortKeyRange =
  | { op: 'EQ' | 'LT' | 'LE' | 'GT' | 'GE'; value: AttributeValue }
  | { op: 'BETWEEN'; low: AttributeValue; high: AttributeValue }
  | { op: 'BEGINS_WITH'; prefix: AttributeValue };

export function toSortKeyRange(range: NonNullable<ResolvedKeyCondition['range']>): SortKeyRange {
  const [first, second] = range.values as [AttributeValue, AttributeValue];
  if (range.op === 'BETWEEN') return { op: 'BETWEEN', low: first, high: second };
  if (range.op === 'BEGINS_WITH') return { op: 'BEGINS_WITH', prefix: first };
  return { op: range.op, value: first };
}

/**
 * Query's FilterExpression may not name the queried key attributes: "Filter Expression can only
 * contain non-primary key attributes: Primary key attribute: pk" (also for `pk.b` and `pk[1]`).
 */
export function assertFilterAvoidsKeys(filter: Condition, keySchema: KeySchema): void {
  const keys = [keySchema.hash.name, ...(keySchema.range ? [keySchema.range.name] : [])];
  for (const path of conditionPaths(filter)) {
    const name = path[0] as string;
    if (keys.includes(name)) throw validationError(`Filter Expression can only contain non-primary key attributes: Primary key attribute: ${name}`);
  }
}
