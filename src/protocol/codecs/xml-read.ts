/** Reads a parsed XML element into the handler's typed value, walking the shape. */
import type { Member, Shape } from '../model/shapes.js';
import { boundInRequest, wireName } from '../model/shapes.js';
import { readTextScalar, setOwn } from './scalars.js';
import type { XmlElement } from './xml-parse.js';

/**
 * The element name a structure member is found under. A flattened list repeats the member's own
 * name (Smithy's rule; on every vendored model it agrees with botocore's older item-name rule).
 */
export function xmlMemberName(m: Member): string {
  return wireName(m);
}

function readEntries(shape: Shape, entries: XmlElement[], where: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const keyName = shape.key!.locationName ?? 'key';
  const valueName = shape.value!.locationName ?? 'value';
  for (const e of entries) {
    const k = e.children.find((c) => c.name === keyName);
    const v = e.children.find((c) => c.name === valueName);
    if (!k) continue;
    setOwn(out, k.text, v ? readXml(shape.value!.shape, v, `${where}.${k.text}`) : undefined);
  }
  return out;
}

export function readXml(shape: Shape, el: XmlElement, where = shape.name): unknown {
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const byName = new Map<string, XmlElement[]>();
      for (const c of el.children) {
        const list = byName.get(c.name);
        if (list) list.push(c);
        else byName.set(c.name, [c]);
      }
      for (const m of shape.members) {
        if (boundInRequest(m)) continue;
        const name = xmlMemberName(m);
        if (m.xmlAttribute) {
          const a = el.attrs[name.includes(':') ? name.slice(name.indexOf(':') + 1) : name];
          if (a !== undefined) out[m.name] = readTextScalar(m.shape, a, `${where}.${m.name}`);
          continue;
        }
        const found = byName.get(name);
        if (!found) continue;
        const path = `${where}.${m.name}`;
        if (m.flattened && m.shape.type === 'list') {
          out[m.name] = found.map((c, i) => readXml(m.shape.member!.shape, c, `${path}.${i + 1}`));
        } else if (m.flattened && m.shape.type === 'map') {
          out[m.name] = readEntries(m.shape, found, path);
        } else {
          out[m.name] = readXml(m.shape, found[0]!, path);
        }
      }
      return out;
    }
    case 'list': {
      const itemName = shape.member!.locationName ?? 'member';
      return el.children.filter((c) => c.name === itemName).map((c, i) => readXml(shape.member!.shape, c, `${where}.${i + 1}`));
    }
    case 'map':
      return readEntries(shape, el.children.filter((c) => c.name === 'entry'), where);
    default:
      return readTextScalar(shape, el.text, where);
  }
}
