/**
 * planSelect: how to read a compiled SELECT, given the key schema of what it reads (the table, or
 * the index named in FROM). DynamoDB's rule
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.select.html):
 * without an equality or IN on the partition key in every alternative of the WHERE clause, the
 * statement is a full scan.
 *
 * - Every alternative fixes the whole primary key of the table → GetItem per key.
 * - Every alternative fixes the partition key → Query per partition, with the first sort key
 *   condition that can narrow it (=, <, <=, >, >=, BETWEEN, begins_with of the key's type).
 *   Alternatives on one partition with different sort key conditions read the whole partition.
 * - Otherwise → Scan.
 * The plan's filter (the whole WHERE) still applies to every item read, so the answer is exact
 * whichever way is taken.
 *
 * In a keyed read, equality and IN values on key attributes must have the key's type ("Key
 * attribute's data type should match its data type in table's schema: Key pk", captured for
 * `pk = 1 OR pk = 'x'` and `sk IN ['1', 2]`); a range comparison of another type simply matches
 * nothing (captured: `pk > 1` on a string key answers 200), and so does anything in a scan.
 */
import type { KeyOperator, ResolvedKeyCondition } from '../expressions/index.js';
import type { AttributeValue, Item, KeySchema } from '../types.js';
import { compareScalars, typeOf, valuesEqual } from '../values/index.js';
import { checkKeyValue } from './key-terms.js';
import { orderByNeedsHashKey, orderByNotKey, orderByWithoutHashKey } from './messages.js';
import type { KeyTerm, SelectAccess, SelectPlan } from './plan.js';

export interface PlanSelectOptions {
  /** True when the statement reads an index (`FROM "t"."i"`): an index is never read with GetItem. */
  index?: boolean;
}

/** More keys than this (an IN on both keys multiplies them) and the read is a Query. */
const MAX_GET_KEYS = 100;

export function planSelect(plan: SelectPlan, keySchema: KeySchema, options: PlanSelectOptions = {}): SelectAccess {
  const hash = keySchema.hash.name;
  const range = keySchema.range?.name;
  for (const o of plan.orderBy ?? []) if (o.name !== hash && o.name !== range) throw orderByNotKey(o.name);

  const branches = plan.keyBranches ?? [];
  const hashValues = branches.map((b) => equalValues(b, hash));
  if (branches.length === 0 || hashValues.some((v) => v === undefined)) {
    if (plan.orderBy) throw orderByWithoutHashKey();
    return { kind: 'scan' };
  }
  // A keyed read: its key values must fit the schema. (Every captured refusal is of a keyed read;
  // a scan's filter simply matches nothing on a value of another type.)
  for (const branch of branches) {
    for (const t of branch) {
      if ((t.op === 'EQ' || t.op === 'IN') && (t.attribute === hash || t.attribute === range)) {
        for (const v of t.values) checkKeyValue(t.attribute, v, keySchema);
      }
    }
  }

  const hashEntry = plan.orderBy?.find((o) => o.name === hash);
  const rangeEntry = plan.orderBy?.find((o) => o.name === range);
  const distinctHashes = unique((hashValues as AttributeValue[][]).flat());
  if (plan.orderBy && distinctHashes.length > 1 && !hashEntry) throw orderByNeedsHashKey();

  if (!options.index) {
    const keys = fullKeys(branches, keySchema);
    if (keys) return { kind: 'get', keys: sortKeys(keys, keySchema, hashEntry?.descending, rangeEntry?.descending) };
  }
  const partitions = distinctHashes.map((hashValue): ResolvedKeyCondition => {
    const ranges = branches
      .filter((b, i) => (hashValues[i] as AttributeValue[]).some((v) => valuesEqual(v, hashValue)))
      .map((b) => (keySchema.range ? sortKeyCondition(b, keySchema.range.name, keySchema.range.type) : undefined));
    const first = ranges[0];
    const same = first !== undefined && ranges.every((r) => r !== undefined && r.op === first.op && r.values.every((v, i) => valuesEqual(v, first.values[i] as AttributeValue)));
    return same ? { hashValue, range: first } : { hashValue };
  });
  if (hashEntry) partitions.sort((a, b) => compareScalars(a.hashValue, b.hashValue) * (hashEntry.descending ? -1 : 1));
  return { kind: 'query', partitions, scanForward: !rangeEntry?.descending };
}

/** The values an alternative fixes an attribute to: its first `=` or IN on it. */
function equalValues(branch: readonly KeyTerm[], name: string): AttributeValue[] | undefined {
  return branch.find((t) => t.attribute === name && (t.op === 'EQ' || t.op === 'IN'))?.values;
}

/** Every primary key the alternatives fix, in order, without repeats; undefined unless each fixes the whole key. */
function fullKeys(branches: readonly KeyTerm[][], keySchema: KeySchema): Item[] | undefined {
  const keys: Item[] = [];
  for (const branch of branches) {
    const hashValues = equalValues(branch, keySchema.hash.name) as AttributeValue[];
    const rangeValues = keySchema.range ? equalValues(branch, keySchema.range.name) : [undefined];
    if (!rangeValues || hashValues.length * rangeValues.length + keys.length > MAX_GET_KEYS) return undefined;
    for (const h of hashValues) {
      for (const r of rangeValues) {
        const key: Item = { [keySchema.hash.name]: h };
        if (keySchema.range && r) key[keySchema.range.name] = r;
        if (!keys.some((k) => Object.keys(key).every((n) => valuesEqual(k[n] as AttributeValue, key[n] as AttributeValue)))) keys.push(key);
      }
    }
  }
  return keys;
}

/** The first condition of an alternative that can narrow a Query on the sort key (an IN only if it holds one value). */
function sortKeyCondition(branch: readonly KeyTerm[], name: string, type: string): { op: KeyOperator; values: AttributeValue[] } | undefined {
  for (const t of branch) {
    if (t.attribute !== name || !t.values.every((v) => typeOf(v) === type)) continue;
    if (t.op === 'IN') {
      if (t.values.length === 1) return { op: 'EQ', values: t.values };
      continue;
    }
    if (t.op === 'BEGINS_WITH' && type === 'N') continue;
    if (t.op === 'BETWEEN' && compareScalars(t.values[0] as AttributeValue, t.values[1] as AttributeValue) > 0) continue;
    return { op: t.op, values: t.values };
  }
  return undefined;
}

function unique(values: readonly AttributeValue[]): AttributeValue[] {
  const out: AttributeValue[] = [];
  for (const v of values) if (!out.some((o) => valuesEqual(o, v))) out.push(v);
  return out;
}

/** ORDER BY over GetItem keys: by partition key, then sort key, each in its direction; no ORDER BY keeps the written order. */
function sortKeys(keys: Item[], keySchema: KeySchema, hashDescending?: boolean, rangeDescending?: boolean): Item[] {
  if (hashDescending === undefined && rangeDescending === undefined) return keys;
  const hash = keySchema.hash.name;
  const range = keySchema.range?.name;
  return [...keys].sort((a, b) => {
    const byHash = compareScalars(a[hash] as AttributeValue, b[hash] as AttributeValue) * (hashDescending ? -1 : 1);
    if (byHash !== 0 || !range) return byHash;
    return compareScalars(a[range] as AttributeValue, b[range] as AttributeValue) * (rangeDescending ? -1 : 1);
  });
}
