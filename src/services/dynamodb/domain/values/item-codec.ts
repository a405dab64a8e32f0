/**
 * The stored form of an item (a SQLite BLOB): one format byte, then the item as JSON in its wire
 * shape ({"name":{"S":"…"},…}). Chosen by measurement against cborg and v8.serialize (see
 * test/services/dynamodb/values/item-codec.bench.ts): JSON.parse decoded a 1 KiB item and a
 * 100-attribute item ~25% faster than v8.deserialize and ~3× faster than cborg; v8.serialize
 * encodes faster, but decoding is what every read pays for, the stored text is DynamoDB's own
 * wire form (below), and it stays readable when debugging a database.
 *
 * Format bytes:
 * - '0' (0x30): plain JSON; the item has no B or BS anywhere, so JSON.parse's result is the item.
 * - '1' (0x31): B values are base64 strings and BS values arrays of them; decoding walks the item
 *   to turn them back into bytes. Only items holding binaries pay for that walk.
 * Other bytes are reserved for future formats; decodeItem refuses them.
 *
 * In both formats the bytes after the format byte are exactly DynamoDB's JSON wire encoding of the
 * item (numbers as strings, bytes as base64), so a response serializer may splice them in without
 * parsing and re-encoding: see storedItemWireJson.
 *
 * Round trips are exact: empty strings, lone surrogates (JSON.stringify escapes them), attribute
 * names such as `__proto__` (JSON.parse makes them own properties), nesting, set order.
 */
import type { AttributeValue, Item } from '../types.js';
import { setOwn } from './own.js';

const PLAIN = 0x30;
const WITH_BINARY = 0x31;

export function encodeItem(item: Item): Buffer {
  const names = Object.keys(item);
  let binary = false;
  for (let i = 0; i < names.length && !binary; i++) binary = hasBinary(item[names[i] as string] as AttributeValue);
  if (!binary) return Buffer.from(`0${JSON.stringify(item)}`, 'utf8');
  const out: Record<string, unknown> = {};
  for (const name of names) setOwn(out, name, toJson(item[name] as AttributeValue));
  return Buffer.from(`1${JSON.stringify(out)}`, 'utf8');
}

export function decodeItem(buf: Buffer): Item {
  const format = buf[0];
  if (format !== PLAIN && format !== WITH_BINARY) throw new Error(`decodeItem: unknown stored item format ${String(format)}`);
  const item = JSON.parse(buf.toString('utf8', 1)) as Item;
  if (format === WITH_BINARY) {
    for (const name in item) fromJson(item[name] as AttributeValue);
  }
  return item;
}

/** decodeItem for a stored item read as text (SQLite's CAST(body AS TEXT): cheaper to fetch than bytes). */
export function decodeItemText(text: string): Item {
  const format = text.charCodeAt(0);
  if (format !== PLAIN && format !== WITH_BINARY) throw new Error(`decodeItem: unknown stored item format ${String(format)}`);
  const item = JSON.parse(text.slice(1)) as Item;
  if (format === WITH_BINARY) {
    for (const name in item) fromJson(item[name] as AttributeValue);
  }
  return item;
}

/** The wire JSON of a stored item read as text (see storedItemWireJson). */
export function storedItemWireText(text: string): string {
  const format = text.charCodeAt(0);
  if (format !== PLAIN && format !== WITH_BINARY) throw new Error(`storedItemWireText: unknown stored item format ${String(format)}`);
  return text.slice(1);
}

/** The stored item as the JSON text DynamoDB's wire protocol uses for an Item map (a view, not a copy). */
export function storedItemWireJson(buf: Buffer): Buffer {
  const format = buf[0];
  if (format !== PLAIN && format !== WITH_BINARY) throw new Error(`storedItemWireJson: unknown stored item format ${String(format)}`);
  return buf.subarray(1);
}

function hasBinary(v: AttributeValue): boolean {
  if (v.S != null || v.N != null) return false; // most values: one or two lookups
  if (v.B != null || v.BS != null) return true;
  if (v.M != null) {
    for (const k in v.M) if (hasBinary(v.M[k] as AttributeValue)) return true;
  } else if (v.L != null) {
    for (const e of v.L) if (hasBinary(e)) return true;
  }
  return false;
}

/** A JSON-ready copy of a value with bytes as base64; values without binaries are shared, not copied. */
function toJson(v: AttributeValue): unknown {
  if (v.B != null) return { B: base64(v.B) };
  if (v.BS != null) return { BS: v.BS.map(base64) };
  if (v.M != null) {
    const m: Record<string, unknown> = {};
    for (const k in v.M) setOwn(m, k, toJson(v.M[k] as AttributeValue));
    return { M: m };
  }
  if (v.L != null) return { L: v.L.map(toJson) };
  return v;
}

/** Turns base64 back into bytes in place (the object is fresh from JSON.parse). */
function fromJson(v: AttributeValue): void {
  const stored = v as { B?: unknown; BS?: unknown };
  if (typeof stored.B === 'string') v.B = bytes(stored.B);
  else if (Array.isArray(stored.BS)) v.BS = (stored.BS as string[]).map(bytes);
  else if (v.M != null) {
    for (const k in v.M) fromJson(v.M[k] as AttributeValue);
  } else if (v.L != null) {
    for (const e of v.L) fromJson(e);
  }
}

function base64(u: Uint8Array): string {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('base64');
}

/** A standalone Uint8Array (not a view into Node's shared Buffer pool). */
function bytes(b64: string): Uint8Array {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}
