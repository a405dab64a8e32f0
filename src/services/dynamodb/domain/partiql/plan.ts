/**
 * What a compiled PartiQL statement asks the item handlers to do, in the expression engine's terms
 * (conditions, update actions, projections), so that they can run it without knowing PartiQL.
 */
import type { Condition, KeyOperator, Projection, ResolvedKeyCondition, UpdateExpression } from '../expressions/index.js';
import type { AttributeValue, Item } from '../types.js';

export type Plan = SelectPlan | InsertPlan | UpdatePlan | DeletePlan | ExistsPlan;

/** RETURNING ALL OLD * → ALL_OLD, MODIFIED OLD * → UPDATED_OLD, ALL NEW * → ALL_NEW, MODIFIED NEW * → UPDATED_NEW. */
export type ReturnValues = 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';

export interface SelectPlan {
  kind: 'select';
  table: string;
  /** From `FROM "table"."index"`. Whether it exists is the handler's to check. */
  index?: string;
  /**
   * The whole WHERE clause. Every item returned must satisfy it, whatever access planSelect
   * chooses (key conditions included: re-checking them is harmless and keeps OR/IN exact).
   */
  filter?: Condition;
  /** The SELECT list as document paths; undefined for `*`. Apply with projectSelectItem. */
  projection?: Projection;
  /** ORDER BY, as written (planSelect checks it against the key schema). */
  orderBy?: { name: string; descending: boolean }[];
  /** Top-level attributes the WHERE clause reads, in first-seen order (for index projection checks). */
  filterAttributes: string[];
  /** Top-level attributes the SELECT list reads, in order (empty for `*`). */
  projectionAttributes: string[];
  /**
   * The WHERE clause as alternatives (its ORs spread out), each with its comparisons of a
   * top-level attribute with values; undefined when it spreads too far. Input to planSelect.
   */
  keyBranches?: KeyTerm[][];
}

/** `attr op value(s)` found in a WHERE clause, attribute on the left; IN carries its list. */
export interface KeyTerm {
  attribute: string;
  op: KeyOperator | 'IN';
  values: AttributeValue[];
}

/** How planSelect reads a SELECT: one GetItem per key, one Query per partition, or a Scan. */
export type SelectAccess =
  /** The table (never an index) with the full primary key fixed in every alternative: GetItem each key, in this order. */
  | { kind: 'get'; keys: Item[] }
  /** Query each partition in this order, `range` in the expression engine's resolved shape (toSortKeyRange converts it). */
  | { kind: 'query'; partitions: ResolvedKeyCondition[]; scanForward: boolean }
  /** A full Scan of the table or index. */
  | { kind: 'scan' };

export interface InsertPlan {
  kind: 'insert';
  table: string;
  /** Validated, numbers normalized. PutItem it only if no item has its key (else DuplicateItemException, messages.duplicateItem()). */
  item: Item;
  /** The item's primary key. */
  key: Item;
}

export interface UpdatePlan {
  kind: 'update';
  table: string;
  key: Item;
  update: UpdateExpression;
  /**
   * Always present: `attribute_exists(<partition key>)` — an UPDATE never creates an item, a
   * missing one fails as ConditionalCheckFailedException — AND the WHERE clause's other terms.
   */
  condition: Condition;
  returnValues?: ReturnValues;
}

export interface DeletePlan {
  kind: 'delete';
  table: string;
  key: Item;
  /**
   * The WHERE clause's other terms. Checked only when the item exists: a DELETE of a missing
   * item succeeds and does nothing, whatever the condition (as DynamoDB does).
   */
  condition?: Condition;
  /** Only ALL_OLD is allowed on DELETE. */
  returnValues?: 'ALL_OLD';
}

/** `EXISTS(SELECT …)`: ExecuteTransaction's ConditionCheck (refuse it elsewhere: messages.existsOutsideTransaction()). */
export interface ExistsPlan {
  kind: 'exists';
  table: string;
  key: Item;
  condition: Condition;
}
