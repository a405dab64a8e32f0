/**
 * Turns a parsed UpdateExpression into a compiled one, with DynamoDB's static checks in the order
 * its answers show: each section at most once; undefined placeholders; overlapping, then
 * conflicting, target paths; ADD/DELETE operand types; then the SET values in source order
 * (operand counts, document-path operands, functions not allowed in an update, operand types).
 * Evidence for the order: `SET b = list_append(:a, a), c = if_not_exists(a) ADD a.b :a` with a
 * string `:a` is answered with the ADD error, and `SET #c[3].#d = a, #c.#d[3] = if_not_exists(a)`
 * with the conflict.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
 */
import { invalidParameterValues } from '../errors.js';
import type { KeySchema } from '../types.js';
import { typeOf } from '../values/index.js';
import type { DocumentPath, ParseRecord, RawOperand, RawUpdateClause, UpdateAction, UpdateExpression, UpdateValue } from './ast.js';
import { TYPE_WORDS, UPDATE_FUNCTIONS } from './checks.js';
import { actionOperandType, duplicateSection, functionNotInUpdate, operandCount, operandType, requiresPath } from './messages.js';
import { checkPathClashes, resolvePath } from './paths.js';
import type { Placeholders } from './placeholders.js';

const KIND = 'UpdateExpression';

export function compileUpdate(clauses: readonly RawUpdateClause[], record: ParseRecord, placeholders: Placeholders): UpdateExpression {
  const seen = new Set<string>();
  for (const clause of clauses) {
    if (seen.has(clause.section)) throw duplicateSection(clause.section);
    seen.add(clause.section);
  }
  placeholders.checkDefined(KIND, record.names, record.values);

  const rawActions = clauses.flatMap((c) => c.actions);
  const targets = rawActions.map((a) => resolvePath(a.path, placeholders));
  checkPathClashes(KIND, targets);

  for (const a of rawActions) {
    if (a.kind !== 'ADD' && a.kind !== 'DELETE') continue;
    const type = typeOf(placeholders.value(a.value));
    const allowed = a.kind === 'ADD' ? type === 'N' || type === 'SS' || type === 'NS' || type === 'BS' : type === 'SS' || type === 'NS' || type === 'BS';
    if (!allowed) throw actionOperandType(a.kind, TYPE_WORDS[type]);
  }

  const actions = rawActions.map((a, i): UpdateAction => {
    const path = targets[i] as DocumentPath;
    switch (a.kind) {
      case 'SET':
        return { action: 'SET', path, value: compileValue(a.value, placeholders) };
      case 'REMOVE':
        return { action: 'REMOVE', path };
      default:
        return { action: a.kind, path, value: placeholders.value(a.value) };
    }
  });
  return { actions };
}

function compileValue(raw: RawOperand, placeholders: Placeholders): UpdateValue {
  switch (raw.kind) {
    case 'path':
      return { kind: 'path', path: resolvePath(raw, placeholders) };
    case 'value':
      return { kind: 'value', value: placeholders.value(raw) };
    case 'arith': {
      const left = compileValue(raw.left, placeholders);
      const right = compileValue(raw.right, placeholders);
      for (const side of [left, right]) {
        if (side.kind === 'value' && typeOf(side.value) !== 'N') throw operandType(KIND, raw.op, typeOf(side.value));
      }
      return { kind: raw.op === '+' ? 'plus' : 'minus', left, right };
    }
    case 'call': {
      if (!UPDATE_FUNCTIONS.has(raw.name)) throw functionNotInUpdate(raw.name);
      if (raw.args.length !== 2) throw operandCount(KIND, raw.name, raw.args.length);
      const [first, second] = raw.args as [RawOperand, RawOperand];
      if (raw.name === 'if_not_exists') {
        if (first.kind !== 'path') throw requiresPath(KIND, raw.name);
        return { kind: 'if_not_exists', path: resolvePath(first, placeholders), fallback: compileValue(second, placeholders) };
      }
      const a = compileValue(first, placeholders);
      const b = compileValue(second, placeholders);
      for (const side of [a, b]) {
        if (side.kind === 'value' && typeOf(side.value) !== 'L') throw operandType(KIND, raw.name, typeOf(side.value));
      }
      return { kind: 'list_append', first: a, second: b };
    }
  }
}

/**
 * "One or more parameter values were invalid: Cannot update attribute id. This attribute is part
 * of the key" — for any action whose target starts at a key attribute, nested paths included
 * (DynamoDB refuses `ADD id.b :v` on a table keyed by `id`).
 */
export function assertUpdateSparesKey(update: UpdateExpression, keySchema: KeySchema): void {
  const keys = [keySchema.hash.name, ...(keySchema.range ? [keySchema.range.name] : [])];
  for (const a of update.actions) {
    const top = a.path[0] as string;
    if (keys.includes(top)) throw invalidParameterValues(`Cannot update attribute ${top}. This attribute is part of the key`);
  }
}

/** The top-level attributes an update writes or removes, in first-touched order (for ReturnValues UPDATED_OLD/UPDATED_NEW). */
export function updatedTopLevelAttributes(update: UpdateExpression): string[] {
  const names: string[] = [];
  for (const a of update.actions) {
    const top = a.path[0] as string;
    if (!names.includes(top)) names.push(top);
  }
  return names;
}

/** The paths an update writes or removes, as written (to build UPDATED_OLD/UPDATED_NEW with projectItem if wanted). */
export function updatedPaths(update: UpdateExpression): DocumentPath[] {
  return update.actions.map((a) => a.path);
}
