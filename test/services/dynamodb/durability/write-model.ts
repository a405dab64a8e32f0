/**
 * The write load of the kill -9 test and the model that predicts its outcome.
 *
 * Each writer owns six items (`pk` = `w<writer>-p<0|1>`, `sk` = 0…5) and sends one request at a
 * time, so the requests touching an item form one known sequence: the acknowledged ones, then at
 * most one that was in flight when the process died (it may or may not have committed, and being
 * one request, it committed for all of its items or for none). Every change sets `rev` to the
 * request's unique id, so every put or update really changes its item and writes one stream
 * record; a delete of a missing item changes nothing and writes none. The one shared item
 * (`shared`/0) is only ever incremented by 1, by any writer.
 *
 * `Model.apply` returns the stream records a committed request writes, in order, with the images a
 * NEW_AND_OLD_IMAGES stream carries.
 */
import type { AttributeValue, TransactWriteItem, WriteRequest } from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;
export type Key = { pk: AttributeValue; sk: AttributeValue };

export const TABLE = 'load';
export const ITEMS_PER_WRITER = 6;
export const SHARED_KEY: Key = { pk: { S: 'shared' }, sk: { N: '0' } };

export interface Update {
  key: Key;
  rev: string;
  set: Record<string, AttributeValue>;
  remove: string[];
  add: number;
}

export type Action = { put: Item } | { update: Update } | { delete: Key };

export type Op =
  | { kind: 'put'; item: Item }
  | { kind: 'update'; update: Update }
  | { kind: 'delete'; key: Key }
  | { kind: 'transact'; token: string; actions: Action[] }
  | { kind: 'batch'; actions: ({ put: Item } | { delete: Key })[] }
  | { kind: 'shared' };

export interface ExpectedRecord {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  Keys: Key;
  NewImage?: Item;
  OldImage?: Item;
}

const S = (s: string): AttributeValue => ({ S: s });
const N = (n: number): AttributeValue => ({ N: String(n) });

export function keyOf(item: Item | Key): Key {
  return { pk: item.pk!, sk: item.sk! };
}

export function keyId(key: Item | Key): string {
  return `${key.pk!.S}|${key.sk!.N}`;
}

export function writerKeys(w: number): Key[] {
  return Array.from({ length: ITEMS_PER_WRITER }, (_, j) => ({ pk: S(`w${w}-p${j % 2}`), sk: N(j) }));
}

/** A canonical text of an item (attribute order does not matter), for comparing and sorting. */
export function canonical(item: Item | undefined): string {
  if (!item) return 'absent';
  return JSON.stringify(Object.keys(item).sort().map((k) => [k, item[k]]));
}

/** mulberry32: a small seeded generator, so a writer's requests are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The requests writer `w` sends, in order (an endless, deterministic sequence). */
export function* requests(w: number): Generator<Op> {
  const rand = random(1000 + w);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const keys = writerKeys(w);
  const distinctKeys = (n: number): Key[] => [...keys].sort(() => rand() - 0.5).slice(0, n);
  for (let i = 0; ; i++) {
    const rev = `w${w}.${i}`;
    // Index attributes come and go, so items enter and leave the (sparse) indexes.
    const item = (key: Key): Item => {
      const it: Item = { ...key, rev: S(rev), n: N(i % 7), other: S('o'.repeat(i % 5)) };
      if (rand() < 0.6) it.gk = S(`g${i % 3}`);
      if (rand() < 0.7) it.gs = N(i);
      if (rand() < 0.5) it.lsk = S(`l${i % 4}`);
      return it;
    };
    const update = (key: Key): Update => {
      const set: Record<string, AttributeValue> = {};
      const remove: string[] = [];
      for (const [name, value] of [['gk', S(`g${i % 3}`)], ['gs', N(i)], ['lsk', S(`l${i % 4}`)]] as const) {
        const r = rand();
        if (r < 0.35) set[name] = value;
        else if (r < 0.55) remove.push(name);
      }
      return { key, rev, set, remove, add: 1 + (i % 3) };
    };
    const r = rand();
    if (r < 0.25) yield { kind: 'put', item: item(pick(keys)) };
    else if (r < 0.5) yield { kind: 'update', update: update(pick(keys)) };
    else if (r < 0.62) yield { kind: 'delete', key: pick(keys) };
    else if (r < 0.8) {
      const actions = distinctKeys(2 + Math.floor(rand() * 2)).map((key): Action => {
        const a = rand();
        return a < 0.4 ? { put: item(key) } : a < 0.75 ? { update: update(key) } : { delete: key };
      });
      yield { kind: 'transact', token: `tok-${rev}`, actions };
    } else if (r < 0.95) {
      yield { kind: 'batch', actions: distinctKeys(2 + Math.floor(rand() * 3)).map((key) => (rand() < 0.7 ? { put: item(key) } : { delete: key })) };
    } else yield { kind: 'shared' };
  }
}

// --- requests on the wire ---------------------------------------------------------------------

export function updateParams(u: Update): { Key: Key; UpdateExpression: string; ExpressionAttributeValues: Record<string, AttributeValue> } {
  const values: Record<string, AttributeValue> = { ':rev': S(u.rev), ':add': N(u.add) };
  const sets = ['rev = :rev'];
  for (const [name, value] of Object.entries(u.set)) {
    sets.push(`${name} = :${name}`);
    values[`:${name}`] = value;
  }
  const remove = u.remove.length ? ` REMOVE ${u.remove.join(', ')}` : '';
  return { Key: u.key, UpdateExpression: `SET ${sets.join(', ')}${remove} ADD n :add`, ExpressionAttributeValues: values };
}

export function transactItems(actions: Action[]): TransactWriteItem[] {
  return actions.map((a) =>
    'put' in a
      ? { Put: { TableName: TABLE, Item: a.put } }
      : 'update' in a
        ? { Update: { TableName: TABLE, ...updateParams(a.update) } }
        : { Delete: { TableName: TABLE, Key: a.delete } },
  );
}

export function batchRequests(actions: ({ put: Item } | { delete: Key })[]): WriteRequest[] {
  return actions.map((a) => ('put' in a ? { PutRequest: { Item: a.put } } : { DeleteRequest: { Key: a.delete } }));
}

// --- the model --------------------------------------------------------------------------------

function applyUpdate(before: Item | undefined, u: Update): Item {
  const after: Item = { ...(before ?? u.key), rev: S(u.rev) };
  for (const [name, value] of Object.entries(u.set)) after[name] = value;
  for (const name of u.remove) delete after[name];
  after.n = N(Number(before?.n?.N ?? 0) + u.add);
  return after;
}

/** Each item's expected state (items of one writer, or of all), changed request by request. */
export class Model {
  readonly items = new Map<string, Item>();

  clone(): Model {
    const m = new Model();
    for (const [k, v] of this.items) m.items.set(k, v);
    return m;
  }

  get(key: Key): Item | undefined {
    return this.items.get(keyId(key));
  }

  /** Applies a committed request; returns the stream records it wrote. `shared` is not modelled here. */
  apply(op: Op): ExpectedRecord[] {
    const changes: [Key, (before: Item | undefined) => Item | undefined][] = [];
    const action = (a: Action): void => {
      if ('put' in a) changes.push([keyOf(a.put), () => a.put]);
      else if ('update' in a) changes.push([a.update.key, (b) => applyUpdate(b, a.update)]);
      else changes.push([a.delete, () => undefined]);
    };
    if (op.kind === 'put') action({ put: op.item });
    else if (op.kind === 'update') action({ update: op.update });
    else if (op.kind === 'delete') action({ delete: op.key });
    else if (op.kind === 'transact' || op.kind === 'batch') op.actions.forEach(action);
    const records: ExpectedRecord[] = [];
    for (const [key, change] of changes) {
      const before = this.get(key);
      const after = change(before);
      if (canonical(before) === canonical(after)) continue;
      if (after) this.items.set(keyId(key), after);
      else this.items.delete(keyId(key));
      const record: ExpectedRecord = { eventName: !after ? 'REMOVE' : before ? 'MODIFY' : 'INSERT', Keys: key };
      if (after) record.NewImage = after;
      if (before) record.OldImage = before;
      records.push(record);
    }
    return records;
  }
}

// --- indexes ----------------------------------------------------------------------------------

/** The table's secondary indexes as the test creates them, and what each holds of an item. */
export const INDEXES = [
  { name: 'by-g', kind: 'GSI', keys: ['gk', 'gs'], projection: { type: 'INCLUDE', attributes: ['n', 'rev'] } },
  { name: 'by-gk', kind: 'GSI', keys: ['gk'], projection: { type: 'KEYS_ONLY', attributes: [] } },
  { name: 'by-l', kind: 'LSI', keys: ['pk', 'lsk'], projection: { type: 'ALL', attributes: [] } },
] as const;

/** The item as the index holds it, or undefined when the item lacks an index key (sparse). */
export function projectForIndex(index: (typeof INDEXES)[number], item: Item): Item | undefined {
  if (!index.keys.every((k) => item[k] !== undefined)) return undefined;
  if (index.projection.type === 'ALL') return item;
  const out: Item = {};
  for (const name of ['pk', 'sk', ...index.keys, ...index.projection.attributes]) if (item[name] !== undefined) out[name] = item[name]!;
  return out;
}
