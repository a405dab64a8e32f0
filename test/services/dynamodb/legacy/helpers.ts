/** Shared fixtures for the legacy-parameter tests: value builders, key schemas and a case runner. */
import { expectValidation } from '../expressions/helpers.js';
import type { AttributeValue, KeySchema } from '../../../../src/services/dynamodb/domain/types.js';
import { compileRequestExpressions, type ExpressionInput } from '../../../../src/services/dynamodb/domain/expressions/index.js';
import {
  checkExpressionMixing,
  compileLegacyParameters,
  type CompiledLegacyParameters,
  type LegacyInput,
  type LegacyOperation,
  type ParameterFamilies,
} from '../../../../src/services/dynamodb/domain/legacy/index.js';

export const S = (s: string): AttributeValue => ({ S: s });
export const N = (n: string): AttributeValue => ({ N: n });
export const B = (...bytes: number[]): AttributeValue => ({ B: Uint8Array.from(bytes) });
export const BOOL = (b: boolean): AttributeValue => ({ BOOL: b });
export const NULL: AttributeValue = { NULL: true };
export const L = (...items: AttributeValue[]): AttributeValue => ({ L: items });
export const M = (m: Record<string, AttributeValue>): AttributeValue => ({ M: m });
export const SS = (...s: string[]): AttributeValue => ({ SS: s });
export const NS = (...n: string[]): AttributeValue => ({ NS: n });
export const BS = (...b: number[][]): AttributeValue => ({ BS: b.map((x) => Uint8Array.from(x)) });

/** Table keyed by a (S) only — dynalite's and Alternator's hash table. */
export const HASH_A: KeySchema = { hash: { name: 'a', type: 'S' } };
/** Table keyed by a (S) and b (S) — dynalite's range table. */
export const RANGE_AB: KeySchema = { hash: { name: 'a', type: 'S' }, range: { name: 'b', type: 'S' } };
/** Table keyed by p (S) and c (N) — Alternator's test_table_sn. */
export const SN: KeySchema = { hash: { name: 'p', type: 'S' }, range: { name: 'c', type: 'N' } };

/** A request as handlers receive it: any mix of legacy and expression members. */
export type Request = LegacyInput & ParameterFamilies & ExpressionInput;

/**
 * One row of a validation table. `src` says where the expected message comes from:
 * - 'captured': DynamoDB's answer as recorded (dynalite's and Alternator's tests run against
 *   DynamoDB, conformance captures, user reports); the input is the recorded request or the same
 *   request reduced.
 * - 'derived': the wording is DynamoDB's (its own validator's catalogue, or a recorded sibling
 *   message) applied to this case; not seen answered for exactly this request.
 */
export interface ValidationCase {
  name: string;
  operation: LegacyOperation;
  input: Request;
  keySchema?: KeySchema;
  message: string;
  src: 'captured' | 'derived';
}

export { expectValidation } from '../expressions/helpers.js';

/** What a handler runs on a request before touching the store: mixing, expressions, legacy members. */
export function compileRequest(input: Request, operation: LegacyOperation, keySchema?: KeySchema): CompiledLegacyParameters {
  checkExpressionMixing(input, operation);
  compileRequestExpressions(input, { operation, keySchema });
  return compileLegacyParameters(input, { operation, keySchema });
}

export function runCase(c: ValidationCase): void {
  expectValidation(() => compileRequest(c.input, c.operation, c.keySchema), c.message);
}
