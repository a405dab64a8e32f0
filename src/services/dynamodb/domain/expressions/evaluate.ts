/**
 * Evaluates a compiled condition against an item (ConditionExpression, FilterExpression).
 * DynamoDB's semantics
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html),
 * with the edge cases as recorded against DynamoDB (ScyllaDB Alternator's tests):
 * - A comparison with a missing operand is false — except `<>`, which is true when either side is
 *   missing (even both: `q <> z` holds on an empty item).
 * - `=`/`<>` compare any types (different types are unequal; sets ignore order; maps and lists
 *   compare deeply). `<`, `<=`, `>`, `>=`, BETWEEN compare only two S, two N or two B values;
 *   anything else from the item is simply false (constants of other types were refused earlier).
 * - `size()` of S (UTF-8 bytes), B (bytes), sets and lists (elements), maps (members); of a
 *   missing attribute or another type it has no value, so the comparison is false.
 * - `contains(a, v)`: substring for S, byte subsequence for B, membership for sets (element of the
 *   set's type) and lists (any equal element).
 * - `begins_with(a, v)`: S with an S prefix or B with a B prefix; otherwise false.
 * - `attribute_type(a, :t)`: the attribute exists and has type `:t` (S, SS, N, NS, B, BS, BOOL, NULL, L, M).
 */
import type { AttributeValue, Item } from '../types.js';
import { compareScalars, typeOf, valuesEqual } from '../values/index.js';
import type { Condition, Operand } from './ast.js';
import { isOrdered } from './checks.js';
import { readPath } from './paths.js';

export function evaluateCondition(condition: Condition, item: Item | undefined): boolean {
  switch (condition.kind) {
    case 'and':
      return evaluateCondition(condition.left, item) && evaluateCondition(condition.right, item);
    case 'or':
      return evaluateCondition(condition.left, item) || evaluateCondition(condition.right, item);
    case 'not':
      return !evaluateCondition(condition.condition, item);
    case 'compare': {
      const left = operandValue(condition.left, item);
      const right = operandValue(condition.right, item);
      if (condition.op === '<>') return left === undefined || right === undefined || !valuesEqual(left, right);
      if (left === undefined || right === undefined) return false;
      if (condition.op === '=') return valuesEqual(left, right);
      const order = orderOf(left, right);
      if (order === undefined) return false;
      switch (condition.op) {
        case '<':
          return order < 0;
        case '<=':
          return order <= 0;
        case '>':
          return order > 0;
        default:
          return order >= 0;
      }
    }
    case 'between': {
      const v = operandValue(condition.operand, item);
      const low = operandValue(condition.low, item);
      const high = operandValue(condition.high, item);
      if (v === undefined || low === undefined || high === undefined) return false;
      const fromLow = orderOf(v, low);
      const toHigh = orderOf(v, high);
      return fromLow !== undefined && toHigh !== undefined && fromLow >= 0 && toHigh <= 0;
    }
    case 'in': {
      const v = operandValue(condition.operand, item);
      if (v === undefined) return false;
      return condition.list.some((o) => {
        const candidate = operandValue(o, item);
        return candidate !== undefined && valuesEqual(v, candidate);
      });
    }
    case 'attribute_exists':
      return readPath(item, condition.path) !== undefined;
    case 'attribute_not_exists':
      return readPath(item, condition.path) === undefined;
    case 'attribute_type': {
      const v = operandValue(condition.operand, item);
      const t = operandValue(condition.type, item);
      return v !== undefined && t?.S !== undefined && t.S !== null && typeOf(v) === t.S;
    }
    case 'begins_with': {
      const v = operandValue(condition.operand, item);
      const prefix = operandValue(condition.prefix, item);
      if (v === undefined || prefix === undefined) return false;
      if (v.S != null && prefix.S != null) return v.S.startsWith(prefix.S);
      if (v.B != null && prefix.B != null) return startsWithBytes(v.B, prefix.B);
      return false;
    }
    case 'contains': {
      const v = operandValue(condition.operand, item);
      const element = operandValue(condition.element, item);
      return v !== undefined && element !== undefined && contains(v, element);
    }
  }
}

/** The value an operand stands for on this item, or undefined when it has none. */
function operandValue(operand: Operand, item: Item | undefined): AttributeValue | undefined {
  switch (operand.kind) {
    case 'value':
      return operand.value;
    case 'path':
      return readPath(item, operand.path);
    case 'size': {
      const v = operandValue(operand.operand, item);
      const size = v === undefined ? undefined : sizeOf(v);
      return size === undefined ? undefined : { N: String(size) };
    }
  }
}

export function sizeOf(v: AttributeValue): number | undefined {
  if (v.S != null) return Buffer.byteLength(v.S, 'utf8');
  if (v.B != null) return v.B.byteLength;
  if (v.SS != null) return v.SS.length;
  if (v.NS != null) return v.NS.length;
  if (v.BS != null) return v.BS.length;
  if (v.L != null) return v.L.length;
  if (v.M != null) return Object.keys(v.M).length;
  return undefined;
}

/** The order of two values of the same ordered type; undefined for anything else. */
function orderOf(a: AttributeValue, b: AttributeValue): number | undefined {
  const t = typeOf(a);
  if (!isOrdered(t) || t !== typeOf(b)) return undefined;
  return compareScalars(a, b);
}

function contains(container: AttributeValue, element: AttributeValue): boolean {
  if (container.S != null) return element.S != null && container.S.includes(element.S);
  if (container.B != null) return element.B != null && Buffer.from(container.B).includes(Buffer.from(element.B));
  if (container.SS != null) return element.S != null && container.SS.includes(element.S);
  if (container.NS != null) return element.N != null && container.NS.some((n) => valuesEqual({ N: n }, element));
  if (container.BS != null) return element.B != null && container.BS.some((b) => valuesEqual({ B: b }, element));
  if (container.L != null) return container.L.some((e) => valuesEqual(e, element));
  return false;
}

function startsWithBytes(value: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.byteLength > value.byteLength) return false;
  for (let i = 0; i < prefix.byteLength; i++) if (value[i] !== prefix[i]) return false;
  return true;
}
