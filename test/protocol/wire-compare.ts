/** Canonical forms for comparing response bodies and headers on the wire (see the vectors README). */
import { decode as cborgDecode } from 'cborg';
import { parseXml, type XmlElement } from '../../src/protocol/codecs/xml-parse.js';

interface CanonicalXml {
  name: string;
  uri: string;
  attrs: [string, string][];
  text?: string;
  children: CanonicalXml[];
}

const SERVER_ADDED = new Set(['ResponseMetadata', 'requestId', 'RequestId', 'RequestID', 'HostId']);

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** The same instant written with another offset or precision compares equal. */
export function canonicalText(t: string): string {
  if (t.trim() === '') return '';
  if (ISO_WITH_ZONE.test(t)) {
    const ms = Date.parse(t);
    if (!Number.isNaN(ms)) return `@${ms}`;
  }
  return t;
}

/** JSON/CBOR documents: strings canonicalised, `__type` without its namespace, `message` dropped if asked. */
export function canonicalDoc(v: unknown, dropMessage: boolean, top = true): unknown {
  if (typeof v === 'string') return canonicalText(v);
  if (Array.isArray(v)) return v.map((e) => canonicalDoc(e, false, false));
  if (v && typeof v === 'object' && !(v instanceof Uint8Array) && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) {
      if (top && dropMessage && k.toLowerCase() === 'message') continue;
      if (top && k === '__type' && typeof e === 'string') {
        out[k] = e.slice(e.indexOf('#') + 1).split(':')[0];
        continue;
      }
      out[k] = canonicalDoc(e, false, false);
    }
    return out;
  }
  return v;
}

/** An element tree without whitespace-only text, with structure children sorted by name (list order kept). */
export function canonicalXml(el: XmlElement, dropServerAdded = true, dropMessage = false): CanonicalXml {
  const children = el.children
    .filter((c) => !(dropServerAdded && SERVER_ADDED.has(c.name)) && !(dropMessage && c.name === 'Message'))
    .map((c) => canonicalXml(c, false, dropMessage && (c.name === 'Error' || c.name === 'Errors')))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.name < b.c.name ? -1 : a.c.name > b.c.name ? 1 : a.i - b.i))
    .map(({ c }) => c);
  const text = el.children.length ? undefined : canonicalText(el.text);
  return { name: el.name, uri: el.uri, attrs: Object.entries(el.attrs).sort(), ...(text !== undefined ? { text } : {}), children };
}

/**
 * The canonical tree of a whole response body. The envelope root's namespace is the service's
 * (the test models carry none), and the request id elements are the server's own: both are left out.
 */
export function xmlOf(body: string, dropMessage = false): CanonicalXml {
  const root = parseXml(body);
  const envelopeNs = root.uri;
  const strip = (el: XmlElement): XmlElement => ({ ...el, uri: el.uri === envelopeNs ? '' : el.uri, children: el.children.map(strip) });
  return canonicalXml(strip(root), true, dropMessage);
}

export function cborOf(b64: string | Buffer): unknown {
  const buf = typeof b64 === 'string' ? Buffer.from(b64, 'base64') : b64;
  return buf.length ? cborgDecode(buf, { tags: { 1: (inner: () => unknown) => new Date(Number(inner()) * 1000) } as never }) : undefined;
}

/** Header values compare equal as lists (comma-separated, trimmed) or as the same instant. */
export function headerValuesMatch(expected: string, actual: string): boolean {
  if (expected === actual) return true;
  const norm = (s: string) => s.split(',').map((p) => p.trim().replace(/^"(.*)"$/, '$1')).join(',');
  if (norm(expected) === norm(actual)) return true;
  const te = Date.parse(expected);
  const ta = Date.parse(actual);
  return !Number.isNaN(te) && te === ta;
}
