/**
 * PartiQL values to AttributeValues: literals written in the statement and `?` parameters.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.data-types.html
 *
 *   'text' → S        12, -1.5e3 → N        TRUE / FALSE → BOOL        NULL → NULL
 *   [a, b] → L        { 'k': v } → M        << 'a', 'b' >> → SS        << 1, 2 >> → NS
 *
 * Binary values and binary sets exist only as parameters. A number literal DynamoDB cannot store
 * is refused with the ordinary number message and where it sits inside the value: "Number
 * overflow. … under root", "… under root.x", "… under root[1]" (each top-level value, including
 * each attribute of an INSERT item, is its own "root" — as DynamoDB answers).
 */
import { isServiceError } from '../../../../shared/errors.js';
import { validationError } from '../errors.js';
import type { AttributeValue } from '../types.js';
import { normalizeNumber, typeOf, validateValue } from '../values/index.js';
import type { Expr } from './ast.js';
import {
  duplicateTupleKey,
  emptyBag,
  negativeZero,
  parameterCountMismatch,
  parameterNotNumeric,
  positionOf,
  tupleKeyNotString,
  unsupportedBagType,
  unsupportedDataType,
} from './messages.js';

/** The expression kinds that denote a value (as opposed to a path, a call or an operator). */
export function isValueExpr(e: Expr): boolean {
  switch (e.kind) {
    case 'string':
    case 'number':
    case 'bool':
    case 'null':
    case 'param':
    case 'list':
    case 'bag':
    case 'tuple':
      return true;
    default:
      return false;
  }
}

export class ValueConverter {
  constructor(
    /** The statement, for the positions in messages. */
    readonly source: string,
    private readonly parameters: readonly AttributeValue[],
  ) {}

  /** The AttributeValue a value expression stands for (validated, numbers normalized). */
  value(e: Expr, path = 'root'): AttributeValue {
    const v = this.convert(e, path);
    // Containers get DynamoDB's whole-value checks (set duplicates, nesting depth).
    return e.kind === 'list' || e.kind === 'tuple' || e.kind === 'bag' ? validateValue(v) : v;
  }

  private convert(e: Expr, path: string): AttributeValue {
    switch (e.kind) {
      case 'string':
        return { S: e.value };
      case 'number':
        return { N: this.number(e.text, path) };
      case 'bool':
        return { BOOL: e.value };
      case 'null':
        return { NULL: true };
      case 'param':
        return this.parameters[e.index] as AttributeValue;
      case 'list':
        return { L: e.items.map((item, i) => this.convert(item, `${path}[${i}]`)) };
      case 'tuple':
        return { M: this.tuple(e.entries, path) };
      case 'bag':
        return this.bag(e.items, path);
      case 'missing':
        return this.unsupported('MISSING', path, e.start, e.length);
      case 'call':
        return this.unsupported(e.name, path, e.start, e.length);
      case 'path':
        return this.unsupported(e.root, path, e.start, e.length);
      default:
        return this.unsupported(e.kind.toUpperCase(), path, e.start, e.length);
    }
  }

  private number(text: string, path: string): string {
    let n: string;
    try {
      n = normalizeNumber(text);
    } catch (err) {
      if (isServiceError(err)) throw validationError(`${err.message} under ${path}`);
      throw err;
    }
    if (n === '0' && text.startsWith('-')) throw negativeZero(path);
    return n;
  }

  private tuple(entries: readonly { key: Expr; value: Expr }[], path: string): Record<string, AttributeValue> {
    const out: Record<string, AttributeValue> = {};
    for (const { key, value } of entries) {
      if (key.kind !== 'string') throw tupleKeyNotString(typeName(key), path);
      if (Object.prototype.hasOwnProperty.call(out, key.value)) throw duplicateTupleKey(key.value, path);
      defineOwn(out, key.value, this.convert(value, `${path}.${key.value}`));
    }
    return out;
  }

  /** A bag is a string set or a number set; anything else in it is refused. */
  private bag(items: readonly Expr[], path: string): AttributeValue {
    if (items.length === 0) throw emptyBag();
    const members = items.map((item, i) => this.convert(item, `${path}[${i}]`));
    const types = new Set(members.map((m) => typeOf(m)));
    if (types.size === 1 && types.has('S')) return { SS: members.map((m) => m.S as string) };
    if (types.size === 1 && types.has('N')) return { NS: members.map((m) => m.N as string) };
    throw unsupportedBagType();
  }

  private unsupported(what: string, path: string, start: number, length: number): never {
    throw unsupportedDataType(what, path, positionOf(this.source, start, length));
  }
}

/** Attribute names are data: `__proto__` must become an own property, not the prototype. */
export function defineOwn(target: Record<string, AttributeValue>, name: string, value: AttributeValue): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** PartiQL's name for the type of a literal, for messages. */
function typeName(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return /[.eE]/.test(e.text) ? 'DECIMAL' : 'INT';
    case 'bool':
      return 'BOOL';
    case 'tuple':
      return 'STRUCT';
    default:
      return e.kind.toUpperCase();
  }
}

/**
 * Checks the request's Parameters against the statement's `?` count and validates each value in
 * order, as DynamoDB does: "Number of parameters in request and statement don't match.", then the
 * first problem in document order — a value nested too deeply, or a number whose exponent does
 * not fit a 32-bit integer ("The parameter cannot be converted to a numeric value: 1e99999999999",
 * which DynamoDB says where PutItem would say "Number overflow"), then the ordinary value checks.
 */
export function bindParameters(parameterCount: number, parameters: readonly AttributeValue[] | undefined): AttributeValue[] {
  const given = parameters ?? [];
  if (given.length !== parameterCount) throw parameterCountMismatch();
  return given.map((p) => {
    checkExponents(p, 1);
    return validateValue(p);
  });
}

const MAX_NESTING_LEVEL = 32;
const EXPONENT = /[eE]([+-]?\d+)$/;

/** Stops at the first level too deep: validateValue reports that one, in its place in document order. */
function checkExponents(v: AttributeValue, level: number): boolean {
  if (level > MAX_NESTING_LEVEL) return false;
  if (v === null || typeof v !== 'object') return true;
  const numbers = typeof v.N === 'string' ? [v.N] : Array.isArray(v.NS) ? v.NS : [];
  for (const n of numbers) {
    const m = typeof n === 'string' ? EXPONENT.exec(n) : null;
    const exponent = m ? Number(m[1]) : 0;
    if (exponent > 2147483647 || exponent < -2147483648) throw parameterNotNumeric(n);
  }
  if (Array.isArray(v.L)) {
    for (const e of v.L) if (!checkExponents(e, level + 1)) return false;
  }
  if (v.M && typeof v.M === 'object') {
    for (const k of Object.keys(v.M)) if (!checkExponents(v.M[k] as AttributeValue, level + 1)) return false;
  }
  return true;
}
