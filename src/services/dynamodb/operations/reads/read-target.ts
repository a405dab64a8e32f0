/**
 * What Query and Scan share: the table and index a request reads, the checks on them that come
 * before anything else about the table, and the ConsumedCapacity of a page.
 */
import { validationError } from '../../domain/errors.js';
import { readUnits, CapacityMeter } from '../../domain/capacity.js';
import type { Page } from '../../domain/read-pages.js';
import { findIndex, type IndexDefinition, type TableRecord } from '../../domain/table-model.js';
import type { ConsumedCapacity, ReturnConsumedCapacity } from '../../generated/types.js';
import { ResourceNotFoundException } from '../../generated/errors.js';
import { findTable, type Ctx } from '../table-lookup.js';

export interface ReadTarget {
  table: TableRecord;
  index?: IndexDefinition;
}

/**
 * The table and index read. Data-plane operations answer a missing table with the short
 * "Requested resource not found" (DescribeTable's adds "Table: x not found").
 */
export function readTarget(ctx: Ctx, input: { TableName: string; IndexName?: string; ConsistentRead?: boolean }): ReadTarget {
  const table = findTable(ctx, input.TableName);
  if (!table) throw new ResourceNotFoundException('Requested resource not found');
  if (input.IndexName === undefined || input.IndexName === null) return { table };
  const index = findIndex(table, input.IndexName);
  if (!index) throw validationError(`The table does not have the specified index: ${input.IndexName}`);
  // GSIs are updated asynchronously on DynamoDB, so they only offer eventually consistent reads.
  if (index.kind === 'GSI' && input.ConsistentRead === true) throw validationError('Consistent reads are not supported on global secondary indexes');
  return { table, index };
}

/**
 * What a page cost, as DynamoDB charges it: the sizes of what was read, summed and rounded up to
 * 4 KB once (half for eventually consistent reads) on the table or index read, plus, for an LSI
 * read that fetched whole items from the table, each fetch rounded up on its own.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html#read-operation-consumption
 */
export function pageCapacity(
  target: ReadTarget,
  page: Page,
  consistent: boolean,
  mode: ReturnConsumedCapacity | undefined,
): ConsumedCapacity | undefined {
  const meter = new CapacityMeter(target.table.name, mode);
  if (!meter.enabled) return undefined;
  const units = readUnits(page.readBytes, consistent);
  if (target.index) meter.index(target.index.name, target.index.kind === 'GSI', units, 'read');
  else meter.table(units, 'read');
  for (const size of page.fetchedSizes) meter.table(readUnits(size, consistent), 'read');
  return meter.result();
}
