/** Checking the errors real SDK v3 clients throw. */
import { expect } from 'vitest';

export interface SdkError {
  name: string;
  message: string;
  $metadata?: { httpStatusCode?: number };
}

/** Awaits a call that must fail and checks the error's name, message and status. */
export async function expectError(call: Promise<unknown>, name: string, message?: string | RegExp, status = 400): Promise<SdkError> {
  const outcome = await call.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: error as SdkError }),
  );
  if (outcome.ok) throw new Error(`expected ${name}, got success: ${JSON.stringify(outcome.value)}`);
  const e = outcome.error;
  expect(e.name).toBe(name);
  if (typeof message === 'string') expect(e.message).toBe(message);
  else if (message) expect(e.message).toMatch(message);
  expect(e.$metadata?.httpStatusCode).toBe(status);
  return e;
}
