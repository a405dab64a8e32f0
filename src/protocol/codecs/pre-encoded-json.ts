/**
 * A value whose JSON wire encoding is already known, as text or bytes: a record a service keeps in its
 * wire form (DynamoDB stores items as their wire JSON). Given one in place of a structure, list
 * or map, the JSON writer copies the bytes into the document instead of walking the value and
 * encoding it again — for a Query answering a hundred 1 KiB items, most of the work saved.
 * The part must be exactly what the writer would have produced for that shape.
 */
export class PreEncodedJson {
  constructor(readonly json: string | Buffer) {}
}

// While a document is written, pre-encoded parts stand in it as placeholder strings, which
// JSON.stringify writes as "\u0001<nonce>:<n>\u0001"; the nonce keeps any string a client sent
// from being taken for one.
const NONCE = Math.random().toString(36).slice(2, 12);
const MARK = '\u0001';
const OPEN = `"\\u0001${NONCE}:`;
const CLOSE = '\\u0001"';

/** A part: one pre-encoded value, or a list whose every item is one (written as `[a,b,…]`). */
let parts: (string | Buffer | readonly PreEncodedJson[])[] = [];
let allText = true;

/** Called by the compiled writer: keeps the part and returns the placeholder to write. */
export function placeholderFor(value: PreEncodedJson): string {
  if (typeof value.json !== 'string') allText = false;
  return `${MARK}${NONCE}:${parts.push(value.json) - 1}${MARK}`;
}

/**
 * Called by the compiled writer for a list: when every item is pre-encoded (a Query page of
 * stored items), the whole list stands in the document as one placeholder — one instead of one
 * per item to write, escape, find and cut out again. Undefined when an item is not.
 */
export function listPlaceholderFor(items: readonly unknown[]): string | undefined {
  let text = true;
  for (const item of items) {
    if (!(item instanceof PreEncodedJson)) return undefined;
    if (typeof item.json !== 'string') text = false;
  }
  if (!text) allText = false;
  return `${MARK}${NONCE}:${parts.push(items as readonly PreEncodedJson[]) - 1}${MARK}`;
}

/** Whether the document being written holds placeholders (then `splice` must run). */
export function hasPlaceholders(): boolean {
  return parts.length > 0;
}

/** The document with every placeholder replaced by its part (text when every part is); resets for the next document. */
export function splice(text: string): string | Buffer {
  const pieces: (string | Buffer)[] = [];
  let at = 0;
  for (let open = text.indexOf(OPEN); open !== -1; open = text.indexOf(OPEN, at)) {
    const close = text.indexOf(CLOSE, open + OPEN.length);
    const part = parts[Number(text.slice(open + OPEN.length, close))]!;
    pieces.push(text.slice(at, open));
    if (typeof part === 'string' || Buffer.isBuffer(part)) pieces.push(part);
    else pushList(pieces, part);
    at = close + CLOSE.length;
  }
  pieces.push(text.slice(at));
  const asText = allText;
  resetPlaceholders();
  if (asText) return (pieces as string[]).join('');
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

function pushList(pieces: (string | Buffer)[], items: readonly PreEncodedJson[]): void {
  pieces.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) pieces.push(',');
    pieces.push(items[i]!.json);
  }
  pieces.push(']');
}

/** Drops pending parts (a write that threw half-way). */
export function resetPlaceholders(): void {
  parts = [];
  allText = true;
}
