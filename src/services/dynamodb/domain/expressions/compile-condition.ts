/**
 * Turns a parsed condition (Condition, Filter or KeyCondition expression) into a compiled one,
 * making DynamoDB's static checks on the way, in this order: (redundant parentheses, checked by
 * prepare.ts) undefined placeholders, then per node in source order — operand counts, document-path operands, functions
 * used where they are not allowed, constant operand types, distinct operands, BETWEEN bounds.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html
 */
import type { AttributeValue } from '../types.js';
import { compareScalars, typeOf } from '../values/index.js';
import type { Comparator, Condition, Operand, ParseRecord, RawCall, RawCondition, RawOperand } from './ast.js';
import { CONDITION_FUNCTIONS, formatValue, isOrdered } from './checks.js';
import {
  betweenOrder,
  betweenTypes,
  functionMisused,
  functionNotInCondition,
  invalidTypeName,
  notDistinct,
  operandCount,
  operandType,
  redundantParentheses,
  requiresPath,
  tooManyInOperands,
  type ExpressionKind,
} from './messages.js';
import { resolvePath, samePath } from './paths.js';
import type { Placeholders } from './placeholders.js';

/** "The maximum number of operands for the IN comparator is 100" (ServiceQuotas.html#limits-expression-parameters). */
export const MAX_IN_OPERANDS = 100;
const TYPE_NAMES: ReadonlySet<string> = new Set(['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M']);
const SIZEABLE: ReadonlySet<string> = new Set(['S', 'B', 'SS', 'NS', 'BS', 'M', 'L']);

/** Expects a condition that passed checkParentheses (prepare.ts does that once per text). */
export function compileCondition(
  kind: ExpressionKind,
  raw: RawCondition,
  record: ParseRecord,
  placeholders: Placeholders,
): Condition {
  placeholders.checkDefined(kind, record.names, record.values);
  return new ConditionCompiler(kind, placeholders).condition(raw);
}

/**
 * DynamoDB allows one pair of parentheses per level of the condition tree: `(a = :v)` and
 * `((a = :v) AND (b = :v))` pass, `((a = :v))` and `((c = :c) AND ((p = :p)))` are refused
 * ("The expression has redundant parentheses;"), while `((a = :x)) AND ((b = :y))` passes — the
 * rule all recorded answers agree with: a group's nesting in parentheses may not exceed its depth
 * in the tree (root = 1; each AND, OR, NOT adds one).
 */
export function checkParentheses(kind: ExpressionKind, node: RawCondition, depth: number, parens: number): void {
  switch (node.kind) {
    case 'parens':
      if (parens + 1 > depth) throw redundantParentheses(kind);
      checkParentheses(kind, node.condition, depth, parens + 1);
      return;
    case 'and':
    case 'or':
      checkParentheses(kind, node.left, depth + 1, parens);
      checkParentheses(kind, node.right, depth + 1, parens);
      return;
    case 'not':
      checkParentheses(kind, node.condition, depth + 1, parens);
      return;
    default:
      return;
  }
}

class ConditionCompiler {
  constructor(
    private readonly kind: ExpressionKind,
    private readonly placeholders: Placeholders,
  ) {}

  condition(raw: RawCondition): Condition {
    switch (raw.kind) {
      case 'parens':
        return this.condition(raw.condition);
      case 'and':
      case 'or':
        return { kind: raw.kind, left: this.condition(raw.left), right: this.condition(raw.right) };
      case 'not':
        return { kind: 'not', condition: this.condition(raw.condition) };
      case 'compare': {
        const left = this.operand(raw.left);
        const right = this.operand(raw.right);
        if (raw.op !== '=' && raw.op !== '<>') {
          this.orderedConstant(raw.op, left);
          this.orderedConstant(raw.op, right);
        }
        this.distinct(raw.op, left, [right]);
        return { kind: 'compare', op: raw.op as Comparator, left, right };
      }
      case 'between': {
        const operand = this.operand(raw.operand);
        const low = this.operand(raw.low);
        const high = this.operand(raw.high);
        for (const o of [operand, low, high]) this.orderedConstant('BETWEEN', o);
        this.distinct('BETWEEN', operand, [low, high]);
        if (low.kind === 'value' && high.kind === 'value') this.bounds(low.value, high.value);
        return { kind: 'between', operand, low, high };
      }
      case 'in': {
        if (raw.list.length > MAX_IN_OPERANDS) throw tooManyInOperands(this.kind, raw.list.length);
        const operand = this.operand(raw.operand);
        const list = raw.list.map((o) => this.operand(o));
        this.distinct('IN', operand, list);
        return { kind: 'in', operand, list };
      }
      case 'function':
        return this.functionCondition(raw.call);
    }
  }

  /** A function used as the condition itself. */
  private functionCondition(call: RawCall): Condition {
    const name = call.name;
    if (name === 'size') throw functionMisused(this.kind, name);
    if (!CONDITION_FUNCTIONS.has(name)) throw functionNotInCondition(this.kind, name);
    switch (name) {
      case 'attribute_exists':
      case 'attribute_not_exists': {
        this.count(call, 1);
        const arg = call.args[0] as RawOperand;
        if (arg.kind !== 'path') throw requiresPath(this.kind, name);
        return { kind: name, path: resolvePath(arg, this.placeholders) };
      }
      case 'attribute_type': {
        this.count(call, 2);
        if ((call.args[0] as RawOperand).kind !== 'path') throw requiresPath(this.kind, name);
        const operand = this.operand(call.args[0] as RawOperand);
        const type = this.operand(call.args[1] as RawOperand);
        if (type.kind === 'value') {
          const t = typeOf(type.value);
          if (t !== 'S') throw operandType(this.kind, name, t);
          if (!TYPE_NAMES.has(type.value.S as string)) throw invalidTypeName(this.kind, type.value.S as string);
        } else if (type.kind === 'size') {
          throw operandType(this.kind, name, 'N');
        }
        return { kind: 'attribute_type', operand, type };
      }
      case 'begins_with': {
        this.count(call, 2);
        const operand = this.operand(call.args[0] as RawOperand);
        const prefix = this.operand(call.args[1] as RawOperand);
        for (const o of [operand, prefix]) {
          const t = o.kind === 'value' ? typeOf(o.value) : o.kind === 'size' ? 'N' : undefined;
          if (t !== undefined && t !== 'S' && t !== 'B') throw operandType(this.kind, name, t);
        }
        this.distinct(name, operand, [prefix]);
        return { kind: 'begins_with', operand, prefix };
      }
      default: {
        // contains
        this.count(call, 2);
        const operand = this.operand(call.args[0] as RawOperand);
        const element = this.operand(call.args[1] as RawOperand);
        this.distinct(name, operand, [element]);
        return { kind: 'contains', operand, element };
      }
    }
  }

  /** An operand: a path, a value, or size(…); any other function here is misplaced. */
  private operand(raw: RawOperand): Operand {
    switch (raw.kind) {
      case 'path':
        return { kind: 'path', path: resolvePath(raw, this.placeholders) };
      case 'value':
        return { kind: 'value', value: this.placeholders.value(raw) };
      case 'arith':
        // The condition grammar has no arithmetic; only the update parser builds these.
        throw new Error('arithmetic in a condition');
      case 'call': {
        if (raw.name !== 'size') {
          if (CONDITION_FUNCTIONS.has(raw.name)) throw functionMisused(this.kind, raw.name);
          throw functionNotInCondition(this.kind, raw.name);
        }
        this.count(raw, 1);
        const operand = this.operand(raw.args[0] as RawOperand);
        const t = operand.kind === 'value' ? typeOf(operand.value) : operand.kind === 'size' ? 'N' : undefined;
        if (t !== undefined && !SIZEABLE.has(t)) throw operandType(this.kind, 'size', t);
        return { kind: 'size', operand };
      }
    }
  }

  private count(call: RawCall, expected: number): void {
    if (call.args.length !== expected) throw operandCount(this.kind, call.name, call.args.length);
  }

  /** <, <=, >, >= and BETWEEN only take S, N or B constants (a list constant is a ValidationException). */
  private orderedConstant(op: string, o: Operand): void {
    if (o.kind === 'value') {
      const t = typeOf(o.value);
      if (!isOrdered(t)) throw operandType(this.kind, op, t);
    }
  }

  /** `a = a`, `contains(#a, #a)`: the first operand may not reappear among the others. */
  private distinct(op: string, first: Operand, rest: readonly Operand[]): void {
    if (first.kind !== 'path') return;
    for (const o of rest) {
      if (o.kind === 'path' && samePath(first.path, o.path)) throw notDistinct(this.kind, op, first.path);
    }
  }

  private bounds(low: AttributeValue, high: AttributeValue): void {
    if (typeOf(low) !== typeOf(high)) throw betweenTypes(this.kind, formatValue(low), formatValue(high));
    if (compareScalars(low, high) > 0) throw betweenOrder(this.kind, formatValue(low), formatValue(high));
  }
}
