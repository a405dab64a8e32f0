/**
 * INSERT, UPDATE, DELETE and EXISTS plans, run the way the handlers run them: the condition with
 * evaluateCondition, the update with applyUpdate, MODIFIED returns with projectItem(updatedPaths).
 */
import { describe, expect, it } from 'vitest';
import { applyUpdate, evaluateCondition, projectItem, updatedPaths } from '../../../../src/services/dynamodb/domain/expressions/index.js';
import type { Item } from '../../../../src/services/dynamodb/domain/types.js';
import { as, compile, errorOf, expectValidation } from './helpers.js';

const update = (statement: string, parameters?: Parameters<typeof compile>[1]) => as(compile(statement, parameters), 'update');

/** Runs an UPDATE plan on an item as UpdateItem would: the condition first, then the actions. */
function run(statement: string, stored: Item | undefined, parameters?: Parameters<typeof compile>[1]): Item | 'ConditionalCheckFailed' {
  const plan = update(statement, parameters);
  if (!evaluateCondition(plan.condition, stored)) return 'ConditionalCheckFailed';
  return applyUpdate(plan.update, stored, plan.key);
}

describe('INSERT', () => {
  it('compiles the item and its key', () => {
    const plan = as(compile("INSERT INTO \"C\" VALUE {'pk': 'a', 'sk': 1.0, 'v': 'x'}"), 'insert');
    expect(plan).toEqual({ kind: 'insert', table: 'C', item: { pk: { S: 'a' }, sk: { N: '1' }, v: { S: 'x' } }, key: { pk: { S: 'a' }, sk: { N: '1' } } });
  });

  it('looks the table up after the statement is read (ResourceNotFoundException comes from the lookup)', () => {
    expect(errorOf(() => compile("INSERT INTO \"nope\" VALUE {'pk': 'a'}")).code).toBe('ResourceNotFoundException');
    expectValidation(() => compile("INSERT INTO \"nope\" VALUE {'pk': 'a'} foo"), "Statement wasn't well formed, can't be processed: Unexpected token after expression");
  });
});

describe('UPDATE', () => {
  const stored: Item = { pk: { S: 'k' }, n: { N: '5' }, l: { L: [{ S: 'a' }] }, ss: { SS: ['a', 'b'] }, tags: { L: [{ S: 'a' }, { S: 'b' }, { S: 'c' }] } };

  it('extracts the key and makes the other WHERE terms a condition', () => {
    const plan = update("UPDATE \"C\" SET v = 1 WHERE sk = 2 AND pk = 'a' AND v <> 1");
    expect(plan.key).toEqual({ pk: { S: 'a' }, sk: { N: '2' } });
    expect(plan.condition).toEqual({
      kind: 'and',
      left: { kind: 'attribute_exists', path: ['pk'] },
      right: { kind: 'compare', op: '<>', left: { kind: 'path', path: ['v'] }, right: { kind: 'value', value: { N: '1' } } },
    });
  });

  it('never creates an item (captured: an UPDATE of a missing key fails its condition)', () => {
    expect(run("UPDATE \"H\" SET z = 1 WHERE pk = 'k'", undefined)).toBe('ConditionalCheckFailed');
    expect(run("UPDATE \"H\" SET z = 1 WHERE pk = 'k' AND attribute_not_exists(pk)", stored)).toBe('ConditionalCheckFailed');
  });

  it('fails when a further WHERE term is false, applies when it holds (captured)', () => {
    expect(run("UPDATE \"H\" SET z = 1 WHERE pk = 'k' AND n = 6", stored)).toBe('ConditionalCheckFailed');
    expect(run("UPDATE \"H\" SET z = 1 WHERE pk = 'k' AND n = 5", stored)).toMatchObject({ z: { N: '1' } });
  });

  it('sets values, paths, sums, differences and list_append; removes', () => {
    const next = run("UPDATE \"H\" SET a = n + 1, b = 10 - n, c = n, l = list_append(l, ['z']), m = {'x': [1]} REMOVE ss WHERE pk = 'k'", stored);
    expect(next).toEqual({
      pk: { S: 'k' },
      n: { N: '5' },
      l: { L: [{ S: 'a' }, { S: 'z' }] },
      tags: stored.tags,
      a: { N: '6' },
      b: { N: '5' },
      c: { N: '5' },
      m: { M: { x: { L: [{ N: '1' }] } } },
    });
  });

  it('takes several SET clauses and comma lists, and parameters', () => {
    const next = run("UPDATE \"H\" SET a = ? SET b = ?, tags[0] = 'x' WHERE pk = ?", stored, [{ N: '7' }, { S: 'y' }, { S: 'k' }]);
    expect(next).toMatchObject({ a: { N: '7' }, b: { S: 'y' }, tags: { L: [{ S: 'x' }, { S: 'b' }, { S: 'c' }] } });
  });

  it('reads set_add and set_delete as ADD and DELETE (captured semantics)', () => {
    expect(run("UPDATE \"H\" SET ss = set_add(ss, <<'c', 'a'>>) WHERE pk = 'k'", stored)).toMatchObject({ ss: { SS: ['a', 'b', 'c'] } });
    expect(run("UPDATE \"H\" SET ns = SET_ADD(ns, <<1>>) WHERE pk = 'k'", stored)).toMatchObject({ ns: { NS: ['1'] } });
    expect(run("UPDATE \"H\" SET ss = set_delete(ss, <<'a'>>) WHERE pk = 'k'", stored)).toMatchObject({ ss: { SS: ['b'] } });
    expect(run("UPDATE \"H\" SET ss = set_delete(ss, <<'a', 'b'>>) WHERE pk = 'k'", stored)).not.toHaveProperty('ss');
    const bytes = Uint8Array.from([3]);
    expect(run('UPDATE "H" SET bs = set_add(bs, ?) WHERE pk = \'k\'', stored, [{ BS: [bytes] }])).toMatchObject({ bs: { BS: [bytes] } });
  });

  it('reports adding a number set to a string set when run, as DynamoDB does (captured message)', () => {
    expect(() => run("UPDATE \"H\" SET ss = set_add(ss, <<1>>) WHERE pk = 'k'", stored)).toThrow('An operand in the update expression has an incorrect data type');
  });

  it('reads the FROM-first form the same way (captured)', () => {
    const plan = update("from \"H\" where pk = 'k' and n = 5 set c = 2 remove l returning all new *");
    expect(plan.key).toEqual({ pk: { S: 'k' } });
    expect(plan.returnValues).toBe('ALL_NEW');
    expect(run("FROM \"H\" WHERE pk = 'k' SET c = 2 REMOVE l", stored)).toMatchObject({ c: { N: '2' } });
  });

  it('maps RETURNING to ReturnValues; MODIFIED projects the updated paths (captured shapes)', () => {
    expect(update("UPDATE \"H\" SET a = 1 WHERE pk = 'k' RETURNING ALL OLD *").returnValues).toBe('ALL_OLD');
    expect(update("UPDATE \"H\" SET a = 1 WHERE pk = 'k' RETURNING MODIFIED OLD *").returnValues).toBe('UPDATED_OLD');
    expect(update("UPDATE \"H\" SET a = 1 WHERE pk = 'k' RETURNING MODIFIED NEW *").returnValues).toBe('UPDATED_NEW');
    expect(update("UPDATE \"H\" SET a = 1 WHERE pk = 'k'").returnValues).toBeUndefined();
    const plan = update("UPDATE \"H\" SET tags[2] = 'y', tags[0] = 'x' WHERE pk = 'k' RETURNING MODIFIED NEW *");
    const next = applyUpdate(plan.update, stored, plan.key);
    expect(projectItem(updatedPaths(plan.update), next)).toEqual({ tags: { L: [{ S: 'x' }, { S: 'y' }] } });
    expect(projectItem(updatedPaths(plan.update), stored)).toEqual({ tags: { L: [{ S: 'a' }, { S: 'c' }] } });
  });
});

describe('DELETE', () => {
  it('extracts the key; other WHERE terms are the condition (captured: a false one fails, a true one deletes)', () => {
    const plan = as(compile("DELETE FROM \"H\" WHERE pk = 'k' AND NOT begins_with(\"name\", 'al')"), 'delete');
    expect(plan.key).toEqual({ pk: { S: 'k' } });
    expect(evaluateCondition(plan.condition!, { pk: { S: 'k' }, name: { S: 'alpha' } })).toBe(false);
    expect(evaluateCondition(plan.condition!, { pk: { S: 'k' }, name: { S: 'beta' } })).toBe(true);
  });

  it('has no condition when the WHERE clause is just the key', () => {
    const plan = as(compile('DELETE FROM "C" WHERE pk = ? AND sk = ?', [{ S: 'a' }, { N: '2' }]), 'delete');
    expect(plan).toEqual({ kind: 'delete', table: 'C', key: { pk: { S: 'a' }, sk: { N: '2' } } });
  });

  it('allows RETURNING ALL OLD *', () => {
    expect(as(compile("DELETE FROM \"H\" WHERE pk = 'k' RETURNING ALL OLD *"), 'delete').returnValues).toBe('ALL_OLD');
  });
});

describe('EXISTS', () => {
  it('is a condition check on one item', () => {
    const plan = as(compile("EXISTS(SELECT * FROM \"C\" WHERE pk = 'a' AND sk = 1 AND attribute_exists(v))"), 'exists');
    expect(plan).toEqual({ kind: 'exists', table: 'C', key: { pk: { S: 'a' }, sk: { N: '1' } }, condition: { kind: 'attribute_exists', path: ['v'] } });
  });
});
