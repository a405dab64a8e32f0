/**
 * Items read lately, by table and key, as their stored text: a GetItem of a hot key then costs a
 * map lookup instead of a SQLite read. Only committed state is cached (never a read made inside a
 * write transaction), every write of an item forgets its key first (items.ts), dropping a table or
 * wiping the database forgets everything, and the cache is bounded.
 */
import type { Database } from '../../../storage/index.js';
import type { TableKey } from './encoded-keys.js';

const MAX_ENTRIES = 10_000;
const MAX_CHARS = 32 * 1024 * 1024;

export class HotItems {
  private readonly bodies = new Map<string, string>();
  private chars = 0;
  private generation = -1;

  constructor(private readonly db: Database) {}

  /** The cache key of an item: the table and the encoded key (latin1 keeps every byte distinct). */
  static keyOf(tableId: number, key: TableKey): string {
    return `${tableId}:${key.hk.length}:${key.hk.toString('latin1')}${key.rk.toString('latin1')}`;
  }

  get(cacheKey: string): string | undefined {
    if (this.generation !== this.db.generation) {
      this.clear();
      this.generation = this.db.generation;
    }
    return this.bodies.get(cacheKey);
  }

  remember(cacheKey: string, body: string): void {
    if (this.db.sqlite.inTransaction) return;
    if (this.bodies.size >= MAX_ENTRIES || this.chars + body.length > MAX_CHARS) this.clear();
    this.bodies.set(cacheKey, body);
    this.chars += body.length;
  }

  forget(cacheKey: string): void {
    const body = this.bodies.get(cacheKey);
    if (body === undefined) return;
    this.bodies.delete(cacheKey);
    this.chars -= body.length;
  }

  clear(): void {
    this.bodies.clear();
    this.chars = 0;
  }
}
