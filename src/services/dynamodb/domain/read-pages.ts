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
  /**
   * Items are returned as stored (no index view, filter, projection, or COUNT): the page may
   * answer their stored wire form without decoding them.
   */
  asStored?: boolean;
  /** The page must know the exact size it read (ReturnConsumedCapacity), not only that it is under 1 MB. */
  exactSize?: boolean;
}

/** An item as a page reads it: decoded on demand, with a cheap upper bound of its size (store/stored-item.ts). */
export interface ReadItem {
  readonly item: Item;
  readonly sizeBound: number;
  /** The item as an answer carries it: its stored wire form. */
  asAnswer(): Item;
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
  /** Sum of the sizes of what was read (views): the read's capacity (exact when the plan asked, else at least that). */
  readBytes: number;
  /** Sizes of the whole items fetched from the table for an LSI read (each costs its own read). */
  fetchedSizes: number[];
}

/** A page over decoded items (callers that hold Items rather than stored ones). */
export function readPage(source: Iterator<Item>, plan: PagePlan): Page {
  return readStoredPage(decodedReads(source), { ...plan, asStored: false });
}

function decodedReads(source: Iterator<Item>): Iterator<ReadItem> {
  return {
    next(): IteratorResult<ReadItem> {
      const n = source.next();
      if (n.done) return { done: true, value: undefined };
      const item = n.value;
      return { done: false, value: { item, sizeBound: Infinity, asAnswer: () => item } };
    },
  };
}

/** A page over stored items, which it decodes only where it must (a filter, a view, a projection). */
export function readStoredPage(source: Iterator<ReadItem>, plan: PagePlan): Page {
  const limit = plan.limit ?? Infinity;
  const page: Page = { items: [], count: 0, scannedCount: 0, stopped: false, readBytes: 0, fetchedSizes: [] };
  const fetchForOutput = plan.output === 'item';
  // Answering items as stored, sizes are only summed exactly once their bounds could reach 1 MB.
  let bounded = plan.asStored === true && !plan.exactSize;
  const boundedReads: ReadItem[] = [];
  let lastRead: ReadItem | undefined;
  while (page.scannedCount < limit && page.readBytes < PAGE_BYTES) {
    const next = source.next();
    if (next.done) return finish(page, lastRead);
    const read = next.value;
    page.scannedCount++;
    lastRead = read;
    if (bounded) {
      page.count++;
      page.items.push(read.asAnswer());
      boundedReads.push(read);
      page.readBytes += read.sizeBound;
      if (page.readBytes >= PAGE_BYTES) {
        bounded = false;
        page.readBytes = 0;
        for (const r of boundedReads) page.readBytes += itemSize(r.item);
      }
      continue;
    }
    const stored = read.item;
    const view = plan.view(stored);
    page.readBytes += itemSize(view);
    if (view !== stored && (fetchForOutput || plan.filterOnItem)) page.fetchedSizes.push(itemSize(stored));
    if (plan.filter && !evaluateCondition(plan.filter, plan.filterOnItem ? stored : view)) continue;
    page.count++;
    if (plan.output === 'none') continue;
    if (plan.asStored) {
      page.items.push(read.asAnswer());
      continue;
    }
    const returned = fetchForOutput ? stored : view;
    page.items.push(plan.projection ? projectItem(plan.projection, returned) : returned);
  }
  page.stopped = true;
  return finish(page, lastRead);
}

function finish(page: Page, lastRead: ReadItem | undefined): Page {
  if (lastRead) page.last = lastRead.item;
  return page;
}
