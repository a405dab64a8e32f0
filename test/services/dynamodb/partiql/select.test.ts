/** SELECT: compiled plans, the access planSelect chooses, and the shape of the items returned. */
import { describe, expect, it } from 'vitest';
import { planSelect, projectSelectItem } from '../../../../src/services/dynamodb/domain/partiql/index.js';
import type { KeySchema } from '../../../../src/services/dynamodb/domain/types.js';
import { as, compile, COMPOSITE_N, expectValidation, HASH } from './helpers.js';

const select = (statement: string, parameters?: Parameters<typeof compile>[1]) => as(compile(statement, parameters), 'select');
const access = (statement: string, schema: KeySchema, index = false) => planSelect(select(statement), schema, { index });

describe('SELECT plans', () => {
  it('names the table and the index', () => {
    expect(select('SELECT * FROM "t"')).toMatchObject({ table: 't' });
    expect(select('SELECT * FROM "t"."gsi-1"')).toMatchObject({ table: 't', index: 'gsi-1' });
    expect(select('SELECT * FROM Music')).toMatchObject({ table: 'Music' });
  });

  it('has no filter, projection or key branches for a bare SELECT *', () => {
    const plan = select('SELECT * FROM "t"');
    expect(plan.filter).toBeUndefined();
    expect(plan.projection).toBeUndefined();
    expect(plan.keyBranches).toBeUndefined();
    expect(plan.filterAttributes).toEqual([]);
  });

  it('lists the attributes the WHERE clause and the SELECT list read', () => {
    const plan = select("SELECT a.b, c, a.d FROM \"t\" WHERE x = 1 AND (y.z > 2 OR attribute_exists(x))");
    expect(plan.filterAttributes).toEqual(['x', 'y']);
    expect(plan.projectionAttributes).toEqual(['a', 'c']);
  });
});

describe('planSelect', () => {
  it('reads one item by GetItem when the whole key is fixed', () => {
    expect(access("SELECT * FROM \"H\" WHERE pk = 'a'", HASH)).toEqual({ kind: 'get', keys: [{ pk: { S: 'a' } }] });
    expect(access("SELECT * FROM \"C\" WHERE sk = 1 AND pk = 'a' AND x = 2", COMPOSITE_N)).toEqual({
      kind: 'get',
      keys: [{ pk: { S: 'a' }, sk: { N: '1' } }],
    });
  });

  it('reads each key of an OR or an IN (the documented no-scan forms), without repeats', () => {
    expect(access('SELECT * FROM "H" WHERE pk = \'a\' OR pk = \'b\' OR pk = \'a\'', HASH)).toEqual({
      kind: 'get',
      keys: [{ pk: { S: 'a' } }, { pk: { S: 'b' } }],
    });
    expect(access("SELECT * FROM \"H\" WHERE pk IN ['x', 'y']", HASH)).toEqual({ kind: 'get', keys: [{ pk: { S: 'x' } }, { pk: { S: 'y' } }] });
  });

  it('spreads IN lists on key attributes only (non-key INs stay in the filter)', () => {
    expect(access("SELECT * FROM \"C\" WHERE pk IN ['a', 'b'] AND sk IN [1, 2]", COMPOSITE_N)).toEqual({
      kind: 'get',
      keys: [
        { pk: { S: 'a' }, sk: { N: '1' } },
        { pk: { S: 'a' }, sk: { N: '2' } },
        { pk: { S: 'b' }, sk: { N: '1' } },
        { pk: { S: 'b' }, sk: { N: '2' } },
      ],
    });
    const many = (name: string) => `${name} IN [${Array.from({ length: 100 }, (_, i) => i).join(', ')}]`;
    expect(access(`SELECT * FROM "H" WHERE pk = 'a' AND ${many('x')} AND ${many('y')}`, HASH)).toEqual({ kind: 'get', keys: [{ pk: { S: 'a' } }] });
    expect(access("SELECT * FROM \"C\" WHERE pk = 'a' AND sk IN [3]", COMPOSITE_N)).toEqual({ kind: 'get', keys: [{ pk: { S: 'a' }, sk: { N: '3' } }] });
    expect(access("SELECT * FROM \"C\".\"lsi\" WHERE pk = 'a' AND sk IN [3]", COMPOSITE_N, true)).toEqual({
      kind: 'query',
      partitions: [{ hashValue: { S: 'a' }, range: { op: 'EQ', values: [{ N: '3' }] } }],
      scanForward: true,
    });
  });

  it('queries the partition when only the partition key is fixed, with a sort key condition when there is one', () => {
    expect(access("SELECT * FROM \"C\" WHERE pk = 'a'", COMPOSITE_N)).toEqual({ kind: 'query', partitions: [{ hashValue: { S: 'a' } }], scanForward: true });
    expect(access("SELECT * FROM \"C\" WHERE pk = 'a' AND sk BETWEEN 1 AND 5", COMPOSITE_N)).toEqual({
      kind: 'query',
      partitions: [{ hashValue: { S: 'a' }, range: { op: 'BETWEEN', values: [{ N: '1' }, { N: '5' }] } }],
      scanForward: true,
    });
    expect(access("SELECT * FROM \"C\" WHERE 3 < sk AND pk = 'a'", COMPOSITE_N)).toMatchObject({
      partitions: [{ hashValue: { S: 'a' }, range: { op: 'GT', values: [{ N: '3' }] } }],
    });
  });

  it('does not narrow by a sort key condition of another type (it matches nothing; the filter decides)', () => {
    expect(access("SELECT * FROM \"C\" WHERE pk = 'a' AND sk > 'x'", COMPOSITE_N)).toEqual({
      kind: 'query',
      partitions: [{ hashValue: { S: 'a' } }],
      scanForward: true,
    });
    expect(access("SELECT * FROM \"C\" WHERE pk = 'a' AND begins_with(sk, '1')", COMPOSITE_N)).toMatchObject({ partitions: [{ hashValue: { S: 'a' } }] });
  });

  it('reads a whole partition when its alternatives narrow it differently (captured: OR beside a negated sort key runs)', () => {
    expect(access("SELECT * FROM \"C\" WHERE pk = 'p' AND NOT sk = 1 OR pk = 'p' AND sk = 2", COMPOSITE_N)).toEqual({
      kind: 'query',
      partitions: [{ hashValue: { S: 'p' } }],
      scanForward: true,
    });
  });

  it('queries, never gets, an index', () => {
    const gsi: KeySchema = { hash: { name: 'g', type: 'S' } };
    expect(access("SELECT * FROM \"t\".\"gsi\" WHERE g = 'x'", gsi, true)).toEqual({ kind: 'query', partitions: [{ hashValue: { S: 'x' } }], scanForward: true });
  });

  it('scans when some alternative does not fix the partition key', () => {
    expect(access('SELECT * FROM "H"', HASH)).toEqual({ kind: 'scan' });
    expect(access("SELECT * FROM \"H\" WHERE pk > 'a'", HASH)).toEqual({ kind: 'scan' });
    expect(access("SELECT * FROM \"H\" WHERE pk = 'a' OR x = 1", HASH)).toEqual({ kind: 'scan' });
    expect(access("SELECT * FROM \"H\" WHERE NOT pk = 'a'", HASH)).toEqual({ kind: 'scan' });
    expect(access("SELECT * FROM \"H\" WHERE pk.x = 'a'", HASH)).toEqual({ kind: 'scan' });
    // An index read without its partition key is a scan of the index (captured).
    expect(access("SELECT * FROM \"t\".\"gsi\" WHERE pk = 'a'", { hash: { name: 'g', type: 'S' } }, true)).toEqual({ kind: 'scan' });
  });

  it('accepts a range comparison of another type on the partition key (captured: `pk > 1` on a string key answers 200)', () => {
    expect(access('SELECT * FROM "H" WHERE pk > 1', HASH)).toEqual({ kind: 'scan' });
  });

  it('checks key value types in keyed reads only (a scan filter of another type matches nothing)', () => {
    expect(access('SELECT * FROM "H" WHERE pk = 1 OR x = 2', HASH)).toEqual({ kind: 'scan' });
    expectValidation(() => access('SELECT * FROM "H" WHERE pk = 1', HASH), "Key attribute's data type should match its data type in table's schema: Key pk");
    expectValidation(() => access("SELECT * FROM \"C\" WHERE pk = 'a' AND sk = NULL", COMPOSITE_N), 'Key value must be of type S, N, or B. Key name: sk, Key type: NULL');
  });

  describe('ORDER BY', () => {
    it('sets the direction of the sort key (captured: DESC returns 3, 2, 1)', () => {
      expect(access("SELECT * FROM \"C\" WHERE pk = 'p' ORDER BY sk DESC", COMPOSITE_N)).toMatchObject({ kind: 'query', scanForward: false });
      expect(access("SELECT * FROM \"C\" WHERE pk = 'p' ORDER BY sk ASC", COMPOSITE_N)).toMatchObject({ kind: 'query', scanForward: true });
    });

    it('orders partitions and keys by the partition key', () => {
      const q = access("SELECT * FROM \"C\" WHERE pk IN ['a', 'c', 'b'] ORDER BY pk DESC, sk", COMPOSITE_N);
      expect(q).toEqual({ kind: 'query', partitions: [{ hashValue: { S: 'c' } }, { hashValue: { S: 'b' } }, { hashValue: { S: 'a' } }], scanForward: true });
      const g = access("SELECT * FROM \"H\" WHERE pk IN ['b', 'a'] ORDER BY pk", HASH);
      expect(g).toEqual({ kind: 'get', keys: [{ pk: { S: 'a' } }, { pk: { S: 'b' } }] });
    });

    it('refuses what it cannot order', () => {
      expectValidation(() => access("SELECT * FROM \"C\" WHERE pk = 'p' ORDER BY x", COMPOSITE_N), 'Attribute x in ORDER BY clause must be part of the primary key');
      expectValidation(
        () => access("SELECT * FROM \"C\" WHERE x = 1 ORDER BY sk", COMPOSITE_N),
        'Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.',
      );
      expectValidation(
        () => access("SELECT * FROM \"C\" WHERE pk IN ['a', 'b'] ORDER BY sk", COMPOSITE_N),
        'Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.',
      );
    });
  });
});

describe('projectSelectItem', () => {
  const stored = {
    pk: { S: 'k' },
    mymap: { M: { nested: { S: 'deep' }, other: { N: '1' } } },
    a: { M: { b: { L: [{ S: 'x' }, { S: 'y' }, { M: { c: { N: '3' }, d: { N: '4' } } }] } } },
    extra: { S: 'no' },
  };
  const project = (list: string) => projectSelectItem(select(`SELECT ${list} FROM "H"`).projection, stored);

  it('returns * unchanged', () => {
    expect(projectSelectItem(select('SELECT * FROM "H"').projection, stored)).toBe(stored);
  });

  it('returns top-level attributes as they are, leaving out missing ones (captured: SELECT pk, mymap)', () => {
    expect(project('pk, mymap, nope')).toEqual({ pk: stored.pk, mymap: stored.mymap });
  });

  it('names a nested path after its last name (captured: SELECT mymap.nested answers { nested })', () => {
    expect(project('mymap.nested')).toEqual({ nested: { S: 'deep' } });
    expect(project('a.b[2].c')).toEqual({ c: { N: '3' } });
  });

  it('keeps the list steps after the last name, compacted as a projection does', () => {
    expect(project('a.b[1]')).toEqual({ b: { L: [{ S: 'y' }] } });
    expect(project('pk, a.b[9]')).toEqual({ pk: { S: 'k' } });
  });
});
