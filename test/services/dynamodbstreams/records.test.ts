import { DeleteItemCommand, PutItemCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient, type StreamViewType } from '@aws-sdk/client-dynamodb';
import { GetRecordsCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { clients, drain, iterator, streamTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

const S = (s: string): AttributeValue => ({ S: s });
const N = (n: string): AttributeValue => ({ N: n });
type Item = Record<string, AttributeValue>;

/** Six changes and two writes that change nothing, through PutItem, UpdateItem and DeleteItem. */
async function writeChanges(ddb: DynamoDBClient, table: string): Promise<void> {
  await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: S('a'), v: N('1') } }));
  await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: S('b'), v: N('1') } }));
  await ddb.send(new UpdateItemCommand({ TableName: table, Key: { pk: S('a') }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': N('2') } }));
  await ddb.send(new PutItemCommand({ TableName: table, Item: { pk: S('a'), v: N('2') } })); // unchanged: no record
  await ddb.send(new DeleteItemCommand({ TableName: table, Key: { pk: S('b') } }));
  await ddb.send(new DeleteItemCommand({ TableName: table, Key: { pk: S('c') } })); // missing: no record
  await ddb.send(new UpdateItemCommand({ TableName: table, Key: { pk: S('c') }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': N('3') } }));
  await ddb.send(new DeleteItemCommand({ TableName: table, Key: { pk: S('a') } }));
}

/** [eventName, key, OldImage, NewImage] of each change writeChanges makes, in order. */
const CHANGES: [string, string, Item | undefined, Item | undefined][] = [
  ['INSERT', 'a', undefined, { pk: S('a'), v: N('1') }],
  ['INSERT', 'b', undefined, { pk: S('b'), v: N('1') }],
  ['MODIFY', 'a', { pk: S('a'), v: N('1') }, { pk: S('a'), v: N('2') }],
  ['REMOVE', 'b', { pk: S('b'), v: N('1') }, undefined],
  ['INSERT', 'c', undefined, { pk: S('c'), v: N('3') }],
  ['REMOVE', 'a', { pk: S('a'), v: N('2') }, undefined],
];

function expectChanges(records: _Record[], view: StreamViewType, region: string): void {
  expect(records.map((r) => [r.eventName, r.dynamodb!.Keys])).toEqual(CHANGES.map(([e, k]) => [e, { pk: S(k) }]));
  const wantOld = view === 'OLD_IMAGE' || view === 'NEW_AND_OLD_IMAGES';
  const wantNew = view === 'NEW_IMAGE' || view === 'NEW_AND_OLD_IMAGES';
  records.forEach((r, i) => {
    const [, , oldImage, newImage] = CHANGES[i]!;
    expect(r).toMatchObject({ eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: region });
    expect(r.userIdentity).toBeUndefined();
    expect(r.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(r.dynamodb!.StreamViewType).toBe(view);
    expect(r.dynamodb!.OldImage).toEqual(wantOld ? oldImage : undefined);
    expect(r.dynamodb!.NewImage).toEqual(wantNew ? newImage : undefined);
    expect(r.dynamodb!.SizeBytes).toBeGreaterThan(0);
    expect(r.dynamodb!.ApproximateCreationDateTime).toBeInstanceOf(Date);
    expect(r.dynamodb!.ApproximateCreationDateTime!.getTime() % 1000).toBe(0);
    expect(r.dynamodb!.SequenceNumber).toMatch(/^\d{21,40}$/);
  });
  const seqs = records.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
  for (let i = 1; i < seqs.length; i++) expect(seqs[i]! > seqs[i - 1]!).toBe(true);
  expect(new Set(records.map((r) => r.eventID)).size).toBe(records.length);
}

describe('GetRecords delivers each committed change once, in write order, with the view type’s images', () => {
  it.each(['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'] as const)('%s', async (view) => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 't', view);
    await writeChanges(ddb, 't');
    const first = await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'));
    expectChanges(first.records, view, nimbus.current.region);
    // The iterator the poller holds now sees nothing more, and then only what is written next.
    const again = await streams.send(new GetRecordsCommand({ ShardIterator: first.next! }));
    expect(again.Records).toEqual([]);
    expect(again.NextShardIterator).toBeDefined();
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('d') } }));
    const later = await drain(streams, again.NextShardIterator!);
    expect(later.records.map((r) => [r.eventName, r.dynamodb!.Keys])).toEqual([['INSERT', { pk: S('d') }]]);
  });

  it('pages with Limit without losing or repeating a record', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 't', 'NEW_AND_OLD_IMAGES');
    await writeChanges(ddb, 't');
    const all = await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'));
    const paged = await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'), 1);
    expect(paged.calls).toBe(7); // six records one by one, then an empty page
    expect(paged.records).toEqual(all.records);
  });

  it('orders the changes of each item by write order on a table with a sort key, across many items', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 'ks', 'NEW_IMAGE', true);
    const writes: Promise<unknown>[] = [];
    // Concurrent clients: each item gets versions 1..5 in order (each write awaits the previous one of its item).
    for (let item = 0; item < 8; item++) {
      writes.push(
        (async () => {
          for (let v = 1; v <= 5; v++) {
            await ddb.send(new PutItemCommand({ TableName: 'ks', Item: { pk: S(`p${item % 2}`), sk: N(String(item)), v: N(String(v)) } }));
          }
        })(),
      );
    }
    await Promise.all(writes);
    const { records } = await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'), 7);
    expect(records).toHaveLength(40);
    const versions = new Map<string, string[]>();
    for (const r of records) {
      const key = `${r.dynamodb!.Keys!.pk!.S}/${r.dynamodb!.Keys!.sk!.N}`;
      versions.set(key, [...(versions.get(key) ?? []), r.dynamodb!.NewImage!.v!.N!]);
      expect(r.eventName).toBe(r.dynamodb!.NewImage!.v!.N === '1' ? 'INSERT' : 'MODIFY');
    }
    expect(versions.size).toBe(8);
    for (const v of versions.values()) expect(v).toEqual(['1', '2', '3', '4', '5']);
  });

  it('keeps binary and nested values exact', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 'bin', 'NEW_IMAGE');
    const item: Item = {
      pk: S('x'),
      b: { B: new Uint8Array([0, 255, 1]) },
      m: { M: { l: { L: [N('1.5'), { BOOL: true }, { NULL: true }] }, ss: { SS: ['a', 'b'] } } },
    };
    await ddb.send(new PutItemCommand({ TableName: 'bin', Item: item }));
    const { records } = await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'));
    expect(records[0]!.dynamodb!.NewImage).toEqual(item);
  });
});
