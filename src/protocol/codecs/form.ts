/**
 * `application/x-www-form-urlencoded` bodies and query strings, and the query/EC2 protocols'
 * dotted parameter names (`Tags.member.1.Key`, `Filter.1.Value.2`), read by walking the shape.
 */
import type { Member, Shape } from '../model/shapes.js';
import { MalformedRequestError } from './malformed.js';
import { readTextScalar, setOwn } from './scalars.js';

export function decodeFormComponent(s: string): string {
  if (s.indexOf('+') !== -1) s = s.replace(/\+/g, ' ');
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    throw new MalformedRequestError(`Invalid percent-encoding in ${JSON.stringify(s.slice(0, 64))}`, 'encoding');
  }
}

/** Splits `a=1&b=2` into decoded pairs, in order. `+` is a space, as HTML forms write it. */
export function parseFormPairs(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  if (!text) return pairs;
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = eq === -1 ? part : part.slice(0, eq);
    const v = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([decodeFormComponent(k), decodeFormComponent(v)]);
  }
  return pairs;
}

export interface FormNode {
  value?: string;
  children?: Map<string, FormNode>;
}

/** Builds a trie of the dotted keys: `A.member.1=x` becomes A → member → 1 (value x). */
export function buildFormTree(pairs: Iterable<[string, string]>): FormNode {
  const root: FormNode = {};
  for (const [key, value] of pairs) {
    let node = root;
    for (const part of key.split('.')) {
      node.children ??= new Map();
      let next = node.children.get(part);
      if (!next) node.children.set(part, (next = {}));
      node = next;
    }
    node.value = value;
  }
  return root;
}

/** Children whose key is a positive index, in index order (`.1`, `.2`, … `.10`). */
function indexed(node: FormNode | undefined): FormNode[] {
  if (!node?.children) return [];
  return [...node.children.entries()]
    .filter(([k]) => /^\d+$/.test(k))
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([, n]) => n);
}

export type FormDialect = 'query' | 'ec2';

/**
 * The parameter name a member has in a query or EC2 request. EC2 uses `queryName`, else the
 * capitalised `locationName` or member name; query uses `locationName` or the member name.
 */
export function formMemberName(m: Member, dialect: FormDialect): string {
  if (dialect === 'ec2') {
    if (m.queryName) return m.queryName;
    const name = m.locationName ?? m.name;
    return name[0]!.toUpperCase() + name.slice(1);
  }
  if (m.locationName) return m.locationName;
  // Older models name a flattened list by its items' name instead (`Foo.1` for items named Foo).
  if (m.shape.type === 'list' && m.flattened && m.shape.member?.locationName) return m.shape.member.locationName;
  return m.name;
}

export function readForm(shape: Shape, node: FormNode, dialect: FormDialect, name = '', member?: Member): unknown {
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const m of shape.members) {
        const key = formMemberName(m, dialect);
        const child = node.children?.get(key);
        if (!child) continue;
        out[m.name] = readForm(m.shape, child, dialect, name ? `${name}.${key}` : key, m);
      }
      return out;
    }
    case 'list': {
      const item = shape.member!;
      let items: FormNode[];
      if (dialect === 'ec2' || member?.flattened) {
        items = indexed(node);
      } else {
        items = indexed(node.children?.get(item.locationName ?? 'member'));
      }
      // `Name=` with nothing under it is how query clients send an empty list.
      return items.map((n, i) => readForm(item.shape, n, dialect, `${name}.${i + 1}`, item));
    }
    case 'map': {
      const out: Record<string, unknown> = {};
      const entries = indexed(member?.flattened ? node : node.children?.get('entry'));
      const keyName = shape.key!.locationName ?? 'key';
      const valueName = shape.value!.locationName ?? 'value';
      for (const e of entries) {
        const k = e.children?.get(keyName)?.value;
        const v = e.children?.get(valueName);
        if (k === undefined) continue;
        setOwn(out, k, v ? readForm(shape.value!.shape, v, dialect, `${name}.${k}`, shape.value) : undefined);
      }
      return out;
    }
    default:
      return readTextScalar(shape, node.value ?? '', name);
  }
}
