/**
 * Shape-driven reader and writer for JSON-like documents (JSON bodies, CBOR bodies): turns a
 * parsed wire document into the handler's typed value and back. What differs between JSON and
 * CBOR (timestamps, blobs) is passed in as a `DocumentFlavor`.
 */
import type { Member, Shape } from '../model/shapes.js';
import { wireName } from '../model/shapes.js';
import { MalformedRequestError } from './malformed.js';
import { FLOAT_TYPES, INTEGER_TYPES, floatToWire, setOwn, specialFloat, toBuffer } from './scalars.js';
import { formatTimestamp, parseTimestamp, type TimestampFormat } from './timestamp.js';

export interface DocumentFlavor {
  readTimestamp(v: unknown, format: string): Date | undefined;
  writeTimestamp(d: Date, format: string): unknown;
  readBlob(v: unknown): Buffer | undefined;
  writeBlob(b: Buffer): unknown;
  /** JSON spells NaN and the infinities as strings; CBOR has them as floats. */
  readonly specialFloatsAsStrings: boolean;
}

export const jsonFlavor: DocumentFlavor = {
  readTimestamp(v) {
    return typeof v === 'number' || typeof v === 'string' ? parseTimestamp(v) : undefined;
  },
  writeTimestamp(d, format) {
    return formatTimestamp(d, format as TimestampFormat);
  },
  readBlob(v) {
    return typeof v === 'string' ? Buffer.from(v, 'base64') : undefined;
  },
  writeBlob(b) {
    return b.toString('base64');
  },
  specialFloatsAsStrings: true,
};

function jsonTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'START_ARRAY';
  switch (typeof v) {
    case 'object': return 'START_OBJECT';
    case 'string': return 'VALUE_STRING';
    case 'number': return Number.isInteger(v) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
    case 'boolean': return v ? 'VALUE_TRUE' : 'VALUE_FALSE';
    default: return typeof v;
  }
}

const TYPE_WORD: Record<string, string> = {
  string: 'String', character: 'String', boolean: 'Boolean', byte: 'Byte', short: 'Short', integer: 'Integer',
  long: 'Long', float: 'Float', double: 'Double', bigdecimal: 'BigDecimal', biginteger: 'BigInteger',
  timestamp: 'Date', blob: 'ByteBuffer', structure: 'structure', list: 'list', map: 'map',
};

export function mismatch(v: unknown, shape: Shape, path: string): MalformedRequestError {
  return new MalformedRequestError(`${jsonTypeName(v)} can not be converted to ${TYPE_WORD[shape.type] ?? shape.type} at '${path}'`);
}

export function readDocument(shape: Shape, v: unknown, flavor: DocumentFlavor, path = '', member?: Member): unknown {
  if (shape.document) return v;
  switch (shape.type) {
    case 'structure': {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array || v instanceof Date) {
        throw mismatch(v, shape, path);
      }
      const src = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const m of shape.members) {
        const raw = src[wireName(m)];
        if (raw === undefined || raw === null) continue;
        out[m.name] = readDocument(m.shape, raw, flavor, path ? `${path}.${m.name}` : m.name, m);
      }
      return out;
    }
    case 'list': {
      if (!Array.isArray(v)) throw mismatch(v, shape, path);
      const item = shape.member!;
      return v.map((e, i) => (e === null ? null : readDocument(item.shape, e, flavor, `${path}.${i + 1}.member`, item)));
    }
    case 'map': {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) throw mismatch(v, shape, path);
      const out: Record<string, unknown> = {};
      const val = shape.value!;
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v as Record<string, unknown>);
      for (const [k, e] of entries) {
        setOwn(out, String(k), e === null ? null : readDocument(val.shape, e, flavor, `${path}.${String(k)}.member`, val));
      }
      return out;
    }
    case 'string':
    case 'character':
      if (typeof v !== 'string') throw mismatch(v, shape, path);
      return v;
    case 'boolean':
      if (typeof v !== 'boolean') throw mismatch(v, shape, path);
      return v;
    case 'timestamp': {
      const d = flavor.readTimestamp(v, member?.timestampFormat ?? shape.timestampFormat ?? 'unixTimestamp');
      if (!d) throw mismatch(v, shape, path);
      return d;
    }
    case 'blob': {
      const b = flavor.readBlob(v);
      if (!b) throw mismatch(v, shape, path);
      return b;
    }
    default:
      if (INTEGER_TYPES.has(shape.type)) {
        if (typeof v === 'bigint') return Number(v);
        if (typeof v !== 'number' || !Number.isInteger(v)) throw mismatch(v, shape, path);
        return v;
      }
      if (FLOAT_TYPES.has(shape.type)) {
        if (typeof v === 'number') return v;
        if (typeof v === 'bigint') return Number(v);
        const special = typeof v === 'string' ? specialFloat(v) : undefined;
        if (special === undefined) throw mismatch(v, shape, path);
        return special;
      }
      return v;
  }
}

export function writeDocument(shape: Shape, v: unknown, flavor: DocumentFlavor, member?: Member): unknown {
  if (shape.document) return v;
  switch (shape.type) {
    case 'structure': {
      const src = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const m of shape.members) {
        const val = src[m.name];
        if (val === undefined || val === null) continue;
        out[wireName(m)] = writeDocument(m.shape, val, flavor, m);
      }
      return out;
    }
    case 'list': {
      const item = shape.member!;
      return (v as unknown[]).map((e) => (e === null || e === undefined ? null : writeDocument(item.shape, e, flavor, item)));
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const val = shape.value!;
      for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
        setOwn(out, k, e === null || e === undefined ? null : writeDocument(val.shape, e, flavor, val));
      }
      return out;
    }
    case 'timestamp': {
      const d = v instanceof Date ? v : new Date(typeof v === 'number' ? v * 1000 : String(v));
      return flavor.writeTimestamp(d, member?.timestampFormat ?? shape.timestampFormat ?? 'unixTimestamp');
    }
    case 'blob':
      return flavor.writeBlob(toBuffer(v));
    default:
      if (FLOAT_TYPES.has(shape.type) && typeof v === 'number' && flavor.specialFloatsAsStrings) return floatToWire(v);
      return v;
  }
}
