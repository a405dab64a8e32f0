/**
 * One page of a Query or Scan: read items in order until Limit items or 1 MB have been read, then
 * filter and project what was read. Pure (the items come from any iterator).
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Pagination.html
 *
 * As DynamoDB does:
 * - Limit counts items read, before the filter; the filter runs on what was read, so a page may
 *   hold fewer items than Limit, or none (Count = items that passed, ScannedCount = items read).
 * - The 1 MB is of items read (their DynamoDB sizes, domain/values/size.ts), before the filter and
 *   the projection; for an index, of the index entries (what the index projects). The item that
 *   reaches 1 MB is part of the page.
 * - Whether a page that stopped (Limit or 1 MB) gets a LastEvaluatedKey is the caller's
 *   decision (it depends on what follows in storage: operations/reads/continuation.ts).
 */
import { evaluateCondition, projectItem, type Condition, type Projection } from './expressions/index.js';
import type { Item } from './types.js';
import { itemSize } from './values/index.js';

/** The most a page reads: 1 MB of items. */
export const PAGE_BYTES = 1024 * 1024;

export interface PagePlan {
  /** Limit: at most this many items are read. */
  limit?: number;
  /** What the read sees of a stored item: the index's projection of it, or the item itself. */
  view: (item: Item) => Item;
  filter?: Condition;
  /** The filter names attributes an LSI does not project: evaluate it on the whole item (fetched). */
  filterOnItem?: boolean;
  /** What a matching item returns: the view, the whole item (fetched from the table), or nothing (COUNT). */
  output: 'view' | 'item' | 'none';
  /** ProjectionExpression / AttributesToGet, applied to what is returned. */
  projection?: Projection;
}

export interface Page {
  /** The items returned, filtered and projected (none for COUNT). */
  items: Item[];
  /** Count: items that passed the filter. */
  count: number;
  /** ScannedCount: items read. */
  scannedCount: number;
  /** The last stored item read: what LastEvaluatedKey is built from. */
  last?: Item;
  /** True when the page ended at Limit or 1 MB rather than at the end of the range. */
  stopped: boolean;
  /** Sum of the sizes of what was read (views): the read's capacity. */
  readBytes: number;
  /** Sizes of the whole items fetched from the table for an LSI read (each costs its own read). */
  fetchedSizes: number[];
}

export function readPage(source: Iterator<Item>, plan: PagePlan): Page {
  const limit = plan.limit ?? Infinity;
  const page: Page = { items: [], count: 0, scannedCount: 0, stopped: false, readBytes: 0, fetchedSizes: [] };
  const fetchForOutput = plan.output === 'item';
  while (page.scannedCount < limit && page.readBytes < PAGE_BYTES) {
    const next = source.next();
    if (next.done) return page;
    const stored = next.value;
    const view = plan.view(stored);
    page.scannedCount++;
    page.readBytes += itemSize(view);
    page.last = stored;
    if (view !== stored && (fetchForOutput || plan.filterOnItem)) page.fetchedSizes.push(itemSize(stored));
    if (plan.filter && !evaluateCondition(plan.filter, plan.filterOnItem ? stored : view)) continue;
    page.count++;
    if (plan.output === 'none') continue;
    const returned = fetchForOutput ? stored : view;
    page.items.push(plan.projection ? projectItem(plan.projection, returned) : returned);
  }
  page.stopped = true;
  return page;
}
