/**
 * JSON readers and writers compiled from the model: each shape gets its own small function,
 * generated once and cached, so every property access site sees one object shape. The generic
 * walkers in document.ts read and write any shape with the same code, whose property accesses
 * therefore go megamorphic; on a small request that cost more than the rest of the gateway. The
 * compiled writer builds a plain JSON-ready object (one shape per output shape), which the native
 * JSON.stringify turns into text faster than any concatenation.
 *
 * Behaviour is the generic walkers' exactly (same conversions, same error messages); the
 * protocol vectors check both. Generated code contains only generated identifiers, numbers and
 * JSON-quoted member names from the vendored models.
 */
import type { Member, Shape } from '../model/shapes.js';
import { boundInRequest, boundInResponse, wireName } from '../model/shapes.js';
import { jsonFlavor, mismatch } from './document.js';
import { FLOAT_TYPES, INTEGER_TYPES, floatToWire, setOwn, specialFloat, toBuffer } from './scalars.js';
import { formatTimestamp, type TimestampFormat } from './timestamp.js';
import { PreEncodedJson, hasPlaceholders, listPlaceholderFor, placeholderFor, resetPlaceholders, splice } from './pre-encoded-json.js';

export type JsonReader = (doc: unknown, path?: string) => Record<string, unknown>;
/** Text, or bytes when the value held pre-encoded parts given as bytes (pre-encoded-json.ts). */
export type JsonWriter = (value: Record<string, unknown>) => string | Buffer;

/** Which members a root structure covers: all, or those a REST request/response body carries. */
export type MemberFilter = 'all' | 'request-body' | 'response-body';

const helpers = {
  mismatch,
  setOwn,
  join: (path: string, name: string) => (path ? `${path}.${name}` : name),
  float(x: unknown, shape: Shape, path: string): number {
    if (typeof x === 'number') return x;
    const special = typeof x === 'string' ? specialFloat(x) : undefined;
    if (special === undefined) throw mismatch(x, shape, path);
    return special;
  },
  timestamp(x: unknown, shape: Shape, path: string): Date {
    const d = jsonFlavor.readTimestamp(x, 'unixTimestamp');
    if (!d) throw mismatch(x, shape, path);
    return d;
  },
  blob(x: unknown, shape: Shape, path: string): Buffer {
    if (typeof x !== 'string') throw mismatch(x, shape, path);
    return Buffer.from(x, 'base64');
  },
  num: (x: number) => (Number.isFinite(x) ? x : floatToWire(x)),
  epoch: (x: unknown) => toDate(x).getTime() / 1000,
  time: (x: unknown, format: TimestampFormat) => formatTimestamp(toDate(x), format),
  b64: (x: unknown) => toBuffer(x).toString('base64'),
  Pre: PreEncodedJson,
  pre: placeholderFor,
  preList: listPlaceholderFor,
};

function toDate(v: unknown): Date {
  return v instanceof Date ? v : new Date(typeof v === 'number' ? v * 1000 : String(v));
}

const q = (s: string) => JSON.stringify(s);

/** Generates the functions for one root shape and the shapes it reaches. */
class Generator {
  private readonly names = new Map<Shape, string>();
  private readonly shapes: Shape[] = [];
  private readonly code: string[] = [];

  constructor(private readonly mode: 'read' | 'write') {}

  private shapeRef(shape: Shape): string {
    let i = this.shapes.indexOf(shape);
    if (i === -1) i = this.shapes.push(shape) - 1;
    return `S[${i}]`;
  }

  /** The function for a container shape, generating it on first reference. */
  fn(shape: Shape, filter: MemberFilter = 'all'): string {
    if (filter !== 'all') return this.generate(shape, filter, `${this.mode === 'read' ? 'R' : 'W'}root`);
    let name = this.names.get(shape);
    if (!name) {
      name = `${this.mode === 'read' ? 'R' : 'W'}${this.names.size}`;
      this.names.set(shape, name);
      this.generate(shape, filter, name);
    }
    return name;
  }

  private generate(shape: Shape, filter: MemberFilter, name: string): string {
    const body = this.mode === 'read' ? this.readerBody(shape, filter) : this.writerBody(shape, filter);
    this.code.push(`function ${name}(v, p) {\n${body}\n}`);
    return name;
  }

  private members(shape: Shape, filter: MemberFilter): Member[] {
    if (filter === 'request-body') return shape.members.filter((m) => !boundInRequest(m));
    if (filter === 'response-body') return shape.members.filter((m) => !boundInResponse(m));
    return shape.members;
  }

  // --- reading -------------------------------------------------------------------------------

  /** An expression reading the wire value `x` (not null) as `shape`; `path` is an expression. */
  private read(shape: Shape, path: string): string {
    const S = this.shapeRef(shape);
    if (shape.document) return 'x';
    switch (shape.type) {
      case 'structure':
      case 'list':
      case 'map':
        return `${this.fn(shape)}(x, ${path})`;
      case 'string':
      case 'character':
        return `(typeof x === 'string' ? x : h.fail(x, ${S}, ${path}))`;
      case 'boolean':
        return `(typeof x === 'boolean' ? x : h.fail(x, ${S}, ${path}))`;
      case 'timestamp':
        return `h.timestamp(x, ${S}, ${path})`;
      case 'blob':
        return `h.blob(x, ${S}, ${path})`;
      default:
        if (INTEGER_TYPES.has(shape.type)) return `(Number.isInteger(x) ? x : h.fail(x, ${S}, ${path}))`;
        if (FLOAT_TYPES.has(shape.type)) return `h.float(x, ${S}, ${path})`;
        return 'x';
    }
  }

  private readerBody(shape: Shape, filter: MemberFilter): string {
    const S = this.shapeRef(shape);
    switch (shape.type) {
      case 'structure': {
        const lines = [`if (typeof v !== 'object' || v === null || Array.isArray(v)) throw h.mismatch(v, ${S}, p);`, 'const o = {};', 'let x;'];
        for (const m of this.members(shape, filter)) {
          const path = `h.join(p, ${q(m.name)})`;
          lines.push(`x = v[${q(wireName(m))}];`, `if (x !== undefined && x !== null) o[${q(m.name)}] = ${this.read(m.shape, path)};`);
        }
        lines.push('return o;');
        return lines.join('\n');
      }
      case 'list': {
        const item = shape.member!;
        return [
          `if (!Array.isArray(v)) throw h.mismatch(v, ${S}, p);`,
          'const o = new Array(v.length);',
          'for (let i = 0; i < v.length; i++) {',
          '  const x = v[i];',
          `  o[i] = x === null ? null : ${this.read(item.shape, "p + '.' + (i + 1) + '.member'")};`,
          '}',
          'return o;',
        ].join('\n');
      }
      default: {
        const value = shape.value!;
        return [
          `if (typeof v !== 'object' || v === null || Array.isArray(v)) throw h.mismatch(v, ${S}, p);`,
          'const o = {};',
          'for (const k of Object.keys(v)) {',
          '  const x = v[k];',
          `  h.setOwn(o, k, x === null ? null : ${this.read(value.shape, "p + '.' + k + '.member'")});`,
          '}',
          'return o;',
        ].join('\n');
      }
    }
  }

  // --- writing -------------------------------------------------------------------------------

  /** An expression giving the JSON-ready value of `x` (not null) of `shape`. */
  private write(shape: Shape, member: Member | undefined): string {
    if (shape.document) return 'x';
    switch (shape.type) {
      case 'structure':
      case 'list':
      case 'map':
        return `${this.fn(shape)}(x)`;
      case 'timestamp': {
        const format = member?.timestampFormat ?? shape.timestampFormat ?? 'unixTimestamp';
        return format === 'unixTimestamp' ? 'h.epoch(x)' : `h.time(x, ${q(format)})`;
      }
      case 'blob':
        return 'h.b64(x)';
      default:
        if (FLOAT_TYPES.has(shape.type)) return 'h.num(x)';
        return 'x';
    }
  }

  private writerBody(shape: Shape, filter: MemberFilter): string {
    // A container value may come already encoded (pre-encoded-json.ts).
    const pre = 'if (v instanceof h.Pre) return h.pre(v);';
    switch (shape.type) {
      case 'structure': {
        const lines = [pre, 'const o = {};', 'let x;'];
        for (const m of this.members(shape, filter)) {
          lines.push(`x = v[${q(m.name)}];`, `if (x !== undefined && x !== null) o[${q(wireName(m))}] = ${this.write(m.shape, m)};`);
        }
        lines.push('return o;');
        return lines.join('\n');
      }
      case 'list': {
        const item = shape.member!;
        return [
          pre,
          // A list of items that all come encoded is one part of the document.
          'if (v.length > 0 && v[0] instanceof h.Pre) { const all = h.preList(v); if (all !== undefined) return all; }',
          'const o = new Array(v.length);',
          'for (let i = 0; i < v.length; i++) {',
          '  const x = v[i];',
          `  o[i] = x === undefined || x === null ? null : ${this.write(item.shape, item)};`,
          '}',
          'return o;',
        ].join('\n');
      }
      default: {
        const value = shape.value!;
        return [
          pre,
          'const o = {};',
          'for (const k of Object.keys(v)) {',
          '  const x = v[k];',
          `  h.setOwn(o, k, x === undefined || x === null ? null : ${this.write(value.shape, value)});`,
          '}',
          'return o;',
        ].join('\n');
      }
    }
  }

  link<F>(root: string): F {
    const source = `${this.code.join('\n')}\nreturn ${root};`;
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function('h', 'S', source)({ ...helpers, fail: (x: unknown, s: Shape, p: string) => { throw mismatch(x, s, p); } }, this.shapes) as F;
  }
}

const readers = new WeakMap<Shape, Map<MemberFilter, JsonReader>>();
const writers = new WeakMap<Shape, Map<MemberFilter, JsonWriter>>();

/** A reader turning a parsed JSON document into the handler's value for `shape`. */
export function jsonReader(shape: Shape, filter: MemberFilter = 'all'): JsonReader {
  let byFilter = readers.get(shape);
  if (!byFilter) readers.set(shape, (byFilter = new Map()));
  let reader = byFilter.get(filter);
  if (!reader) {
    const g = new Generator('read');
    const compiled = g.link<(v: unknown, p: string) => Record<string, unknown>>(g.fn(shape, filter));
    reader = (doc, path = '') => compiled(doc, path);
    byFilter.set(filter, reader);
  }
  return reader;
}

/** A writer turning the handler's value for `shape` into JSON text. */
export function jsonWriter(shape: Shape, filter: MemberFilter = 'all'): JsonWriter {
  let byFilter = writers.get(shape);
  if (!byFilter) writers.set(shape, (byFilter = new Map()));
  let writer = byFilter.get(filter);
  if (!writer) {
    const g = new Generator('write');
    const build = g.link<(v: Record<string, unknown>) => unknown>(g.fn(shape, filter));
    writer = (value) => {
      let text: string;
      try {
        text = JSON.stringify(build(value));
      } catch (e) {
        resetPlaceholders();
        throw e;
      }
      return hasPlaceholders() ? splice(text) : text;
    };
    byFilter.set(filter, writer);
  }
  return writer;
}
