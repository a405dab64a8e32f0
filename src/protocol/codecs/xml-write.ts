/** Writes the handler's typed value as XML, walking the shape (query, EC2 and REST-XML bodies). */
import { boundInResponse, type Member, type Shape, type XmlNamespace } from '../model/shapes.js';
import { FLOAT_TYPES, floatToWire, toBuffer } from './scalars.js';
import { formatTimestamp, type TimestampFormat } from './timestamp.js';
import { xmlMemberName } from './xml-read.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;', '\n': '&#xA;', '\u0085': '&#x85;', '\u2028': '&#x2028;',
};

/** Escapes text for element content and attribute values, as AWS does (line breaks as references). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"'\r\n\u0085\u2028]|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => ESCAPES[c] ?? `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

export function xmlScalarText(shape: Shape, v: unknown, member?: Member, defaultTimestamp: TimestampFormat = 'iso8601'): string {
  switch (shape.type) {
    case 'timestamp': {
      const d = v instanceof Date ? v : new Date(typeof v === 'number' ? v * 1000 : String(v));
      return String(formatTimestamp(d, (member?.timestampFormat ?? shape.timestampFormat ?? defaultTimestamp) as TimestampFormat));
    }
    case 'blob':
      return toBuffer(v).toString('base64');
    default:
      if (FLOAT_TYPES.has(shape.type) && typeof v === 'number') return String(floatToWire(v));
      return String(v);
  }
}

function nsAttr(ns: XmlNamespace | undefined): string {
  if (!ns) return '';
  return ns.prefix ? ` xmlns:${ns.prefix}="${escapeXml(ns.uri)}"` : ` xmlns="${escapeXml(ns.uri)}"`;
}

export class XmlWriter {
  readonly parts: string[] = [];

  /** Writes `<name …>value</name>` for a value of `shape`; `extraAttrs` is raw attribute text. */
  element(name: string, shape: Shape, v: unknown, member?: Member, extraAttrs = ''): void {
    // A member carries its namespace (already merged from non-structure shapes); a root has its shape's.
    const ns = nsAttr(member ? member.xmlNamespace : shape.xmlNamespace);
    switch (shape.type) {
      case 'structure': {
        let attrs = ns + extraAttrs;
        const src = v as Record<string, unknown>;
        for (const m of shape.members) {
          if (!m.xmlAttribute) continue;
          const val = src[m.name];
          if (val === undefined || val === null) continue;
          attrs += ` ${xmlMemberName(m)}="${escapeXml(xmlScalarText(m.shape, val, m))}"`;
        }
        this.parts.push(`<${name}${attrs}>`);
        this.members(shape, src);
        this.parts.push(`</${name}>`);
        return;
      }
      case 'list': {
        const item = shape.member!;
        this.parts.push(`<${name}${ns}${extraAttrs}>`);
        for (const e of v as unknown[]) this.element(item.locationName ?? 'member', item.shape, e, item);
        this.parts.push(`</${name}>`);
        return;
      }
      case 'map': {
        this.parts.push(`<${name}${ns}${extraAttrs}>`);
        for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
          this.parts.push('<entry>');
          this.entry(shape, k, e);
          this.parts.push('</entry>');
        }
        this.parts.push(`</${name}>`);
        return;
      }
      default:
        this.parts.push(`<${name}${ns}${extraAttrs}>${escapeXml(xmlScalarText(shape, v, member))}</${name}>`);
    }
  }

  private entry(shape: Shape, k: string, e: unknown): void {
    const key = shape.key!;
    const value = shape.value!;
    this.element(key.locationName ?? 'key', key.shape, k, key);
    if (e !== undefined && e !== null) this.element(value.locationName ?? 'value', value.shape, e, value);
  }

  /** Writes a structure's members (not its own element), skipping unset, attribute and header-bound members. */
  members(shape: Shape, src: Record<string, unknown>): void {
    for (const m of shape.members) {
      if (m.xmlAttribute || boundInResponse(m)) continue;
      const val = src[m.name];
      if (val === undefined || val === null) continue;
      const name = xmlMemberName(m);
      if (m.flattened && m.shape.type === 'list') {
        const item = m.shape.member!;
        for (const e of val as unknown[]) this.element(name, item.shape, e, item);
      } else if (m.flattened && m.shape.type === 'map') {
        const ns = nsAttr(m.xmlNamespace);
        for (const [k, e] of Object.entries(val as Record<string, unknown>)) {
          this.parts.push(`<${name}${ns}>`);
          this.entry(m.shape, k, e);
          this.parts.push(`</${name}>`);
        }
      } else {
        this.element(name, m.shape, val, m);
      }
    }
  }

  raw(text: string): void {
    this.parts.push(text);
  }

  toString(): string {
    return this.parts.join('');
  }
}
