/**
 * What a Query or Scan's FilterExpression and ProjectionExpression may name, given the table and
 * the index read. Pure.
 *
 * - A key attribute (of the table or of any index) is a scalar, so a path into it is refused:
 *   "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed:
 *   Key: a" (IndexKey: a for an index's key) — as recorded against DynamoDB by dynalite's tests.
 * - A GSI holds only what it projects and cannot fetch from the table: a projection naming another
 *   attribute is refused with "One or more parameter values were invalid: Global secondary index
 *   x does not project [a, b]" (quoted from DynamoDB in localstack#478 and Athena's connector
 *   issue 279), a filter with "One or more parameter values were invalid: Secondary index x does
 *   not project one or more filter attributes: [a]" (quoted from DynamoDB in dynamodb-onetable#377).
 * - An LSI fetches what it does not project from the table, item by item, at the cost of a read
 *   each (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.Projections).
 */
import { invalidParameterValues, validationError } from './errors.js';
import { conditionPaths, type Condition, type DocumentPath, type Projection } from './expressions/index.js';

export { conditionPaths };
import { keyNames } from './table-keys.js';
import { projectedNames } from './table-projection.js';
import type { IndexDefinition, TableDefinition } from './table-model.js';


/** The distinct top-level attribute names of some paths, in order of first appearance. */
export function topLevelNames(paths: readonly DocumentPath[]): string[] {
  const names: string[] = [];
  for (const p of paths) {
    const name = p[0] as string;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Refuses a path into a key attribute of the table, then of any index. */
export function checkKeyPathsScalar(paths: readonly DocumentPath[], table: Pick<TableDefinition, 'key' | 'indexes'>): void {
  const nested = new Set(paths.filter((p) => p.length > 1).map((p) => p[0] as string));
  if (nested.size === 0) return;
  const refuse = (kind: 'Key' | 'IndexKey', name: string): never => {
    throw validationError(`Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ${kind}: ${name}`);
  };
  for (const name of keyNames(table.key)) if (nested.has(name)) refuse('Key', name);
  for (const index of table.indexes) for (const name of keyNames(index.key)) if (nested.has(name)) refuse('IndexKey', name);
}

/** The attributes of `names` an index does not hold (none for an ALL projection). */
export function unprojected(names: readonly string[], table: Pick<TableDefinition, 'key'>, index: IndexDefinition): string[] {
  const projected = projectedNames(table, index);
  return projected ? names.filter((n) => !projected.has(n)) : [];
}

/** A GSI's projection and filter may name only what it projects. */
export function checkGlobalIndexAttributes(
  table: Pick<TableDefinition, 'key'>,
  index: IndexDefinition,
  projection: Projection | undefined,
  filter: Condition | undefined,
): void {
  if (index.kind !== 'GSI') return;
  if (projection) {
    const missing = unprojected(topLevelNames(projection), table, index);
    if (missing.length > 0) throw invalidParameterValues(`Global secondary index ${index.name} does not project [${missing.join(', ')}]`);
  }
  if (filter) {
    const missing = unprojected(topLevelNames(conditionPaths(filter)), table, index);
    if (missing.length > 0) {
      throw invalidParameterValues(`Secondary index ${index.name} does not project one or more filter attributes: [${missing.join(', ')}]`);
    }
  }
}
