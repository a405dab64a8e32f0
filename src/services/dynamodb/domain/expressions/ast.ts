/**
 * Expression trees, in two stages:
 * - Raw (`Raw*`): what the parser read, placeholders unresolved, with source offsets so checks can
 *   run in the order DynamoDB reports them.
 * - Compiled: names and values substituted and every static check passed. Only these leave the
 *   module; evaluation, update and projection work on them and cannot fail on the expression
 *   itself (only on the item's data).
 */
import type { AttributeValue } from '../types.js';

/** One step of a document path: a map key (or top-level attribute name), or a list index. */
export type PathElement = string | number;
/** `a.b[2]` is `['a', 'b', 2]`; the first element is always an attribute name. */
export type DocumentPath = readonly PathElement[];

// ---- Raw (parser output) ----

/** A name as written: literal (`status`) or placeholder (`#s`). */
export interface RawName {
  text: string;
  placeholder: boolean;
  start: number;
}

export type RawPathElement = { kind: 'key'; name: RawName } | { kind: 'index'; index: number };

export interface RawPath {
  kind: 'path';
  elements: RawPathElement[];
  start: number;
}

export interface RawValue {
  kind: 'value';
  /** The placeholder, e.g. `:v`. */
  name: string;
  start: number;
}

export interface RawCall {
  kind: 'call';
  /** As written; function names are case-sensitive (`BEGINS_WITH` is not a function). */
  name: string;
  args: RawOperand[];
  start: number;
}

/** `a + :v` / `a - :v`, update expressions only. */
export interface RawArithmetic {
  kind: 'arith';
  op: '+' | '-';
  left: RawOperand;
  right: RawOperand;
  start: number;
}

export type RawOperand = RawPath | RawValue | RawCall | RawArithmetic;

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type RawCondition =
  | { kind: 'compare'; op: Comparator; left: RawOperand; right: RawOperand; start: number }
  | { kind: 'between'; operand: RawOperand; low: RawOperand; high: RawOperand; start: number }
  | { kind: 'in'; operand: RawOperand; list: RawOperand[]; start: number }
  | { kind: 'and' | 'or'; left: RawCondition; right: RawCondition; start: number }
  | { kind: 'not'; condition: RawCondition; start: number }
  | { kind: 'parens'; condition: RawCondition; start: number }
  /** A function used as a condition: `attribute_exists(a)`. */
  | { kind: 'function'; call: RawCall; start: number };

export type UpdateSection = 'SET' | 'REMOVE' | 'ADD' | 'DELETE';

export type RawUpdateAction =
  | { kind: 'SET'; path: RawPath; value: RawOperand }
  | { kind: 'REMOVE'; path: RawPath }
  | { kind: 'ADD' | 'DELETE'; path: RawPath; value: RawValue };

export interface RawUpdateClause {
  section: UpdateSection;
  start: number;
  actions: RawUpdateAction[];
}

/** A word the parser saw, in source order: checked for reserved words and unknown functions. */
export type RawWord = { kind: 'attribute'; text: string; start: number } | { kind: 'function'; text: string; start: number };

/** What every parse returns besides its tree: the words, placeholders and operators seen, in order. */
export interface ParseRecord {
  words: RawWord[];
  names: RawName[];
  values: RawValue[];
  operatorCount: number;
}

// ---- Compiled ----

export type Operand =
  | { kind: 'path'; path: DocumentPath }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'size'; operand: Operand };

export type Condition =
  | { kind: 'compare'; op: Comparator; left: Operand; right: Operand }
  | { kind: 'between'; operand: Operand; low: Operand; high: Operand }
  | { kind: 'in'; operand: Operand; list: Operand[] }
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'not'; condition: Condition }
  | { kind: 'attribute_exists' | 'attribute_not_exists'; path: DocumentPath }
  | { kind: 'attribute_type'; operand: Operand; type: Operand }
  | { kind: 'begins_with'; operand: Operand; prefix: Operand }
  | { kind: 'contains'; operand: Operand; element: Operand };

export type UpdateValue =
  | { kind: 'path'; path: DocumentPath }
  | { kind: 'value'; value: AttributeValue }
  | { kind: 'if_not_exists'; path: DocumentPath; fallback: UpdateValue }
  | { kind: 'list_append'; first: UpdateValue; second: UpdateValue }
  | { kind: 'plus' | 'minus'; left: UpdateValue; right: UpdateValue };

export type UpdateAction =
  | { action: 'SET'; path: DocumentPath; value: UpdateValue }
  | { action: 'REMOVE'; path: DocumentPath }
  | { action: 'ADD' | 'DELETE'; path: DocumentPath; value: AttributeValue };

export interface UpdateExpression {
  /** In the order written. */
  actions: UpdateAction[];
}

/** A ProjectionExpression: the paths to return, in the order written. */
export type Projection = DocumentPath[];
