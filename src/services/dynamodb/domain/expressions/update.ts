/**
 * Applies a compiled UpdateExpression to an item and returns the new item. The input is not
 * changed: the new item is a copy-on-write of it (containers along written paths are copied,
 * untouched values are shared), so neither may be mutated afterwards. Semantics (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html):
 * - Every value on the right of SET, and every ADD/DELETE, reads the item as it was before the
 *   update (`SET a = b, b = a` swaps).
 * - SET on a list index past the end appends (several appends to one list land in index order);
 *   SET, ADD or DELETE below a parent that is missing or of the wrong kind fails with "The document
 *   path provided in the update expression is invalid for update", and so does REMOVE (DynamoDB
 *   refuses `REMOVE y.a` when y does not exist, but removing a missing key of an existing map, a
 *   missing top-level attribute or an index past a list's end does nothing).
 * - REMOVE of list elements removes by the original indexes and shifts the rest down.
 * - ADD: a missing attribute becomes the number or set given; N + N adds exactly; a set gains the
 *   elements (same set type only). DELETE: removes elements from a set of the same type; a set
 *   left empty is removed; a missing attribute is left alone.
 * - A path on the right that is missing (outside if_not_exists) fails with "The provided expression
 *   refers to an attribute that does not exist in the item"; arithmetic on non-numbers,
 *   list_append of non-lists and mismatched ADD/DELETE types fail with "An operand in the update
 *   expression has an incorrect data type".
 */
import { validationError } from '../errors.js';
import type { AttributeValue, Item } from '../types.js';
import { addNumbers, normalizeNumber, subtractNumbers, typeOf } from '../values/index.js';
import type { DocumentPath, PathElement, UpdateAction, UpdateExpression, UpdateValue } from './ast.js';
import { UPDATE_INVALID_PATH, UPDATE_MISSING_ATTRIBUTE, UPDATE_WRONG_TYPE } from './messages.js';
import { readPath } from './paths.js';

type SetType = 'SS' | 'NS' | 'BS';
type SetAction = Extract<UpdateAction, { action: 'ADD' | 'DELETE' }>;

export function applyUpdate(update: UpdateExpression, item: Item | undefined, key: Item): Item {
  const original: Item = item ?? key;
  const draft = new Draft(original);
  // Right-hand sides first, all against the original item.
  const planned = update.actions.map((a) => ({ a, value: a.action === 'SET' ? evaluate(a.value, original) : undefined }));

  // Writes in place first (list indexes still the original ones), then removals (highest index
  // first, so each takes the element it named), then appends past a list's end.
  const removals: DocumentPath[] = [];
  for (const { a, value } of planned) {
    if (a.action === 'SET') draft.set(a.path, value as AttributeValue);
    else if (a.action === 'ADD') add(draft, a, original);
    else if (a.action === 'DELETE') {
      if (deleteFromSet(draft, a, original) === 'emptied') removals.push(a.path);
    } else removals.push(a.path);
  }
  removals.sort(descendingIndexes);
  for (const path of removals) draft.remove(path);
  draft.flushAppends();
  return draft.item;
}

function evaluate(v: UpdateValue, item: Item): AttributeValue {
  switch (v.kind) {
    case 'value':
      return v.value;
    case 'path': {
      const found = readPath(item, v.path);
      if (found === undefined) throw validationError(UPDATE_MISSING_ATTRIBUTE);
      return found;
    }
    case 'if_not_exists':
      return readPath(item, v.path) ?? evaluate(v.fallback, item);
    case 'list_append': {
      const first = evaluate(v.first, item);
      const second = evaluate(v.second, item);
      if (!first.L || !second.L) throw validationError(UPDATE_WRONG_TYPE);
      return { L: [...first.L, ...second.L] };
    }
    case 'plus':
    case 'minus': {
      const left = evaluate(v.left, item);
      const right = evaluate(v.right, item);
      if (left.N == null || right.N == null) throw validationError(UPDATE_WRONG_TYPE);
      return { N: v.kind === 'plus' ? addNumbers(left.N, right.N) : subtractNumbers(left.N, right.N) };
    }
  }
}

/** The new item being built: copies a container the first time something below it is written. */
class Draft {
  readonly item: Item;
  /** Values (and their M/L containers) created by this update, safe to change in place. */
  private readonly own = new WeakSet<AttributeValue>();
  private readonly appends = new Map<AttributeValue[], { index: number; value: AttributeValue }[]>();

  constructor(original: Item) {
    this.item = { ...original };
  }

  /**
   * The (own) value holding `path`'s last step, checked to be of the kind that step needs (a map
   * for a name, a list for an index); undefined for a top-level name (the item holds it).
   */
  parent(path: DocumentPath): AttributeValue | undefined {
    if (path.length === 1) return undefined;
    let holder: Record<string, AttributeValue> | AttributeValue[] = this.item;
    let current: AttributeValue | undefined;
    for (let k = 0; k < path.length - 1; k++) {
      const step = path[k] as PathElement;
      const found = lookup(holder, step);
      const needsList = typeof path[k + 1] === 'number';
      if (found === undefined || (needsList ? !found.L : !found.M)) throw validationError(UPDATE_INVALID_PATH);
      current = this.owned(found);
      store(holder, step, current);
      holder = (needsList ? current.L : current.M) as Record<string, AttributeValue> | AttributeValue[];
    }
    return current;
  }

  set(path: DocumentPath, value: AttributeValue): void {
    const parent = this.parent(path);
    const last = path[path.length - 1] as PathElement;
    if (!parent) store(this.item, last, value);
    else if (typeof last === 'string') store(parent.M as Record<string, AttributeValue>, last, value);
    else {
      const list = parent.L as AttributeValue[];
      if (last < list.length) list[last] = value;
      else {
        const pending = this.appends.get(list) ?? [];
        pending.push({ index: last, value });
        this.appends.set(list, pending);
      }
    }
  }

  remove(path: DocumentPath): void {
    const parent = this.parent(path);
    const last = path[path.length - 1] as PathElement;
    if (!parent) delete this.item[last as string];
    else if (typeof last === 'string') delete (parent.M as Record<string, AttributeValue>)[last];
    else if (last < (parent.L as AttributeValue[]).length) (parent.L as AttributeValue[]).splice(last, 1);
  }

  flushAppends(): void {
    for (const [list, pending] of this.appends) {
      pending.sort((x, y) => x.index - y.index);
      for (const p of pending) list.push(p.value);
    }
  }

  private owned(v: AttributeValue): AttributeValue {
    if (this.own.has(v)) return v;
    const copy: AttributeValue = v.M ? { M: { ...v.M } } : v.L ? { L: [...v.L] } : { ...v };
    this.own.add(copy);
    return copy;
  }
}

function lookup(holder: Record<string, AttributeValue> | AttributeValue[], step: PathElement): AttributeValue | undefined {
  if (Array.isArray(holder)) return typeof step === 'number' ? holder[step] : undefined;
  return typeof step === 'string' && Object.prototype.hasOwnProperty.call(holder, step) ? holder[step] : undefined;
}

/** Attribute names are data: `__proto__` must become an own property, not the prototype. */
function store(holder: Record<string, AttributeValue> | AttributeValue[], step: PathElement, value: AttributeValue): void {
  if (Array.isArray(holder)) holder[step as number] = value;
  else if (step === '__proto__') Object.defineProperty(holder, step, { value, enumerable: true, writable: true, configurable: true });
  else holder[step as string] = value;
}

function add(draft: Draft, a: SetAction, original: Item): void {
  draft.parent(a.path);
  const existing = readPath(original, a.path);
  if (existing === undefined) return draft.set(a.path, a.value);
  const type = typeOf(a.value);
  if (type === 'N') {
    if (existing.N == null) throw validationError(UPDATE_WRONG_TYPE);
    return draft.set(a.path, { N: addNumbers(existing.N, a.value.N as string) });
  }
  const setType = type as SetType;
  if (typeOf(existing) !== setType) throw validationError(UPDATE_WRONG_TYPE);
  const have = new Set((existing[setType] as (string | Uint8Array)[]).map((e) => elementKey(setType, e)));
  const merged = [...(existing[setType] as (string | Uint8Array)[])];
  for (const e of a.value[setType] as (string | Uint8Array)[]) {
    const k = elementKey(setType, e);
    if (!have.has(k)) {
      have.add(k);
      merged.push(e);
    }
  }
  draft.set(a.path, { [setType]: merged } as AttributeValue);
}

/** DELETE: removes the elements; a set left empty is reported so the caller removes it with the REMOVEs. */
function deleteFromSet(draft: Draft, a: SetAction, original: Item): 'emptied' | 'kept' {
  draft.parent(a.path);
  const existing = readPath(original, a.path);
  if (existing === undefined) return 'kept';
  const setType = typeOf(a.value) as SetType;
  if (typeOf(existing) !== setType) throw validationError(UPDATE_WRONG_TYPE);
  const drop = new Set((a.value[setType] as (string | Uint8Array)[]).map((e) => elementKey(setType, e)));
  const kept = (existing[setType] as (string | Uint8Array)[]).filter((e) => !drop.has(elementKey(setType, e)));
  if (kept.length === 0) return 'emptied';
  draft.set(a.path, { [setType]: kept } as AttributeValue);
  return 'kept';
}

function elementKey(type: SetType, e: string | Uint8Array): string {
  if (type === 'NS') return normalizeNumber(e as string);
  if (type === 'BS') return Buffer.from(e as Uint8Array).toString('base64');
  return e as string;
}

/**
 * REMOVE order: a total order on paths in which indexes of one list come highest first, so each
 * removal takes the element its index named in the original list.
 */
function descendingIndexes(a: DocumentPath, b: DocumentPath): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a[k] as PathElement;
    const y = b[k] as PathElement;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return y - x;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
