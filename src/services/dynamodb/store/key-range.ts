/**
 * Reads one contiguous key range of a B-tree (items of a partition, entries of an index
 * partition, a Scan segment) in order, lazily, page by page. Each page is one indexed range
 * query that resumes strictly after the last row of the previous page, so a read costs
 * O(log n + rows read) whatever the table's size, and no statement stays open between pages
 * (better-sqlite3 cannot write while a statement iterates, and a caller may await in between).
 *
 * A range is described by ordered key columns and optional lower/upper limits. A limit is either
 * on the first column alone (a sort key condition: `irk >= ?`) or a position on every column
 * (resume after a row, or after an ExclusiveStartKey: `(irk, hk, rk) > (?, ?, ?)`), which SQLite
 * turns into an index seek.
 */
import type { Database } from '../../../storage/index.js';

export type Limit =
  | { kind: 'value'; value: Buffer | number; inclusive: boolean }
  | { kind: 'position'; values: (Buffer | number)[] };

export interface KeyRange {
  /** `FROM … WHERE <fixed conditions>`, with named parameters. */
  from: string;
  /** The SQL expression of a row's body, read as text. */
  body: string;
  params: Record<string, unknown>;
  /** The ordered key columns, as SQL expressions. */
  cols: string[];
  lower?: Limit;
  upper?: Limit;
  forward: boolean;
}

function compareKeyPart(a: Buffer | number, b: Buffer | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return Buffer.compare(a as Buffer, b as Buffer);
}

/**
 * Combines a position limit with a value limit on the first column: keeps the tighter. A position
 * P is tighter than a lower `c0 >= a` when P[0] ≥ a, and than `c0 > a` when P[0] > a (an equal
 * first column still admits rows the strict bound excludes); mirrored for upper limits.
 */
export function tighter(bound: Limit | undefined, position: Limit | undefined, lower: boolean): Limit | undefined {
  if (!position || position.kind !== 'position') return bound ?? position;
  if (!bound || bound.kind === 'position') return position;
  const c = compareKeyPart(position.values[0]!, bound.value) * (lower ? 1 : -1);
  return c > 0 || (c === 0 && bound.inclusive) ? position : bound;
}

function condition(cols: string[], limit: Limit, lower: boolean, n: string, params: Record<string, unknown>): string {
  if (limit.kind === 'value') {
    params[n] = limit.value;
    return `${cols[0]} ${lower ? '>' : '<'}${limit.inclusive ? '=' : ''} @${n}`;
  }
  const names = limit.values.map((v, i) => {
    params[`${n}${i}`] = v;
    return `@${n}${i}`;
  });
  const op = lower ? '>' : '<';
  return cols.length === 1 ? `${cols[0]} ${op} ${names[0]}` : `(${cols.join(', ')}) ${op} (${names.join(', ')})`;
}

const FIRST_PAGE = 32;
const MAX_PAGE = 1000;

/**
 * The bodies of the range's rows in order; at most `limit` when given. Pages grow from 32 to 1000
 * rows. A page reads bodies only (better-sqlite3 makes a row's key columns into Buffers, which
 * costs more than the row itself); when another page follows, the key of the page's last row is
 * read on its own to resume after it. A read that says how much it wants (Query's Limit + 1)
 * gets it in one statement and never needs that key.
 */
export function* readRange(db: Database, range: KeyRange, limit = Infinity): Generator<string> {
  let lower = range.lower;
  let upper = range.upper;
  let page = Number.isFinite(limit) ? Math.min(Math.max(limit, 1), MAX_PAGE) : FIRST_PAGE;
  let remaining = limit;
  const order = range.cols.map((c) => `${c}${range.forward ? '' : ' DESC'}`).join(', ');
  while (remaining > 0) {
    const params: Record<string, unknown> = { ...range.params };
    let where = range.from;
    if (lower) where += ` AND ${condition(range.cols, lower, true, 'lo', params)}`;
    if (upper) where += ` AND ${condition(range.cols, upper, false, 'hi', params)}`;
    where += ` ORDER BY ${order}`;
    const take = Math.min(page, remaining);
    params.take = take;
    const bodies = db.prepare(`SELECT ${range.body} ${where} LIMIT @take + 0`).pluck(true).all(params) as string[];
    remaining -= bodies.length;
    const more = bodies.length === take && remaining > 0;
    // The resume key is read before any body is handed out: a caller may write between pages.
    let last: (Buffer | number)[] | undefined;
    if (more) {
      delete params.take;
      params.skip = take - 1;
      last = db.prepare(`SELECT ${range.cols.join(', ')} ${where} LIMIT 1 OFFSET @skip`).raw(true).get(params) as (Buffer | number)[];
    }
    for (const body of bodies) yield body;
    if (!last) return;
    const resume: Limit = { kind: 'position', values: last };
    if (range.forward) lower = resume;
    else upper = resume;
    page = Math.min(page * 4, MAX_PAGE);
  }
}
