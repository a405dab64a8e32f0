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

let parts: (string | Buffer)[] = [];
let allText = true;

/** Called by the compiled writer: keeps the part and returns the placeholder to write. */
export function placeholderFor(value: PreEncodedJson): string {
  if (typeof value.json !== 'string') allText = false;
  return `${MARK}${NONCE}:${parts.push(value.json) - 1}${MARK}`;
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
    pieces.push(text.slice(at, open), parts[Number(text.slice(open + OPEN.length, close))]!);
    at = close + CLOSE.length;
  }
  pieces.push(text.slice(at));
  const asText = allText;
  resetPlaceholders();
  if (asText) return (pieces as string[]).join('');
  return Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

/** Drops pending parts (a write that threw half-way). */
export function resetPlaceholders(): void {
  parts = [];
  allText = true;
}
