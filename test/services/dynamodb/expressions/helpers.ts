/** Shared fixtures for the expression tests: value builders, key schemas and a case runner. */
import { expect } from 'vitest';
import { isServiceError } from '../../../../src/shared/errors.js';
import type { AttributeValue, KeySchema } from '../../../../src/services/dynamodb/domain/types.js';
import {
  compileRequestExpressions,
  type CompileOptions,
  type ExpressionInput,
} from '../../../../src/services/dynamodb/domain/expressions/index.js';

export const S = (s: string): AttributeValue => ({ S: s });
export const N = (n: string): AttributeValue => ({ N: n });
export const B = (...bytes: number[]): AttributeValue => ({ B: Uint8Array.from(bytes) });
export const BOOL = (b: boolean): AttributeValue => ({ BOOL: b });
export const L = (...items: AttributeValue[]): AttributeValue => ({ L: items });
export const M = (m: Record<string, AttributeValue>): AttributeValue => ({ M: m });

/** Table keyed by pk (S) only. */
export const HASH: KeySchema = { hash: { name: 'pk', type: 'S' } };
/** Table keyed by pk (S) and sk (S). */
export const COMPOSITE: KeySchema = { hash: { name: 'pk', type: 'S' }, range: { name: 'sk', type: 'S' } };
/** Table keyed by pk (S) and sk (N). */
export const COMPOSITE_N: KeySchema = { hash: { name: 'pk', type: 'S' }, range: { name: 'sk', type: 'N' } };

/**
 * One row of a validation table. `src` says where the expected message comes from:
 * - 'captured': DynamoDB's answer as recorded (user reports, conformance captures, tests run
 *   against DynamoDB); the input is the recorded request or the same request reduced.
 * - 'derived': the message stem is DynamoDB's, the details follow the recorded pattern.
 */
export interface ValidationCase {
  name: string;
  input: ExpressionInput;
  options?: CompileOptions;
  message: string;
  src: 'captured' | 'derived';
}

/** Asserts that compiling throws DynamoDB's ValidationException with exactly `message`. */
export function expectValidation(run: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected ValidationException: ${message}`).toBeDefined();
  if (!isServiceError(thrown)) throw thrown;
  expect(thrown.code).toBe('ValidationException');
  expect(thrown.statusCode).toBe(400);
  expect(thrown.message).toBe(message);
}

export function runCase(c: ValidationCase): void {
  expectValidation(() => compileRequestExpressions(c.input, c.options), c.message);
}
