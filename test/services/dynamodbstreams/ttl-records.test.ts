/**
 * TTL expirations as the Streams API delivers them, through the handlers over a store of their own
 * (the background sweep runs every 30 seconds in a running Nimbus; here it is called directly).
 */
import { describe, expect, it } from 'vitest';
import { dynamoStoreFor } from '../../../src/services/dynamodb/store/index.js';
import { sweepExpiredItems } from '../../../src/services/dynamodb/store/sweeps.js';
import { streamsStoreFor } from '../../../src/services/dynamodbstreams/dynamodb-store.js';
import { getRecords } from '../../../src/services/dynamodbstreams/operations/get-records.js';
import { getShardIterator } from '../../../src/services/dynamodbstreams/operations/get-shard-iterator.js';
import { describeStream } from '../../../src/services/dynamodbstreams/operations/describe-stream.js';
import type { Ctx } from '../../../src/services/dynamodbstreams/operations/stream-lookup.js';
import { SCOPE, createStoreTable, newStore } from '../dynamodb/tables/helpers.js';

const S = (s: string) => ({ S: s });
const N = (n: string) => ({ N: n });

describe('TTL deletions in the stream', () => {
  it('are REMOVE records whose userIdentity is the DynamoDB service; ordinary deletes have none', async () => {
    // DynamoDB's store as both services get it: one instance per database.
    const { db, clock } = newStore();
    const store = dynamoStoreFor({ db, clock });
    const created = await createStoreTable(store, clock, 'sessions', { key: { hash: { name: 'pk', type: 'S' } }, stream: 'NEW_AND_OLD_IMAGES' });
    const table = await store.write(() => store.admin.setTtl(created, { attributeName: 'exp', enabled: true }));
    const past = String(Math.floor(clock.ms / 1000) - 60);
    await store.write(() => store.put(table, { pk: S('expired'), exp: N(past) }));
    await store.write(() => store.put(table, { pk: S('deleted') }));
    await store.write(() => store.delete(table, { pk: S('deleted') }));
    expect(await sweepExpiredItems(store, clock.ms)).toBe(1);

    // The Streams service's store is the stream log DynamoDB's writes go through.
    expect(streamsStoreFor({ db, clock })).toBe(store.streams);
    const ctx = { accountId: SCOPE.accountId, region: SCOPE.region, now: () => clock.now(), store: streamsStoreFor({ db, clock }) } as unknown as Ctx;
    const arn = table.stream!.arn;
    const shardId = describeStream({ StreamArn: arn }, ctx).StreamDescription!.Shards![0]!.ShardId!;
    const it0 = getShardIterator({ StreamArn: arn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }, ctx).ShardIterator!;
    const records = getRecords({ ShardIterator: it0 }, ctx).Records!;
    expect(records.map((r) => [r.eventName, r.dynamodb!.Keys!.pk!.S, r.userIdentity])).toEqual([
      ['INSERT', 'expired', undefined],
      ['INSERT', 'deleted', undefined],
      ['REMOVE', 'deleted', undefined],
      ['REMOVE', 'expired', { Type: 'Service', PrincipalId: 'dynamodb.amazonaws.com' }],
    ]);
    expect(records[3]!.dynamodb!.OldImage).toEqual({ pk: S('expired'), exp: N(past) });
    expect(records[3]!.dynamodb!.NewImage).toBeUndefined();
  });
});
