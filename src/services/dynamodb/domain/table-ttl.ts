/**
 * Time to Live rules. Pure.
 *
 * An item expires when the table's TTL attribute is a top-level Number holding epoch seconds that
 * are in the past. Items whose value is more than five years in the past are never deleted (AWS
 * ignores them, taking such values for mistakes), nor are items whose attribute is of another type.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-before-you-start.html
 */
import type { TableDefinition } from './table-model.js';
import type { Item } from './types.js';

export const FIVE_YEARS_SECONDS = 5 * 365 * 24 * 60 * 60;

/** The latest epoch second Nimbus stores; larger values never expire in practice. */
const MAX_EXPIRY = 2 ** 40;

/** The item's expiry in epoch seconds while TTL is enabled on the table, else null. */
export function expiryOf(table: Pick<TableDefinition, 'ttl'>, item: Item): number | null {
  const ttl = table.ttl;
  if (!ttl?.enabled) return null;
  const n = item[ttl.attributeName]?.N;
  if (n === undefined) return null;
  const seconds = Number(n);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > MAX_EXPIRY) return null;
  return Math.floor(seconds);
}

/** The expiry window the sweep deletes: [now − 5 years, now]. */
export function expiryWindow(nowMs: number): { from: number; to: number } {
  const now = Math.floor(nowMs / 1000);
  return { from: now - FIVE_YEARS_SECONDS, to: now };
}
