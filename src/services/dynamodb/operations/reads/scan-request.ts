/**
 * Scan's request checks, in the order DynamoDB reports them (dynalite's recorded tests, the 2026
 * conformance captures):
 * 1. Without the table: Select with the projection (read-select.ts); mixed expression and legacy
 *    parameters; AttributesToGet, ScanFilter + ConditionalOperator; the ExclusiveStartKey's
 *    values; Segment and TotalSegments; the expressions and their placeholders.
 * 2. The table ("Requested resource not found"), the index, ConsistentRead on a GSI, Select
 *    ALL_ATTRIBUTES on a GSI that does not project everything.
 * 3. The start key's shape (read-start-key.ts), then its segment: "The provided starting key is
 *    invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment.
 *    TotalSegments: 2 Segment: 0".
 * 4. Paths into key attributes in the projection, then the filter; a GSI's projection or filter
 *    naming what it does not project.
 */
import { validationError } from '../../domain/errors.js';
import { compileRequestExpressions, type Condition, type Projection } from '../../domain/expressions/index.js';
import { checkExpressionMixing, compileLegacyParameters } from '../../domain/legacy/index.js';
import { checkGlobalIndexAttributes, checkKeyPathsScalar, conditionPaths } from '../../domain/read-attributes.js';
import { checkSelect, checkSelectOnIndex, effectiveSelect, type ReadSelect } from '../../domain/read-select.js';
import { checkScanStartKey, checkStartKeyValues } from '../../domain/read-start-key.js';
import type { IndexDefinition, TableRecord } from '../../domain/table-model.js';
import type { AttributeValue, Item } from '../../domain/types.js';
import { encodeKeyValue } from '../../domain/values/index.js';
import type { ScanInput } from '../../generated/types.js';
import { partitionHash, segmentRange } from '../../store/partition-hash.js';
import type { Ctx } from '../table-lookup.js';
import { readTarget, type ReadTarget } from './read-target.js';

export interface PreparedScan extends ReadTarget {
  segment?: { segment: number; totalSegments: number };
  startKey?: Item;
  select: ReadSelect;
  filter?: Condition;
  projection?: Projection;
}

const present = (v: unknown): boolean => v !== undefined && v !== null;

export function prepareScan(input: ScanInput, ctx: Ctx): PreparedScan {
  checkSelect(input, 'Scan');
  checkExpressionMixing(input, 'Scan');
  const legacy = compileLegacyParameters(input, { operation: 'Scan' });
  const startKey = checkStartKeyValues(input.ExclusiveStartKey);
  const segment = checkSegments(input);
  const x = compileRequestExpressions(input, { operation: 'Scan' });
  const filter = x.filter ?? legacy.filter;
  const projection = x.projection ?? legacy.projection;

  const target = readTarget(ctx, input);
  const { table, index } = target;
  const select = effectiveSelect(input.Select, projection !== undefined, index);
  checkSelectOnIndex(select, index);
  if (startKey) {
    checkScanStartKey(startKey, table, index);
    if (segment) checkStartKeySegment(startKey, table, index, segment);
  }
  if (projection) checkKeyPathsScalar(projection, table);
  if (filter) checkKeyPathsScalar(conditionPaths(filter), table);
  if (index) checkGlobalIndexAttributes(table, index, select === 'SPECIFIC_ATTRIBUTES' ? projection : undefined, filter);
  return { table, index, segment, startKey, select, filter, projection };
}

/** Segment and TotalSegments go together, and Segment < TotalSegments (their ranges are the model's). */
function checkSegments(input: ScanInput): PreparedScan['segment'] {
  const { Segment: segment, TotalSegments: totalSegments } = input;
  if (present(segment) && !present(totalSegments)) {
    throw validationError('The TotalSegments parameter is required but was not present in the request when Segment parameter is present');
  }
  if (!present(totalSegments)) return undefined;
  if (!present(segment)) {
    throw validationError('The Segment parameter is required but was not present in the request when parameter TotalSegments is present');
  }
  if ((segment as number) >= (totalSegments as number)) {
    throw validationError(
      `The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${segment} is not less than TotalSegments: ${totalSegments}`,
    );
  }
  return { segment: segment as number, totalSegments: totalSegments as number };
}

/** A start key must lie in the segment scanned (its partition key's place in the hash space). */
function checkStartKeySegment(startKey: Item, table: TableRecord, index: IndexDefinition | undefined, s: { segment: number; totalSegments: number }): void {
  const hash = (index ?? table).key.hash;
  const bucket = partitionHash(encodeKeyValue(startKey[hash.name] as AttributeValue, hash.type));
  const { start, end } = segmentRange(s.segment, s.totalSegments);
  if (bucket < start || bucket >= end) {
    throw validationError(
      `The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: ${s.totalSegments} Segment: ${s.segment}`,
    );
  }
}
