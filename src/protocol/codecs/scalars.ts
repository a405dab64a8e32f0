/** Scalar conversions shared by the codecs. */
import type { Shape } from '../model/shapes.js';
import { MalformedRequestError } from './malformed.js';
import { parseTimestamp } from './timestamp.js';

export const INTEGER_TYPES = new Set(['byte', 'short', 'integer', 'long', 'biginteger']);
export const FLOAT_TYPES = new Set(['float', 'double', 'bigdecimal']);

export function toBuffer(v: unknown): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  throw new TypeError(`expected bytes, got ${typeof v}`);
}

/** Special float spellings every AWS protocol uses for NaN and the infinities. */
export function floatToWire(n: number): number | string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  return n;
}

export function specialFloat(s: string): number | undefined {
  if (s === 'NaN') return NaN;
  if (s === 'Infinity') return Infinity;
  if (s === '-Infinity') return -Infinity;
  return undefined;
}

/** Reads a number written as text (query strings, XML, headers). */
export function parseNumberText(text: string, shape: Shape): number | undefined {
  const t = text.trim();
  if (FLOAT_TYPES.has(shape.type)) {
    const special = specialFloat(t);
    if (special !== undefined) return special;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
    return Number(t);
  }
  if (!/^[+-]?\d+$/.test(t)) return undefined;
  return Number(t);
}

export function parseBooleanText(text: string): boolean | undefined {
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false') return false;
  return undefined;
}

/** Sets an own property even for the key `__proto__`, which plain assignment would not. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

export function timestampFormatOf(shape: Shape, memberFormat: string | undefined, fallback: string): string {
  return memberFormat ?? shape.timestampFormat ?? fallback;
}

function invalid(text: string, where: string, expected: string): MalformedRequestError {
  return new MalformedRequestError(`Value (${text}) for parameter ${where} is invalid. Expected ${expected}.`);
}

/**
 * Reads a scalar written as text — XML content, query and form parameters, headers, URI labels —
 * as the shape's type; `where` names the parameter in the error.
 */
export function readTextScalar(shape: Shape, text: string, where: string): unknown {
  switch (shape.type) {
    case 'boolean': {
      const b = parseBooleanText(text);
      if (b === undefined) throw invalid(text, where, "'true' or 'false'");
      return b;
    }
    case 'timestamp': {
      const d = parseTimestamp(text);
      if (!d) throw invalid(text, where, 'a timestamp');
      return d;
    }
    case 'blob':
      return Buffer.from(text, 'base64');
    default:
      if (INTEGER_TYPES.has(shape.type) || FLOAT_TYPES.has(shape.type)) {
        const n = parseNumberText(text, shape);
        if (n === undefined) throw invalid(text, where, 'a number');
        return n;
      }
      return text;
  }
}
