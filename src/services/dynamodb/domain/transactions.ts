/**
 * TransactWriteItems' and TransactGetItems' rules that need no storage. Pure.
 *
 * A cancelled transaction answers TransactionCanceledException with one CancellationReason per
 * action, in request order: `None` for an action that would have succeeded,
 * `ConditionalCheckFailed` ("The conditional request failed", with the item when the action asked
 * ReturnValuesOnConditionCheckFailure ALL_OLD), `ValidationError` with the message a single-item
 * operation would have given. The message lists the codes: "Transaction cancelled, please refer
 * cancellation reasons for specific reasons [None, ConditionalCheckFailed]".
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html
 *
 * ClientRequestToken: a repeat of a successful request within 10 minutes (same token, same
 * parameters) succeeds again without writing; the same token with other parameters is
 * IdempotentParameterMismatchException. `requestFingerprint` is what "same parameters" compares.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html#transaction-apis-txwriteitems
 */
import { TransactionCanceledException } from '../generated/errors.js';
import type { CancellationReason } from '../generated/types.js';
import { CONDITIONAL_CHECK_FAILED } from './item-rules.js';
import type { Item } from './types.js';

export const MULTIPLE_OPERATIONS_ON_ONE_ITEM = 'Transaction request cannot include multiple operations on one item';
export const IDEMPOTENCY_WINDOW_MS = 10 * 60 * 1000;

export const NO_REASON: CancellationReason = { Code: 'None' };

export function conditionFailedReason(returnOnFailure: string | undefined, current: Item | undefined): CancellationReason {
  const reason: CancellationReason = { Code: 'ConditionalCheckFailed', Message: CONDITIONAL_CHECK_FAILED };
  if (returnOnFailure === 'ALL_OLD' && current) reason.Item = current;
  return reason;
}

export function validationReason(message: string): CancellationReason {
  return { Code: 'ValidationError', Message: message };
}

export function transactionCanceled(reasons: CancellationReason[]): TransactionCanceledException {
  const codes = reasons.map((r) => r.Code).join(', ');
  return new TransactionCanceledException(`Transaction cancelled, please refer cancellation reasons for specific reasons [${codes}]`, {
    CancellationReasons: reasons,
  });
}

/** A canonical text of a request (keys sorted, bytes in base64) minus its ClientRequestToken. */
export function requestFingerprint(input: object): string {
  return canonical(input, true);
}

function canonical(v: unknown, top = false): string {
  if (v instanceof Uint8Array) return JSON.stringify(Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64'));
  if (Array.isArray(v)) return `[${v.map((e) => canonical(e)).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined && !(top && k === 'ClientRequestToken'))
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
