/** Shared fixtures for the PartiQL tests: key schemas, a compile shortcut and error assertions. */
import { expect } from 'vitest';
import { isServiceError, ServiceError } from '../../../../src/shared/errors.js';
import type { AttributeValue, KeySchema } from '../../../../src/services/dynamodb/domain/types.js';
import { compileStatement, type Plan } from '../../../../src/services/dynamodb/domain/partiql/index.js';

/** Table keyed by pk (S) only. */
export const HASH: KeySchema = { hash: { name: 'pk', type: 'S' } };
/** Table keyed by pk (S) and sk (N). */
export const COMPOSITE_N: KeySchema = { hash: { name: 'pk', type: 'S' }, range: { name: 'sk', type: 'N' } };
/** Table keyed by pk (N) only. */
export const HASH_N: KeySchema = { hash: { name: 'pk', type: 'N' } };

/** Tables the tests know: "H" (HASH), "C" (COMPOSITE_N), "N" (HASH_N); anything else is missing. */
export function lookup(table: string): KeySchema {
  const schema = { H: HASH, C: COMPOSITE_N, N: HASH_N }[table];
  if (!schema) throw new ServiceError('ResourceNotFoundException', 'Requested resource not found');
  return schema;
}

export function compile(statement: string, parameters?: AttributeValue[]): Plan {
  return compileStatement(statement, parameters, lookup);
}

/** Narrows a plan to one kind (fails the test otherwise). */
export function as<K extends Plan['kind']>(plan: Plan, kind: K): Extract<Plan, { kind: K }> {
  expect(plan.kind).toBe(kind);
  return plan as Extract<Plan, { kind: K }>;
}

/** The error a call throws (fails the test if it does not throw a ServiceError). */
export function errorOf(run: () => unknown): ServiceError {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected an error').toBeDefined();
  if (!isServiceError(thrown)) throw thrown;
  return thrown;
}

/** Asserts a ValidationException (400) with exactly `message`. */
export function expectValidation(run: () => unknown, message: string): void {
  const e = errorOf(run);
  expect(e.message).toBe(message);
  expect(e.code).toBe('ValidationException');
  expect(e.statusCode).toBe(400);
}

/**
 * One row of an error table. `src`:
 * - 'captured': DynamoDB's answer as recorded against AWS (conformance suites, user reports).
 * - 'catalogue': the message is in DynamoDB Local's PartiQL catalogue; not seen captured.
 * - 'derived': our wording or argument format inside DynamoDB's envelope.
 */
export interface ErrorCase {
  statement: string;
  parameters?: AttributeValue[];
  message: string;
  src: 'captured' | 'catalogue' | 'derived';
}

export const NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
