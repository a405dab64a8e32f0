/**
 * Document paths: substitution of placeholders, DynamoDB's overlap/conflict rule, and reading a
 * path out of an item.
 */
import type { AttributeValue, Item } from '../types.js';
import type { DocumentPath, PathElement, RawPath } from './ast.js';
import { pathsConflict, pathsOverlap, type ExpressionKind } from './messages.js';
import type { Placeholders } from './placeholders.js';

export function resolvePath(raw: RawPath, placeholders: Placeholders): DocumentPath {
  return raw.elements.map((e): PathElement => (e.kind === 'index' ? e.index : placeholders.name(e.name)));
}

/**
 * Refuses two paths of one expression that overlap (one is a prefix of the other, or they are
 * equal: `a` and `a.b`) or conflict (at the first step where they differ one is a map key and the
 * other a list index: `a.b` and `a[1]`). Overlap is reported before any conflict, each pair as
 * (earlier path, later path) — DynamoDB answers `SET d[1] = a, d.b = a, c[1].a = a, #c = …` with
 * the overlap of [c, [1], a] and [c], not the conflict on d.
 */
export function checkPathClashes(kind: ExpressionKind, paths: readonly DocumentPath[]): void {
  let conflict: [DocumentPath, DocumentPath] | undefined;
  for (let j = 1; j < paths.length; j++) {
    const later = paths[j] as DocumentPath;
    for (let i = 0; i < j; i++) {
      const earlier = paths[i] as DocumentPath;
      const clash = compare(earlier, later);
      if (clash === 'overlap') throw pathsOverlap(kind, earlier, later);
      if (clash === 'conflict' && !conflict) conflict = [earlier, later];
    }
  }
  if (conflict) throw pathsConflict(kind, conflict[0], conflict[1]);
}

function compare(a: DocumentPath, b: DocumentPath): 'overlap' | 'conflict' | 'distinct' {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a[k] as PathElement;
    const y = b[k] as PathElement;
    if (typeof x !== typeof y) return 'conflict';
    if (x !== y) return 'distinct';
  }
  return 'overlap';
}

export function samePath(a: DocumentPath, b: DocumentPath): boolean {
  return a.length === b.length && a.every((e, i) => e === b[i]);
}

/** The value at `path` in `item`, or undefined when any step is missing or of the wrong type. */
export function readPath(item: Item | undefined, path: DocumentPath): AttributeValue | undefined {
  if (!item) return undefined;
  const first = path[0] as string;
  let current: AttributeValue | undefined = Object.prototype.hasOwnProperty.call(item, first) ? item[first] : undefined;
  for (let k = 1; k < path.length && current !== undefined; k++) {
    current = child(current, path[k] as PathElement);
  }
  return current;
}

/** One step down: a map member by key or a list element by index. */
export function child(value: AttributeValue, step: PathElement): AttributeValue | undefined {
  if (typeof step === 'number') {
    const list = value.L;
    return list && step < list.length ? list[step] : undefined;
  }
  const map = value.M;
  return map && Object.prototype.hasOwnProperty.call(map, step) ? map[step] : undefined;
}
