/**
 * The data type of a validated AttributeValue (exactly one member set). Members that are absent
 * may be `undefined` or, from some JSON writers, `null`; both count as "not set".
 */
import type { AttributeValue, ValueType } from '../types.js';

/** Checked in rough order of how often each type occurs. */
const ORDER: readonly ValueType[] = ['S', 'N', 'M', 'L', 'BOOL', 'B', 'NULL', 'SS', 'NS', 'BS'];

export function typeOf(v: AttributeValue): ValueType {
  for (const t of ORDER) {
    if (v[t] !== undefined && v[t] !== null) return t;
  }
  // Only reachable for an unvalidated empty value; callers validate first.
  throw new Error('typeOf: AttributeValue has no data type set');
}
