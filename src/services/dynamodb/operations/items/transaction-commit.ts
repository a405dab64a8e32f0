/**
 * The write side of a transaction, shared by TransactWriteItems and PartiQL's ExecuteTransaction:
 * inside one store.write, either replay (a ClientRequestToken already used for the same request
 * in the last 10 minutes: nothing is written, the items are read as they are), or decide every
 * action against the current items and write all of them, or none when one fails. The token is
 * recorded in the same write, so it commits or rolls back with the transaction.
 */
import type { Item } from '../../domain/types.js';
import { decideTransactWrite, type BoundWriteAction, type DecidedWrite } from '../../domain/transact-write.js';
import type { CancellationReason } from '../../generated/types.js';
import type { Ctx } from '../table-lookup.js';
import { transactionTokens } from './transaction-tokens.js';

export type TransactionOutcome =
  | { replay: true; reads: (Item | undefined)[] }
  | { ok: true; writes: DecidedWrite[] }
  | { ok: false; reasons: CancellationReason[] };

export function commitTransaction(ctx: Ctx, actions: readonly BoundWriteAction[], token: string | undefined, fingerprint: string): Promise<TransactionOutcome> {
  const store = ctx.store;
  const scope = `${ctx.accountId}/${ctx.region}`;
  const tokens = transactionTokens(store);
  const now = ctx.now().getTime();
  return store.write((): TransactionOutcome => {
    if (token !== undefined && tokens.seen(scope, token, fingerprint, now)) {
      return { replay: true, reads: actions.map((a) => store.get(a.table, a.key)) };
    }
    const decided = decideTransactWrite(actions, (a) => store.get(a.table, a.key));
    if (!decided.ok) return decided;
    decided.writes.forEach((w, i) => apply(ctx, actions[i]!, w));
    if (token !== undefined) tokens.remember(scope, token, fingerprint, now);
    return decided;
  });
}

function apply(ctx: Ctx, action: BoundWriteAction, write: DecidedWrite): void {
  if (write.unchanged) return;
  if (write.next) ctx.store.put(action.table, write.next, { previous: write.before ?? null });
  else ctx.store.delete(action.table, action.key, { previous: write.before ?? null });
}
