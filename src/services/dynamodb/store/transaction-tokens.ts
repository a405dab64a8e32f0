/**
 * ClientRequestToken records (table `dynamodb_transaction_tokens`, schema.ts version 2): which
 * successful TransactWriteItems / ExecuteTransaction requests ran in the last 10 minutes, per
 * account and region, with a fingerprint of their parameters and, for callers that need to answer
 * a repeat with the original answer, that answer (opaque text, e.g. JSON).
 *
 * `put` runs inside the transaction's own DynamoStore.write, so the record commits with the
 * transaction or not at all: a retry after a crash (or a restart) finds the token exactly when the
 * transaction it stands for is durable. AWS keeps tokens for 10 minutes whatever happens to its
 * servers; the window itself is the caller's (domain/transactions.ts IDEMPOTENCY_WINDOW_MS).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TransactWriteItems.html#DDB-TransactWriteItems-request-ClientRequestToken
 *
 * Expired rows are invisible to `find` and removed in batches by the sweep (sweeps.ts).
 */
import type { Database } from '../../../storage/index.js';
import type { Scope } from '../domain/table-model.js';

export interface StoredTransactionToken {
  fingerprint: string;
  /** What `put` stored as the answer, or undefined when it stored none. */
  result?: string;
  /** Epoch ms: the record counts while `nowMs < expiresAtMs`. */
  expiresAtMs: number;
}

interface TokenRow {
  fingerprint: string;
  result: string | null;
  expires_at: number;
}

const FIND = 'SELECT fingerprint, result, expires_at FROM dynamodb_transaction_tokens WHERE account_id = ? AND region = ? AND token = ? AND expires_at > ?';
// A token used again after its record expired (but before the sweep removed it) starts a new window.
const UPSERT = `INSERT INTO dynamodb_transaction_tokens (account_id, region, token, fingerprint, result, expires_at) VALUES (?, ?, ?, ?, ?, ?)
  ON CONFLICT (account_id, region, token) DO UPDATE SET fingerprint = excluded.fingerprint, result = excluded.result, expires_at = excluded.expires_at`;
const PURGE = `DELETE FROM dynamodb_transaction_tokens WHERE (account_id, region, token) IN
  (SELECT account_id, region, token FROM dynamodb_transaction_tokens WHERE expires_at <= ? LIMIT ? + 0)`;

export class TransactionTokenStore {
  constructor(private readonly db: Database) {}

  /** The live record of `token` in `scope` at `nowMs`, or undefined (never used, or expired). */
  find(scope: Scope, token: string, nowMs: number): StoredTransactionToken | undefined {
    const row = this.db.prepare(FIND).get(scope.accountId, scope.region, token, nowMs) as TokenRow | undefined;
    if (!row) return undefined;
    const found: StoredTransactionToken = { fingerprint: row.fingerprint, expiresAtMs: row.expires_at };
    if (row.result !== null) found.result = row.result;
    return found;
  }

  /** Records a token (inside the DynamoStore.write of the transaction it stands for). */
  put(scope: Scope, token: string, fingerprint: string, result: string | undefined, expiresAtMs: number): void {
    if (!this.db.sqlite.inTransaction) throw new Error('transaction tokens must be written inside DynamoStore.write');
    this.db.prepare(UPSERT).run(scope.accountId, scope.region, token, fingerprint, result ?? null, expiresAtMs);
  }

  /** Deletes up to `limit` records expired at `nowMs` (inside a write); returns how many. */
  purge(nowMs: number, limit: number): number {
    return this.db.prepare(PURGE).run(nowMs, limit).changes;
  }
}
