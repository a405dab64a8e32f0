/**
 * Applies a ProjectionExpression to an item, returning the shape DynamoDB returns
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ProjectionExpressions.html):
 * - A nested path keeps its nesting: `a.b` gives `{ a: { M: { b: … } } }`.
 * - List elements come back as a list holding only the requested elements, compacted and in
 *   ascending index order whatever the order asked: `l[2], l[0]` on [l0, l1, l2] gives [l0, l2].
 * - Several paths below one element merge into it: `l[0].a, l[0].b` gives [{ a, b }].
 * - Paths that do not exist in the item (or cross a value of the wrong kind) are left out.
 * (The list and merge rules are as confirmed against DynamoDB by the dynoxide conformance runs.)
 * The returned item shares value objects with the input; callers must not mutate either.
 */
import type { AttributeValue, Item } from '../types.js';
import type { DocumentPath, PathElement, Projection } from './ast.js';
import { readPath } from './paths.js';

type Node =
  | { kind: 'leaf'; value: AttributeValue }
  | { kind: 'map'; children: Map<string, Node> }
  | { kind: 'list'; children: Map<number, Node> };

export function projectItem(paths: Projection, item: Item): Item {
  const out: Item = {};
  if (paths.every((p) => p.length === 1)) {
    for (const p of paths) {
      const name = p[0] as string;
      if (Object.prototype.hasOwnProperty.call(item, name)) define(out, name, item[name] as AttributeValue);
    }
    return out;
  }
  const root = new Map<string, Node>();
  for (const path of paths) {
    const value = readPath(item, path);
    if (value !== undefined) insert(root, path, value);
  }
  for (const [name, node] of root) define(out, name, materialize(node));
  return out;
}

function insert(root: Map<string, Node>, path: DocumentPath, value: AttributeValue): void {
  const first = path[0] as string;
  if (path.length === 1) {
    root.set(first, { kind: 'leaf', value });
    return;
  }
  let node = root.get(first) ?? containerFor(path[1] as PathElement);
  root.set(first, node);
  for (let k = 1; k < path.length; k++) {
    const step = path[k] as PathElement;
    const isLast = k === path.length - 1;
    const next: Node = isLast ? { kind: 'leaf', value } : (childOf(node, step) ?? containerFor(path[k + 1] as PathElement));
    if (node.kind === 'map') node.children.set(step as string, next);
    else if (node.kind === 'list') node.children.set(step as number, next);
    node = next;
  }
}

function containerFor(step: PathElement): Node {
  return typeof step === 'number' ? { kind: 'list', children: new Map() } : { kind: 'map', children: new Map() };
}

function childOf(node: Node, step: PathElement): Node | undefined {
  if (node.kind === 'map' && typeof step === 'string') return node.children.get(step);
  if (node.kind === 'list' && typeof step === 'number') return node.children.get(step);
  return undefined;
}

function materialize(node: Node): AttributeValue {
  switch (node.kind) {
    case 'leaf':
      return node.value;
    case 'map': {
      const m: Record<string, AttributeValue> = {};
      for (const [k, child] of node.children) define(m, k, materialize(child));
      return { M: m };
    }
    case 'list':
      return { L: [...node.children.entries()].sort((x, y) => x[0] - y[0]).map(([, child]) => materialize(child)) };
  }
}

/** Attribute names are data: `__proto__` must become an own property, not the prototype. */
function define(target: Record<string, AttributeValue>, name: string, value: AttributeValue): void {
  if (name === '__proto__') Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
  else target[name] = value;
}
