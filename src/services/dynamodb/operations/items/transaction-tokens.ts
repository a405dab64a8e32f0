/**
 * TransactWriteItems' (and ExecuteTransaction's) ClientRequestToken rules over the durable token
 * records of the store (store/transaction-tokens.ts): a repeat of a successful request within 10
 * minutes, with the same parameters, answers without writing; the same token with other
 * parameters is IdempotentParameterMismatchException.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken
 *
 * Every method runs inside the caller's DynamoStore.write, the one that applies the transaction:
 * `remember` writes the record in that same transaction, so the token survives a crash or a
 * restart exactly when the transaction does, and a write that rolls back takes its token with it.
 *
 * `scope` is `${accountId}/${region}` (as the callers build it) or a Scope object.
 */
import { IdempotentParameterMismatchException } from '../../generated/errors.js';
import { IDEMPOTENCY_WINDOW_MS } from '../../domain/transactions.js';
import type { Scope } from '../../domain/table-model.js';
import type { DynamoStore } from '../../store/index.js';

export type TokenScope = string | Scope;

/** A token's record as `lookup` finds it: `result` is what `remember` stored, if anything. */
export interface RememberedTransaction {
  result?: string;
}

function scopeOf(scope: TokenScope): Scope {
  if (typeof scope !== 'string') return scope;
  // Account ids are 12 digits and region names have no '/': the first '/' separates them.
  const slash = scope.indexOf('/');
  return { accountId: scope.slice(0, slash), region: scope.slice(slash + 1) };
}

export class TransactionTokens {
  constructor(private readonly store: DynamoStore) {}

  /**
   * The earlier run of this token with these parameters within the window (the caller answers
   * without writing), undefined when there is none; IdempotentParameterMismatchException when
   * the token ran other parameters.
   */
  lookup(scope: TokenScope, token: string, fingerprint: string, nowMs: number): RememberedTransaction | undefined {
    const record = this.store.transactionTokens.find(scopeOf(scope), token, nowMs);
    if (!record) return undefined;
    if (record.fingerprint !== fingerprint) {
      throw new IdempotentParameterMismatchException('Request parameters do not match the request originally made with this client token.');
    }
    return record.result === undefined ? {} : { result: record.result };
  }

  /** True when this token already ran these parameters within the window: see `lookup`. */
  seen(scope: TokenScope, token: string, fingerprint: string, nowMs: number): boolean {
    return this.lookup(scope, token, fingerprint, nowMs) !== undefined;
  }

  /**
   * Records a successful run at `nowMs` (window: 10 minutes), optionally with the answer to give
   * a repeat. Must run inside the DynamoStore.write that applies the transaction.
   */
  remember(scope: TokenScope, token: string, fingerprint: string, nowMs: number, result?: string): void {
    this.store.transactionTokens.put(scopeOf(scope), token, fingerprint, result, nowMs + IDEMPOTENCY_WINDOW_MS);
  }

  /**
   * Kept for callers written against the in-memory version, which called it when the write that
   * remembered a token failed. The record was written in that failed write and was rolled back
   * with it, so there is nothing left to forget.
   */
  forget(_scope: TokenScope, _token: string): void {}
}

const TOKENS = new WeakMap<DynamoStore, TransactionTokens>();

export function transactionTokens(store: DynamoStore): TransactionTokens {
  let tokens = TOKENS.get(store);
  if (!tokens) {
    tokens = new TransactionTokens(store);
    TOKENS.set(store, tokens);
  }
  return tokens;
}
