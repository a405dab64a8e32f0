/**
 * Query and Scan's `Select`: which attributes a read returns, and the rules on combining it with a
 * ProjectionExpression / AttributesToGet and an index. Pure.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-Select
 *
 * - No Select: SPECIFIC_ATTRIBUTES with a projection, else ALL_PROJECTED_ATTRIBUTES on an index
 *   and ALL_ATTRIBUTES on the table.
 * - A projection goes only with SPECIFIC_ATTRIBUTES: "Cannot specify the ProjectionExpression when
 *   choosing to get ALL_ATTRIBUTES" (… ALL_PROJECTED_ATTRIBUTES, … only the Count; AttributesToGet
 *   in place of ProjectionExpression when that is what was given). This is checked before
 *   "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName" (also on Scan,
 *   "Querying" and all) and "Must specify the AttributesToGet or ProjectionExpression when
 *   choosing to get SPECIFIC_ATTRIBUTES".
 * - Query answers these with the "1 validation error detected: " envelope, Scan without it
 *   (captured against us-east-1 and ap-south-1 by the ExtendDB and dynoxide conformance runs, 2026;
 *   the envelope on Query's SPECIFIC_ATTRIBUTES and ALL_PROJECTED_ATTRIBUTES messages is inferred
 *   from its siblings).
 * - With the table known: ALL_ATTRIBUTES on a GSI whose projection is not ALL is refused ("One or
 *   more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global
 *   secondary index x because its projection type is not ALL"); on such an LSI it is allowed and
 *   each item is fetched from the table.
 */
import { invalidParameterValues, validationError } from './errors.js';
import type { IndexDefinition } from './table-model.js';

export type ReadSelect = 'ALL_ATTRIBUTES' | 'ALL_PROJECTED_ATTRIBUTES' | 'SPECIFIC_ATTRIBUTES' | 'COUNT';

export interface SelectInput {
  Select?: string;
  ProjectionExpression?: string;
  AttributesToGet?: string[];
  IndexName?: string;
}

const present = (v: unknown): boolean => v !== undefined && v !== null;

/** The rules that need no table; throws DynamoDB's ValidationException. */
export function checkSelect(input: SelectInput, operation: 'Query' | 'Scan'): void {
  const select = input.Select;
  if (select === undefined || select === null) return;
  const envelope = operation === 'Query' ? '1 validation error detected: ' : '';
  const fail = (message: string): never => {
    throw validationError(envelope + message);
  };
  const projectionMember = present(input.ProjectionExpression) ? 'ProjectionExpression' : present(input.AttributesToGet) ? 'AttributesToGet' : undefined;
  if (projectionMember && select !== 'SPECIFIC_ATTRIBUTES') {
    const what = select === 'COUNT' ? 'only the Count' : select;
    fail(`Cannot specify the ${projectionMember} when choosing to get ${what}`);
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && !present(input.IndexName)) {
    fail('ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName');
  }
  if (select === 'SPECIFIC_ATTRIBUTES' && !projectionMember) {
    fail('Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES');
  }
}

/** The Select a request stands for once defaults are applied. */
export function effectiveSelect(select: string | undefined, hasProjection: boolean, index: IndexDefinition | undefined): ReadSelect {
  if (select) return select as ReadSelect;
  if (hasProjection) return 'SPECIFIC_ATTRIBUTES';
  return index ? 'ALL_PROJECTED_ATTRIBUTES' : 'ALL_ATTRIBUTES';
}

/** ALL_ATTRIBUTES on a GSI that does not project everything. */
export function checkSelectOnIndex(select: ReadSelect, index: IndexDefinition | undefined): void {
  if (select === 'ALL_ATTRIBUTES' && index?.kind === 'GSI' && index.projection.type !== 'ALL') {
    throw invalidParameterValues(
      `Select type ALL_ATTRIBUTES is not supported for global secondary index ${index.name} because its projection type is not ALL`,
    );
  }
}
