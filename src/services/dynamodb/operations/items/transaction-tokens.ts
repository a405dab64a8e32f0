/**
 * TransactWriteItems' ClientRequestToken records: which successful transactions ran in the last
 * 10 minutes, per account and region, with a fingerprint of their parameters.
 *
 * Kept in memory, one table per store (so per database): a restart forgets the tokens, and a
 * retry after a restart within the 10 minutes would apply the transaction again. AWS keeps them
 * durably; doing so here needs a table in store/ (noted in the README).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken
 */
import { IdempotentParameterMismatchException } from '../../generated/errors.js';
import { IDEMPOTENCY_WINDOW_MS } from '../../domain/transactions.js';
import type { DynamoStore } from '../../store/index.js';

interface TokenRecord {
  fingerprint: string;
  expiresAt: number;
}

export class TransactionTokens {
  private readonly records = new Map<string, TokenRecord>();
  private generation: number;

  constructor(private readonly store: DynamoStore) {
    this.generation = store.db.generation;
  }

  /**
   * True when this token already ran these parameters within the window (the caller answers
   * without writing); IdempotentParameterMismatchException when it ran other parameters.
   */
  seen(scope: string, token: string, fingerprint: string, nowMs: number): boolean {
    this.expire(nowMs);
    const record = this.records.get(`${scope}\u0000${token}`);
    if (!record) return false;
    if (record.fingerprint !== fingerprint) {
      throw new IdempotentParameterMismatchException('Request parameters do not match the request originally made with this client token.');
    }
    return true;
  }

  remember(scope: string, token: string, fingerprint: string, nowMs: number): void {
    this.records.set(`${scope}\u0000${token}`, { fingerprint, expiresAt: nowMs + IDEMPOTENCY_WINDOW_MS });
  }

  forget(scope: string, token: string): void {
    this.records.delete(`${scope}\u0000${token}`);
  }

  private expire(nowMs: number): void {
    // A reset (POST /_nimbus/reset) wipes the database: the tokens go with it.
    if (this.generation !== this.store.db.generation) {
      this.records.clear();
      this.generation = this.store.db.generation;
    }
    for (const [key, record] of this.records) {
      if (record.expiresAt > nowMs) break; // insertion order is expiry order
      this.records.delete(key);
    }
  }
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
