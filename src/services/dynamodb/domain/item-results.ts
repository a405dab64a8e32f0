/**
 * What the item write operations return besides their effect: ReturnValues' Attributes and
 * ItemCollectionMetrics. Pure.
 *
 * ReturnValues (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html):
 * ALL_OLD the item before (absent if there was none), ALL_NEW the item after, UPDATED_OLD /
 * UPDATED_NEW only what the update touched, nested paths kept in their hierarchy, before or
 * after. Nothing to return means no Attributes member at all.
 *
 * ItemCollectionMetrics: only for tables with a local secondary index and only when asked for
 * (ReturnItemCollectionMetrics SIZE). The size estimate is the range DynamoDB reports for an
 * item collection under 1 GB — Nimbus's collections are local and small, so [0, 1].
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LSI.html#LSI.ItemCollections
 */
import { projectItem, updatedPaths, type UpdateExpression } from './expressions/index.js';
import type { ItemCollectionMetrics } from '../generated/types.js';
import type { TableDefinition } from './table-model.js';
import type { Item } from './types.js';

export function returnedAttributes(
  returnValues: string | undefined,
  before: Item | undefined,
  after: Item | undefined,
  update?: UpdateExpression,
): Item | undefined {
  let out: Item | undefined;
  switch (returnValues) {
    case 'ALL_OLD':
      out = before;
      break;
    case 'ALL_NEW':
      out = after;
      break;
    case 'UPDATED_OLD':
      out = before && update ? projectItem(updatedPaths(update), before) : undefined;
      break;
    case 'UPDATED_NEW':
      out = after && update ? projectItem(updatedPaths(update), after) : undefined;
      break;
    default:
      return undefined;
  }
  return out && Object.keys(out).length > 0 ? out : undefined;
}

export function itemCollectionMetrics(
  table: Pick<TableDefinition, 'key' | 'indexes'>,
  requested: string | undefined,
  key: Item,
): ItemCollectionMetrics | undefined {
  if (requested !== 'SIZE' || !table.indexes.some((i) => i.kind === 'LSI')) return undefined;
  const hash = table.key.hash.name;
  return { ItemCollectionKey: { [hash]: key[hash]! }, SizeEstimateRangeGB: [0, 1] };
}
