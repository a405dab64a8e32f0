/**
 * compileStatement: one PartiQL statement and its Parameters → a Plan the item handlers can run.
 *
 * Order of checks (each stops at the first error): syntax (parse-statement.ts); what the FROM
 * clause may name (an index in a write: before the table is looked up, as DynamoDB does); the
 * Parameters (count, then each value); the table (`lookupKeySchema`, which throws the handler's
 * ResourceNotFoundException — SELECT does not look it up, planSelect takes the schema instead);
 * the key; the values, conditions and updates in statement order.
 */
import { isServiceError } from '../../../../shared/errors.js';
import { assertUpdateSparesKey } from '../expressions/index.js';
import type { AttributeValue, Item, KeySchema } from '../types.js';
import type { DeleteStatement, ExistsStatement, Expr, InsertStatement, PathExpr, Returning, SelectStatement, UpdateStatement } from './ast.js';
import { ExpressionWriter } from './expression-text.js';
import { checkKeyValue, extractKey, keyBranches } from './key-terms.js';
import {
  duplicateSelectNames,
  duplicateTupleKey,
  existsNeedsKeyAndCondition,
  existsOnIndex,
  insertIntoIndex,
  insertManyItems,
  insertNotTuple,
  invalidDeleteReturning,
  keyAbsent,
  notSupportedOnIndex,
  orderByWithoutWhere,
  positionOf,
  setFunctionArgumentCount,
  setFunctionFirstArgument,
  setFunctionSecondArgument,
  tupleKeyNotString,
} from './messages.js';
import { parseStatement } from './parse-statement.js';
import type { DeletePlan, ExistsPlan, InsertPlan, Plan, ReturnValues, SelectPlan, UpdatePlan } from './plan.js';
import { bindParameters, defineOwn, ValueConverter } from './values.js';

/** Returns the table's key schema, or throws the handler's ResourceNotFoundException. */
export type KeySchemaLookup = (table: string) => KeySchema;

export function compileStatement(statement: string, parameters: readonly AttributeValue[] | undefined, lookupKeySchema: KeySchemaLookup): Plan {
  const parsed = parseStatement(statement);
  const s = parsed.statement;
  if ((s.kind === 'update' || s.kind === 'delete') && s.source.index !== undefined) throw notSupportedOnIndex();
  if (s.kind === 'insert' && s.source.index !== undefined) throw insertIntoIndex();
  const converter = new ValueConverter(statement, bindParameters(parsed.parameterCount, parameters));
  const writer = new ExpressionWriter(statement, converter);
  switch (s.kind) {
    case 'select':
      return compileSelect(s, converter, writer);
    case 'insert':
      return compileInsert(s, converter, lookupKeySchema);
    case 'update':
      return compileUpdate(s, converter, writer, lookupKeySchema(s.source.table));
    case 'delete':
      return compileDelete(s, converter, writer, lookupKeySchema(s.source.table));
    case 'exists':
      return compileExists(s, converter, writer, lookupKeySchema);
  }
}

function compileSelect(s: SelectStatement, converter: ValueConverter, writer: ExpressionWriter): SelectPlan {
  if (s.orderBy && !s.where) throw orderByWithoutWhere();
  const filter = s.where ? writer.condition(s.where) : undefined;
  const projection = s.projection?.map((p) => writer.path(p));
  if (s.projection) checkSelectNames(s.projection);
  const compiled = writer.compile({ FilterExpression: filter, ProjectionExpression: projection?.join(', ') });
  const plan: SelectPlan = {
    kind: 'select',
    table: s.source.table,
    filterAttributes: [...writer.conditionAttributes],
    projectionAttributes: [...new Set((s.projection ?? []).map((p) => p.root))],
  };
  if (s.source.index !== undefined) plan.index = s.source.index;
  if (compiled.filter) plan.filter = compiled.filter;
  if (compiled.projection) plan.projection = compiled.projection;
  if (s.orderBy) plan.orderBy = s.orderBy;
  const branches = s.where ? keyBranches(s.where, converter) : undefined;
  if (branches) plan.keyBranches = branches;
  return plan;
}

/** Each SELECT entry comes back under its last name (projectSelectItem); two entries may not share one. */
function checkSelectNames(paths: readonly PathExpr[]): void {
  const seen = new Set<string>();
  for (const p of paths) {
    const keys = p.steps.filter((s) => s.kind === 'key');
    const name = keys.length > 0 ? (keys[keys.length - 1] as { name: string }).name : p.root;
    if (seen.has(name)) throw duplicateSelectNames(name);
    seen.add(name);
  }
}

function compileInsert(s: InsertStatement, converter: ValueConverter, lookupKeySchema: KeySchemaLookup): InsertPlan {
  if (s.value.kind === 'bag') throw insertManyItems();
  if (s.value.kind !== 'tuple') throw insertNotTuple();
  const item: Item = {};
  for (const { key, value } of s.value.entries) {
    if (key.kind !== 'string') throw tupleKeyNotString(key.kind === 'number' ? 'INT' : key.kind.toUpperCase(), 'root');
    if (Object.prototype.hasOwnProperty.call(item, key.value)) throw duplicateTupleKey(key.value, 'root');
    defineOwn(item, key.value, converter.value(value));
  }
  const keySchema = lookupKeySchema(s.source.table);
  const key: Item = {};
  for (const attr of keySchema.range ? [keySchema.hash, keySchema.range] : [keySchema.hash]) {
    const v = Object.prototype.hasOwnProperty.call(item, attr.name) ? item[attr.name] : undefined;
    if (v === undefined) throw keyAbsent(attr.name);
    const checked = checkKeyValue(attr.name, v, keySchema);
    defineOwn(key, attr.name, checked);
    defineOwn(item, attr.name, checked);
  }
  return { kind: 'insert', table: s.source.table, item, key };
}

function compileUpdate(s: UpdateStatement, converter: ValueConverter, writer: ExpressionWriter, keySchema: KeySchema): UpdatePlan {
  const { key, rest } = extractKey(s.where, keySchema, converter);
  const sections: Record<'SET' | 'REMOVE' | 'ADD' | 'DELETE', string[]> = { SET: [], REMOVE: [], ADD: [], DELETE: [] };
  for (const clause of s.clauses) {
    const target = writer.path(clause.target);
    if (clause.kind === 'REMOVE') {
      sections.REMOVE.push(target);
      continue;
    }
    const setFunction = setFunctionAction(clause.target, clause.value, converter);
    if (setFunction) sections[setFunction.action].push(`${target} ${writer.value(setFunction.value)}`);
    else sections.SET.push(`${target} = ${writer.updateValue(clause.value)}`);
  }
  const updateText = (['SET', 'REMOVE', 'ADD', 'DELETE'] as const)
    .filter((k) => sections[k].length > 0)
    .map((k) => `${k} ${sections[k].join(', ')}`)
    .join(' ');
  // An UPDATE never creates an item: the key must exist (captured: a missing key fails the condition).
  const exists: Expr = { kind: 'call', name: 'attribute_exists', args: [rootPath(keySchema.hash.name)], start: 0, length: 0 };
  const condition = writer.condition(rest ? { kind: 'and', left: exists, right: rest, start: 0, length: 0 } : exists);
  const compiled = writer.compile({ UpdateExpression: updateText, ConditionExpression: condition });
  assertUpdateSparesKey(compiled.update!, keySchema);
  const plan: UpdatePlan = { kind: 'update', table: s.source.table, key, update: compiled.update!, condition: compiled.condition! };
  if (s.returning) plan.returnValues = returnValues(s.returning);
  return plan;
}

/**
 * `SET s = set_add(s, <<…>>)` is `ADD s :v`, set_delete is `DELETE s :v`; the messages and their
 * positions are DynamoDB's (captured): the count and first-argument errors point at the function,
 * the second-argument error at the first argument.
 */
function setFunctionAction(target: PathExpr, value: Expr, converter: ValueConverter): { action: 'ADD' | 'DELETE'; value: AttributeValue } | undefined {
  if (value.kind !== 'call') return undefined;
  const name = value.name.toLowerCase();
  if (name !== 'set_add' && name !== 'set_delete') return undefined;
  const action = name === 'set_add' ? 'ADD' : 'DELETE';
  const at = (e: Expr): string => positionOf(converter.source, e.start, e.length);
  if (value.args.length !== 2) throw setFunctionArgumentCount(action, at(value));
  const [first, second] = value.args as [Expr, Expr];
  if (first.kind !== 'path' || !samePath(first, target)) throw setFunctionFirstArgument(action, at(value));
  if (second.kind !== 'bag' && second.kind !== 'param') throw setFunctionSecondArgument(action, at(first));
  const v = converter.value(second);
  if (v.SS === undefined && v.NS === undefined && v.BS === undefined) throw setFunctionSecondArgument(action, at(first));
  return { action, value: v };
}

function compileDelete(s: DeleteStatement, converter: ValueConverter, writer: ExpressionWriter, keySchema: KeySchema): DeletePlan {
  if (s.returning && (s.returning.which !== 'ALL' || s.returning.image !== 'OLD')) {
    throw invalidDeleteReturning(`${s.returning.which} ${s.returning.image} *`);
  }
  const { key, rest } = extractKey(s.where, keySchema, converter);
  const plan: DeletePlan = { kind: 'delete', table: s.source.table, key };
  if (rest) plan.condition = writer.compile({ ConditionExpression: writer.condition(rest) }).condition!;
  if (s.returning) plan.returnValues = 'ALL_OLD';
  return plan;
}

function compileExists(s: ExistsStatement, converter: ValueConverter, writer: ExpressionWriter, lookupKeySchema: KeySchemaLookup): ExistsPlan {
  const select = s.select;
  if (select.source.index !== undefined) throw existsOnIndex();
  const keySchema = lookupKeySchema(select.source.table);
  let extracted: { key: Item; rest?: Expr };
  try {
    extracted = extractKey(select.where, keySchema, converter);
  } catch (err) {
    // DynamoDB words a missing key here as it words a missing condition.
    if (isServiceError(err) && err.message.startsWith('Where clause does not contain')) throw existsNeedsKeyAndCondition();
    throw err;
  }
  if (!extracted.rest) throw existsNeedsKeyAndCondition();
  const condition = writer.compile({ ConditionExpression: writer.condition(extracted.rest) }).condition!;
  return { kind: 'exists', table: select.source.table, key: extracted.key, condition };
}

function returnValues(r: Returning): ReturnValues {
  return `${r.which === 'ALL' ? 'ALL' : 'UPDATED'}_${r.image}`;
}

function rootPath(name: string): PathExpr {
  return { kind: 'path', root: name, steps: [], start: 0, length: 0 };
}

function samePath(a: PathExpr, b: PathExpr): boolean {
  if (a.root !== b.root || a.steps.length !== b.steps.length) return false;
  return a.steps.every((s, i) => {
    const t = b.steps[i];
    return t !== undefined && s.kind === t.kind && (s.kind === 'key' ? s.name === (t as { name: string }).name : s.index === (t as { index: number }).index);
  });
}
