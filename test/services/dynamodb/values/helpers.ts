import { expect } from 'vitest';
import { isServiceError } from '../../../../src/shared/errors.js';

/** Asserts that `fn` throws DynamoDB's ValidationException with exactly `message`. */
export function expectValidation(fn: () => unknown, message: string): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `expected a ValidationException "${message}"`).toBeDefined();
  if (!isServiceError(thrown)) throw thrown;
  expect(thrown.code).toBe('ValidationException');
  expect(thrown.statusCode).toBe(400);
  expect(thrown.message).toBe(message);
}

/** A small seeded PRNG (mulberry32) so property tests are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}
