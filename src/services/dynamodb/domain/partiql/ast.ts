/**
 * What the PartiQL parser reads: statements and expressions as written, with source offsets for
 * the messages that carry a position. Values are not converted yet (numbers stay text, `?` stays a
 * parameter index) — values.ts turns them into AttributeValues.
 */

/** One step after the first name of a path: `.b` / `['b']` (a map key) or `[0]` (a list index). */
export type PathStep = { kind: 'key'; name: string } | { kind: 'index'; index: number };

export interface PathExpr {
  kind: 'path';
  /** The attribute name the path starts at (quoted or not, as written). */
  root: string;
  steps: PathStep[];
  start: number;
  /** Length of the first token (the message positions point at it). */
  length: number;
}

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Expr =
  | PathExpr
  | { kind: 'string'; value: string; start: number; length: number }
  /** `text` may start with `-` (a folded unary minus). */
  | { kind: 'number'; text: string; start: number; length: number }
  | { kind: 'bool'; value: boolean; start: number; length: number }
  | { kind: 'null'; start: number; length: number }
  | { kind: 'missing'; start: number; length: number }
  /** `index`: the parameter's position among all `?` of the statement, from 0. */
  | { kind: 'param'; index: number; start: number; length: number }
  | { kind: 'list'; items: Expr[]; start: number; length: number }
  /** `<< … >>`: a set (DynamoDB's bags hold strings or numbers only). */
  | { kind: 'bag'; items: Expr[]; start: number; length: number }
  | { kind: 'tuple'; entries: TupleEntry[]; start: number; length: number }
  /** `name` as written; `length` is the name's. */
  | { kind: 'call'; name: string; args: Expr[]; start: number; length: number }
  | { kind: 'compare'; op: Comparator; opText: string; left: Expr; right: Expr; start: number; length: number }
  | { kind: 'between'; operand: Expr; low: Expr; high: Expr; start: number; length: number }
  /** `list`: the right side as written (a list literal, a parenthesized sequence, a parameter …). */
  | { kind: 'in'; operand: Expr; list: Expr; start: number; length: number }
  /** `a IS [NOT] type`; `type` upper-cased (MISSING, NULL, BOOLEAN, STRING …). */
  | { kind: 'is'; operand: Expr; type: string; negated: boolean; start: number; length: number }
  | { kind: 'and' | 'or'; left: Expr; right: Expr; start: number; length: number }
  | { kind: 'not'; operand: Expr; start: number; length: number }
  | { kind: 'arith'; op: string; left: Expr; right: Expr; start: number; length: number };

export interface TupleEntry {
  key: Expr;
  value: Expr;
}

/** `"table"` or `"table"."index"`. */
export interface Source {
  table: string;
  index?: string;
}

/** RETURNING ( ALL | MODIFIED ) ( OLD | NEW ) *. */
export interface Returning {
  which: 'ALL' | 'MODIFIED';
  image: 'OLD' | 'NEW';
}

export interface OrderItem {
  name: string;
  descending: boolean;
}

export interface SelectStatement {
  kind: 'select';
  source: Source;
  /** undefined for `*`. */
  projection?: PathExpr[];
  where?: Expr;
  orderBy?: OrderItem[];
}

export interface InsertStatement {
  kind: 'insert';
  source: Source;
  value: Expr;
}

export type UpdateClause = { kind: 'SET'; target: PathExpr; value: Expr } | { kind: 'REMOVE'; target: PathExpr };

export interface UpdateStatement {
  kind: 'update';
  source: Source;
  clauses: UpdateClause[];
  where?: Expr;
  returning?: Returning;
}

export interface DeleteStatement {
  kind: 'delete';
  source: Source;
  where?: Expr;
  returning?: Returning;
}

/** `EXISTS(SELECT … )`: a condition check inside ExecuteTransaction. */
export interface ExistsStatement {
  kind: 'exists';
  select: SelectStatement;
}

export type Statement = SelectStatement | InsertStatement | UpdateStatement | DeleteStatement | ExistsStatement;

export interface ParsedStatement {
  statement: Statement;
  /** How many `?` the statement holds. */
  parameterCount: number;
}
