/**
 * What running a compiled PartiQL statement adds to the item operations' rules. Pure.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html
 *
 * - INSERT never replaces: its write is conditional on no item having its key, and a failure is
 *   DuplicateItemException ("Duplicate primary key exists in table", captured), not a failed condition.
 * - DELETE of a missing item succeeds whatever its WHERE clause says (captured): the condition
 *   is `attribute_not_exists(<partition key>) OR <the other terms>`.
 * - EXISTS(SELECT …) is true only when the SELECT returns its item ("returns TRUE if the value is
 *   a non-empty collection", https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-functions.exists.html):
 *   `attribute_exists(<partition key>) AND <the other terms>`.
 * - A SELECT FROM an index may name in its SELECT list only what a GSI projects (an LSI fetches
 *   the rest from the table), and, when it is keyed on the index's partition key (one alternative,
 *   `=` or IN on it), only projected attributes in its WHERE clause; unkeyed, the filter simply
 *   sees the index entry (captured against DynamoDB, eu-west-1/eu-west-2, 2026; the messages are
 *   Query's, "Secondary index" without Global or Local on both kinds).
 */
import type { ServiceError } from '../../../shared/errors.js';
import type { BatchStatementErrorCodeEnum } from '../generated/types.js';
import { invalidParameterValues } from './errors.js';
import type { Condition } from './expressions/index.js';
import type { SelectPlan } from './partiql/index.js';
import { unprojected } from './read-attributes.js';
import type { IndexDefinition, TableDefinition } from './table-model.js';

/** INSERT's condition: no item has this key. */
export function insertCondition(hashName: string): Condition {
  return { kind: 'attribute_not_exists', path: [hashName] };
}

/** DELETE's condition: nothing to check when the item is missing. */
export function deleteCondition(hashName: string, condition: Condition | undefined): Condition | undefined {
  if (!condition) return undefined;
  return { kind: 'or', left: { kind: 'attribute_not_exists', path: [hashName] }, right: condition };
}

/** EXISTS' condition: the item is there and satisfies the other terms. */
export function existsCondition(hashName: string, condition: Condition): Condition {
  return { kind: 'and', left: { kind: 'attribute_exists', path: [hashName] }, right: condition };
}

/** The index read checks of a SELECT FROM "t"."i" (see the header). */
export function checkIndexSelect(table: Pick<TableDefinition, 'key'>, index: IndexDefinition, plan: SelectPlan): void {
  if (index.kind === 'GSI') {
    const missing = unprojected(plan.projectionAttributes, table, index);
    if (missing.length > 0) throw invalidParameterValues(`Global secondary index ${index.name} does not project [${missing.join(', ')}]`);
  }
  if (keyedOnIndexHash(plan, index.key.hash.name)) {
    const missing = unprojected(plan.filterAttributes, table, index);
    if (missing.length > 0) {
      throw invalidParameterValues(`Secondary index ${index.name} does not project one or more filter attributes: [${missing.join(', ')}]`);
    }
  }
}

/** One alternative only (no OR), with `=` or IN on the index's partition key. */
function keyedOnIndexHash(plan: SelectPlan, hashName: string): boolean {
  const branches = plan.keyBranches;
  if (!branches || branches.length !== 1) return false;
  return (branches[0] ?? []).some((t) => t.attribute === hashName && (t.op === 'EQ' || t.op === 'IN'));
}

/** True when a SELECT FROM an LSI names attributes the index does not project (they are fetched from the table). */
export function selectFetchesFromTable(table: Pick<TableDefinition, 'key'>, index: IndexDefinition, plan: SelectPlan): boolean {
  return index.kind === 'LSI' && unprojected(plan.projectionAttributes, table, index).length > 0;
}

/**
 * A statement's failure inside BatchExecuteStatement: its BatchStatementError Code, from the
 * exception a single ExecuteStatement would have thrown.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchStatementError.html
 */
export function batchErrorCode(error: ServiceError): BatchStatementErrorCodeEnum {
  switch (error.code) {
    case 'ValidationException':
      return 'ValidationError';
    case 'ConditionalCheckFailedException':
      return 'ConditionalCheckFailed';
    case 'DuplicateItemException':
      return 'DuplicateItem';
    case 'ResourceNotFoundException':
      return 'ResourceNotFound';
    case 'ItemCollectionSizeLimitExceededException':
      return 'ItemCollectionSizeLimitExceeded';
    case 'TransactionConflictException':
      return 'TransactionConflict';
    case 'ProvisionedThroughputExceededException':
      return 'ProvisionedThroughputExceeded';
    case 'RequestLimitExceeded':
      return 'RequestLimitExceeded';
    case 'ThrottlingException':
      return 'ThrottlingError';
    case 'AccessDeniedException':
      return 'AccessDenied';
    default:
      return 'InternalServerError';
  }
}
