/**
 * The bar: `kill -9` during a write load; after a restart every acknowledged item is
 * present, every index agrees with its table, and the stream holds each acknowledged change once.
 *
 * The built CLI runs as a child process (test/services/s3/durability/helpers.ts). Twelve writers
 * send PutItem, UpdateItem (SET/REMOVE index attributes, ADD a counter), DeleteItem,
 * TransactWriteItems (with a ClientRequestToken) and BatchWriteItem against a table with two GSIs
 * and an LSI and a NEW_AND_OLD_IMAGES stream; the process is killed mid-load. What must hold is
 * worked out from write-model.ts: per writer, the state after its acknowledged requests, or —
 * when the request in flight at the kill committed without its answer getting out — after that
 * one too, for all of its items at once (a request is atomic). Nothing here depends on timing:
 * the kill comes after a number of acknowledgements, wherever the writers then are.
 */
import { DescribeTableCommand, DynamoDBClient, PutItemCommand, TransactWriteItemsCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Item as StoredItem } from '../../../../src/services/dynamodb/domain/types.js';
import { itemSize } from '../../../../src/services/dynamodb/domain/values/index.js';
import { eventually, hasBuiltCli, kill9, startNimbusProcess } from '../../s3/durability/helpers.js';
import { createLoadTable, describeFailure, getItem, isConnectionError, pollStream, readStream, scanAll, send, streamArnOf } from './load-helpers.js';
import { canonical, INDEXES, keyId, Model, projectForIndex, requests, SHARED_KEY, TABLE, transactItems, writerKeys, type ExpectedRecord, type Item, type Op } from './write-model.js';

const WRITERS = 12;
/** Acknowledged requests before the kill (the load runs at several hundred a second). */
const KILL_AFTER_ACKS = 1500;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'nimbus-ddb-kill9-'));
  dirs.push(d);
  return d;
}

const config = (endpoint: string) => ({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

interface Writer {
  acknowledged: Op[];
  /** The request that failed because the process died: it may or may not have committed. */
  inFlight?: Op;
  failure?: unknown;
}

describe.skipIf(!hasBuiltCli)('DynamoDB under kill -9 (built CLI)', () => {
  it('after a kill -9 mid-load: acknowledged writes kept, indexes agree with the table, the stream has each change once', async () => {
    const dir = dataDir();
    const first = await startNimbusProcess(dir);
    const ddb = new DynamoDBClient(config(first.endpoint));
    await createLoadTable(ddb);

    const writers: Writer[] = Array.from({ length: WRITERS }, () => ({ acknowledged: [] }));
    let acks = 0;
    const run = async (w: number): Promise<void> => {
      const me = writers[w]!;
      for (const op of requests(w)) {
        me.inFlight = op;
        try {
          await send(ddb, op);
        } catch (e) {
          me.failure = e;
          return; // the process died under us (checked below)
        }
        me.acknowledged.push(op);
        me.inFlight = undefined;
        acks++;
      }
    };
    const load = writers.map((_, w) => run(w));
    // A consumer reads the stream as the load runs: what it saw must still be there afterwards.
    const pollingStreams = new DynamoDBStreamsClient(config(first.endpoint));
    const polling = pollStream(pollingStreams, await streamArnOf(ddb));
    const reached = await eventually(() => acks >= KILL_AFTER_ACKS, 120_000);
    await kill9(first);
    await Promise.all(load);
    const polled = await polling;
    ddb.destroy();
    pollingStreams.destroy();
    expect(reached, `only ${acks} requests were acknowledged before the kill`).toBe(true);
    // Every writer stopped because the connection broke, never because Nimbus refused a request:
    // a refused request would be a bug in the load, and would make the checks below vacuous.
    for (const [w, writer] of writers.entries()) expect(isConnectionError(writer.failure), `writer ${w}: ${describeFailure(writer.failure)}`).toBe(true);

    const second = await startNimbusProcess(dir);
    try {
      const after = new DynamoDBClient(config(second.endpoint));
      const streams = new DynamoDBStreamsClient(config(second.endpoint));
      const table = new Map((await scanAll(after, {})).map((item) => [keyId(item), item]));
      const arn = await streamArnOf(after);
      const stream = await readStream(streams, arn);

      // What the consumer read before the kill is the start of the stream now, record for record
      // (same sequence numbers, ids, images), and it resumes after its last record with the rest.
      const identity = (r: (typeof stream)[number]) => JSON.stringify([r.dynamodb!.SequenceNumber, r.eventID, r.eventName, r.dynamodb!.Keys, r.dynamodb!.NewImage, r.dynamodb!.OldImage]);
      expect(polled.length, 'the consumer read nothing before the kill').toBeGreaterThan(0);
      expect(stream.slice(0, polled.length).map(identity)).toEqual(polled.map(identity));
      const resumed = await readStream(streams, arn, polled.at(-1)!.dynamodb!.SequenceNumber);
      expect(resumed.map(identity)).toEqual(stream.slice(polled.length).map(identity));

      // Sequence numbers strictly increase and every record is there once.
      const seqs = stream.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]! > seqs[i - 1]!, `record ${i} out of order`).toBe(true);
      expect(new Set(stream.map((r) => r.eventID)).size).toBe(stream.length);
      const recordsOf = new Map<string, ExpectedRecord[]>();
      for (const r of stream) {
        const id = keyId(r.dynamodb!.Keys as Item);
        const rec: ExpectedRecord = { eventName: r.eventName!, Keys: r.dynamodb!.Keys as ExpectedRecord['Keys'] };
        if (r.dynamodb!.NewImage) rec.NewImage = r.dynamodb!.NewImage as Item;
        if (r.dynamodb!.OldImage) rec.OldImage = r.dynamodb!.OldImage as Item;
        recordsOf.set(id, [...(recordsOf.get(id) ?? []), rec]);
      }

      // Each writer's items: its acknowledged state, or that plus the request in flight.
      const owned = new Set<string>([keyId(SHARED_KEY)]);
      const retry: { w: number; op: Op & { kind: 'transact' }; committed: boolean; expected: Model; records: ExpectedRecord[] }[] = [];
      const committedInFlight = new Set<number>();
      let sharedAcknowledged = 0;
      let sharedInFlight = 0;
      for (const [w, writer] of writers.entries()) {
        const keys = writerKeys(w);
        for (const k of keys) owned.add(keyId(k));
        const acknowledged = new Model();
        const ackRecords: ExpectedRecord[] = [];
        for (const op of writer.acknowledged) ackRecords.push(...acknowledged.apply(op));
        sharedAcknowledged += writer.acknowledged.filter((op) => op.kind === 'shared').length;
        if (writer.inFlight?.kind === 'shared') sharedInFlight++;
        const withInFlight = acknowledged.clone();
        const inFlightRecords = writer.inFlight ? withInFlight.apply(writer.inFlight) : [];

        const observed = keys.map((k) => canonical(table.get(keyId(k))));
        const asAcknowledged = keys.map((k) => canonical(acknowledged.get(k)));
        const asInFlight = keys.map((k) => canonical(withInFlight.get(k)));
        const committed = JSON.stringify(observed) !== JSON.stringify(asAcknowledged);
        // Not "some items as acknowledged, others as in flight": one request commits whole.
        expect(observed, `writer ${w}: items match neither its acknowledged state nor that plus ${JSON.stringify(writer.inFlight)}`).toEqual(
          committed ? asInFlight : asAcknowledged,
        );
        // The stream: each committed change once, per item in request order, images exact.
        const expected = [...ackRecords, ...(committed ? inFlightRecords : [])];
        for (const k of keys) {
          const id = keyId(k);
          expect(recordsOf.get(id) ?? [], `writer ${w}, item ${id}: stream records`).toEqual(expected.filter((r) => keyId(r.Keys) === id));
          // The last image is the item as it is now (or it is gone after a REMOVE).
          const last = recordsOf.get(id)?.at(-1);
          if (last) expect(canonical(last.eventName === 'REMOVE' ? undefined : last.NewImage)).toBe(canonical(table.get(id)));
          else expect(table.has(id)).toBe(false);
        }
        if (committed) committedInFlight.add(w);
        if (writer.inFlight?.kind === 'transact') retry.push({ w, op: writer.inFlight, committed, expected: withInFlight, records: inFlightRecords });
      }

      // Nothing in the table or the stream that no writer wrote.
      for (const id of table.keys()) expect(owned.has(id), `unexpected item ${id}`).toBe(true);
      for (const id of recordsOf.keys()) expect(owned.has(id), `unexpected stream records for ${id}`).toBe(true);

      // The shared counter: every acknowledged increment, plus any in flight that committed; its
      // stream records count 1, 2, 3 … in order.
      const shared = Number(table.get(keyId(SHARED_KEY))?.n?.N ?? 0);
      expect(shared).toBeGreaterThanOrEqual(sharedAcknowledged);
      expect(shared).toBeLessThanOrEqual(sharedAcknowledged + sharedInFlight);
      const sharedRecords = recordsOf.get(keyId(SHARED_KEY)) ?? [];
      expect(sharedRecords.map((r) => [r.eventName, r.OldImage?.n?.N, r.NewImage?.n?.N])).toEqual(
        Array.from({ length: shared }, (_, i) => [i === 0 ? 'INSERT' : 'MODIFY', i === 0 ? undefined : String(i), String(i + 1)]),
      );

      await expectIndexesAgree(after, [...table.values()]);

      // A ClientRequestToken outlives the crash: the transaction in flight at the kill, sent again
      // with its token, is applied now if it had not committed and answered without writing if
      // it had. Either way it has been applied exactly once.
      const seqBefore = seqs.at(-1) ?? 0n;
      for (const { w, op, expected } of retry) {
        await after.send(new TransactWriteItemsCommand({ ClientRequestToken: op.token, TransactItems: transactItems(op.actions) }));
        for (const k of writerKeys(w)) expect(canonical(await getItem(after, k)), `writer ${w}, item ${keyId(k)}, after the retry`).toBe(canonical(expected.get(k)));
      }
      const newRecords = (await readStream(streams, arn))
        .filter((r) => BigInt(r.dynamodb!.SequenceNumber!) > seqBefore)
        .map((r) => [r.eventName, keyId(r.dynamodb!.Keys as Item), canonical(r.dynamodb!.NewImage as Item | undefined), canonical(r.dynamodb!.OldImage as Item | undefined)]);
      const retriedRecords = retry
        .filter((r) => !r.committed)
        .flatMap((r) => r.records.map((e) => [e.eventName, keyId(e.Keys), canonical(e.NewImage), canonical(e.OldImage)]));
      expect(newRecords, 'stream records of the retried transactions (none for one that had committed)').toEqual(retriedRecords);
      await expectIndexesAgree(after, await scanAll(after, {}));
      if (process.env.NIMBUS_TEST_VERBOSE) {
        const inFlight = writers.map((w, i) => `${w.inFlight?.kind ?? '-'}${committedInFlight.has(i) ? ' (committed)' : ''}`).join(', ');
        console.log(`failures: ${[...new Set(writers.map((w) => describeFailure(w.failure)))].join(' | ')}`);
        console.log(`acknowledged ${acks} requests; ${table.size} items; ${stream.length} stream records (${polled.length} read before the kill); in flight at the kill: ${inFlight}; retried transactions: ${retry.length}`);
      }
      after.destroy();
      streams.destroy();
    } finally {
      await kill9(second);
    }
  }, 300_000);

  it('an acknowledged TransactWriteItems is not applied again when its token is retried after a kill -9', async () => {
    const dir = dataDir();
    const first = await startNimbusProcess(dir);
    const ddb = new DynamoDBClient(config(first.endpoint));
    await createLoadTable(ddb);
    await ddb.send(new PutItemCommand({ TableName: TABLE, Item: { ...SHARED_KEY, n: { N: '10' } } }));
    const transaction = new TransactWriteItemsCommand({
      ClientRequestToken: 'retried-after-a-crash',
      TransactItems: [{ Update: { TableName: TABLE, Key: SHARED_KEY, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } }],
    });
    await ddb.send(transaction);
    await kill9(first);
    ddb.destroy();

    const second = await startNimbusProcess(dir);
    try {
      const after = new DynamoDBClient(config(second.endpoint));
      await after.send(transaction);
      // A plain update (no token) still applies, so the repeat above was a no-op, not a failure.
      await after.send(new UpdateItemCommand({ TableName: TABLE, Key: SHARED_KEY, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } }));
      const items = await scanAll(after, {});
      expect(items.map((i) => i.n)).toEqual([{ N: '12' }]);
      after.destroy();
    } finally {
      await kill9(second);
    }
  }, 120_000);
});

const sizeOf = (items: Item[]): number => items.reduce((n, i) => n + itemSize(i as StoredItem), 0);

/**
 * Each index, scanned, holds exactly the projection of the table's items that belong in it; the
 * counts and sizes DescribeTable reports for the table and each index are those of what is there.
 */
async function expectIndexesAgree(ddb: DynamoDBClient, items: Item[]): Promise<void> {
  const description = (await ddb.send(new DescribeTableCommand({ TableName: TABLE }))).Table!;
  expect([description.ItemCount, description.TableSizeBytes], 'DescribeTable ItemCount, TableSizeBytes').toEqual([items.length, sizeOf(items)]);
  const described = [...(description.GlobalSecondaryIndexes ?? []), ...(description.LocalSecondaryIndexes ?? [])];
  for (const index of INDEXES) {
    const projected = items.map((i) => projectForIndex(index, i)).filter((i): i is Item => i !== undefined);
    const scanned = (await scanAll(ddb, { IndexName: index.name })).map(canonical).sort();
    expect(scanned, `index ${index.name}`).toEqual(projected.map(canonical).sort());
    const d = described.find((x) => x.IndexName === index.name);
    expect([d?.ItemCount, d?.IndexSizeBytes], `DescribeTable ItemCount, IndexSizeBytes of ${index.name}`).toEqual([projected.length, sizeOf(projected)]);
  }
}
