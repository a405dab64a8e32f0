/**
 * ClientRequestToken records are durable: a TransactWriteItems repeated after a restart (same
 * data dir) within 10 minutes answers without applying the transaction again, a token reused
 * with other parameters is still a mismatch, and once the 10-minute window has passed (a clock
 * the test moves) the same token applies again. The store-level tests check that a token commits
 * and rolls back with its write and that the sweep purges expired records.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startNimbus, type StartedNimbus } from '../../../../src/index.js';
import { sweep } from '../../../../src/services/dynamodb/store/sweeps.js';
import { transactionTokens } from '../../../../src/services/dynamodb/operations/items/transaction-tokens.js';
import { hashTable } from '../items/helpers.js';
import { expectError, newStore, SCOPE, TestClock } from '../tables/helpers.js';

const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string): AttributeValue => ({ N: n });
const MINUTE = 60_000;

function client(n: StartedNimbus): DynamoDBClient {
  return new DynamoDBClient({ endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1 });
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('ClientRequestToken across a restart', () => {
  it('a repeat after a restart is not applied again; after 10 minutes the token applies anew', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-ddb-tokens-'));
    dirs.push(dir);
    const clock = new TestClock();
    const increment = (ddb: DynamoDBClient, token: string, by = '1') =>
      ddb.send(
        new TransactWriteItemsCommand({
          ClientRequestToken: token,
          TransactItems: [
            { Update: { TableName: 't', Key: { pk: S('counter') }, UpdateExpression: 'ADD n :by', ExpressionAttributeValues: { ':by': N(by) } } },
            { Put: { TableName: 't', Item: { pk: S(`marker-${token}`), by: N(by) } } },
          ],
        }),
      );
    const counter = async (ddb: DynamoDBClient) => (await ddb.send(new GetItemCommand({ TableName: 't', Key: { pk: S('counter') }, ConsistentRead: true }))).Item?.n;

    const first = await startNimbus({ ephemeral: false, dataDir: dir, clock });
    try {
      const ddb = client(first);
      await hashTable(ddb, 't');
      await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('counter'), n: N('0') } }));
      await increment(ddb, 'tok-a');
      await increment(ddb, 'tok-a');
      expect(await counter(ddb)).toEqual(N('1'));
    } finally {
      await first.stop();
    }

    clock.advance(9 * MINUTE);
    const second = await startNimbus({ ephemeral: false, dataDir: dir, clock });
    try {
      const ddb = client(second);
      // Same token, same parameters, 9 minutes later, in a new process: answered, not applied.
      await increment(ddb, 'tok-a');
      expect(await counter(ddb)).toEqual(N('1'));
      await expectError(increment(ddb, 'tok-a', '5'), 'IdempotentParameterMismatchException', 'Request parameters do not match the request originally made with this client token.');
      expect(await counter(ddb)).toEqual(N('1'));

      // The window is 10 minutes from the transaction: at 10 minutes the token is free again.
      clock.advance(1 * MINUTE);
      await increment(ddb, 'tok-a', '5');
      expect(await counter(ddb)).toEqual(N('6'));
      // ... and the new run opened a new window, under its own parameters.
      await increment(ddb, 'tok-a', '5');
      expect(await counter(ddb)).toEqual(N('6'));
      await expectError(increment(ddb, 'tok-a'), 'IdempotentParameterMismatchException');
    } finally {
      await second.stop();
    }
  });
});

describe('transaction token records in the store', () => {
  it('commit and roll back with the write that records them; expired records are invisible, then purged by the sweep', async () => {
    const { store, db, clock } = newStore();
    const tokens = transactionTokens(store);
    const rows = () => (db.prepare('SELECT COUNT(*) AS n FROM dynamodb_transaction_tokens').get() as { n: number }).n;
    const now = clock.ms;

    await store.write(() => tokens.remember(SCOPE, 'kept', 'fp-1', now, '{"answer":1}'));
    await expect(
      store.write(() => {
        tokens.remember(SCOPE, 'rolled-back', 'fp-2', now);
        throw new Error('the transaction failed');
      }),
    ).rejects.toThrow('the transaction failed');
    expect(tokens.lookup(SCOPE, 'kept', 'fp-1', now)).toEqual({ result: '{"answer":1}' });
    expect(tokens.seen(`${SCOPE.accountId}/${SCOPE.region}`, 'kept', 'fp-1', now)).toBe(true);
    expect(tokens.seen(SCOPE, 'rolled-back', 'fp-2', now)).toBe(false);
    // Tokens are per account and region.
    expect(tokens.seen({ accountId: SCOPE.accountId, region: 'eu-west-1' }, 'kept', 'fp-1', now)).toBe(false);
    expect(() => tokens.seen(SCOPE, 'kept', 'other', now)).toThrow('Request parameters do not match the request originally made with this client token.');
    // Writing a token outside a store write is a programming error, not a silent non-durable record.
    expect(() => tokens.remember(SCOPE, 'outside', 'fp', now)).toThrow(/inside DynamoStore.write/);

    await store.write(() => tokens.remember(SCOPE, 'later', 'fp-3', now + 5 * MINUTE));
    expect(rows()).toBe(2);
    expect(tokens.seen(SCOPE, 'kept', 'fp-1', now + 10 * MINUTE - 1)).toBe(true);
    expect(tokens.seen(SCOPE, 'kept', 'fp-1', now + 10 * MINUTE)).toBe(false);
    expect(rows()).toBe(2);

    expect((await sweep(store, now + 10 * MINUTE)).expiredTokens).toBe(1);
    expect(rows()).toBe(1);
    expect(tokens.seen(SCOPE, 'later', 'fp-3', now + 10 * MINUTE)).toBe(true);
    expect((await sweep(store, now + 15 * MINUTE)).expiredTokens).toBe(1);
    expect(rows()).toBe(0);
  });

  it('the sweep purges more expired records than one batch holds', async () => {
    const { store, db, clock } = newStore();
    await store.write(() => {
      for (let i = 0; i < 1234; i++) store.transactionTokens.put(SCOPE, `t${i}`, 'fp', undefined, clock.ms + i);
    });
    expect((await sweep(store, clock.ms + 1000)).expiredTokens).toBe(1001); // expiresAt ≤ now: t0 … t1000
    expect((db.prepare('SELECT COUNT(*) AS n FROM dynamodb_transaction_tokens').get() as { n: number }).n).toBe(233);
  });
});
