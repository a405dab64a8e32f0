import { describe, expect, it } from 'vitest';
import { formatSequenceNumber, parseSequenceNumber, shardIdOf, STREAM_RETENTION_MS } from '../../../../src/services/dynamodb/domain/table-streams.js';
import type { StreamViewType } from '../../../../src/services/dynamodb/domain/table-model.js';
import { describeStream, toStreamRecord } from '../../../../src/services/dynamodb/store/index.js';
import { trimStreams } from '../../../../src/services/dynamodb/store/sweeps.js';
import { SCOPE, createStoreTable, newStore } from './helpers.js';

const S = (s: string) => ({ S: s });

async function streamTable(view: StreamViewType) {
  const { store, clock } = newStore();
  const table = await createStoreTable(store, clock, 'orders', { key: { hash: { name: 'id', type: 'S' } }, stream: view });
  return { store, clock, table, streamId: table.stream!.streamId };
}

describe('stream records', () => {
  it('records INSERT, MODIFY and REMOVE with both images, in write order, nothing for no-op writes', async () => {
    const { store, clock, table, streamId } = await streamTable('NEW_AND_OLD_IMAGES');
    await store.write(() => store.put(table, { id: S('1'), v: S('a') }));
    clock.advance(1500);
    await store.write(() => store.put(table, { id: S('1'), v: S('b') }));
    await store.write(() => store.put(table, { id: S('1'), v: S('b') })); // unchanged: no record
    await store.write(() => store.delete(table, { id: S('2') })); // missing: no record
    await store.write(() => store.delete(table, { id: S('1') }));
    const records = store.streams.records(streamId, 0, 100, clock.ms);
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY', 'REMOVE']);
    expect(records[0]).toMatchObject({ Keys: { id: S('1') }, NewImage: { id: S('1'), v: S('a') } });
    expect(records[0]!.OldImage).toBeUndefined();
    expect(records[1]).toMatchObject({ NewImage: { id: S('1'), v: S('b') }, OldImage: { id: S('1'), v: S('a') } });
    expect(records[2]).toMatchObject({ Keys: { id: S('1') }, OldImage: { id: S('1'), v: S('b') } });
    expect(records[2]!.NewImage).toBeUndefined();
    const seqs = records.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(records.map((r) => r.eventID)).size).toBe(3);

    const stream = store.streams.byArn(table.stream!.arn)!;
    const wire = toStreamRecord(stream, records[1]!);
    expect(wire).toMatchObject({ eventName: 'MODIFY', eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'us-east-1' });
    expect(wire.dynamodb.SequenceNumber).toMatch(/^\d{21,}$/);
    expect(wire.dynamodb.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
    expect(wire.dynamodb.SizeBytes).toBeGreaterThan(0);
    expect(wire.dynamodb.ApproximateCreationDateTime.getTime() % 1000).toBe(0);
    expect(wire.userIdentity).toBeUndefined();
  });

  it.each([
    ['KEYS_ONLY', false, false],
    ['NEW_IMAGE', true, false],
    ['OLD_IMAGE', false, true],
  ] as const)('keeps only what %s asks for', async (view, hasNew, hasOld) => {
    const { store, clock, table, streamId } = await streamTable(view);
    await store.write(() => store.put(table, { id: S('1'), v: S('a') }));
    await store.write(() => store.put(table, { id: S('1'), v: S('b') }));
    const modify = store.streams.records(streamId, 0, 10, clock.ms)[1]!;
    expect(modify.Keys).toEqual({ id: S('1') });
    expect(modify.NewImage !== undefined).toBe(hasNew);
    expect(modify.OldImage !== undefined).toBe(hasOld);
  });

  it('writes no records while the stream is disabled, and a re-enabled stream starts empty', async () => {
    const { store, clock, table, streamId } = await streamTable('KEYS_ONLY');
    await store.write(() => store.put(table, { id: S('1') }));
    const disabled = await store.write(() => store.admin.disableStream(store.tables.current(table)!, clock.ms));
    await store.write(() => store.put(disabled, { id: S('2') }));
    expect(store.streams.records(streamId, 0, 10, clock.ms)).toHaveLength(1);
    clock.advance(10);
    const enabled = await store.write(() => store.admin.enableStream(store.tables.current(table)!, 'NEW_IMAGE', clock.ms));
    expect(enabled.stream!.streamId).not.toBe(streamId);
    expect(enabled.stream!.label).not.toBe(table.stream!.label);
    await store.write(() => store.put(enabled, { id: S('3') }));
    expect(store.streams.records(enabled.stream!.streamId, 0, 10, clock.ms).map((r) => r.Keys)).toEqual([{ id: S('3') }]);
    const listed = store.streams.list(SCOPE, { tableName: 'orders', limit: 10, nowMs: clock.ms });
    expect(listed.map((s) => [s.label, s.closedAt !== undefined])).toEqual([[table.stream!.label, true], [enabled.stream!.label, false]]);
  });

  it('keeps records 24 hours, never reuses sequence numbers, and keeps a deleted table’s stream readable for 24 hours', async () => {
    const { store, clock, table, streamId } = await streamTable('KEYS_ONLY');
    await store.write(() => store.put(table, { id: S('old') }));
    clock.advance(STREAM_RETENTION_MS - 1000);
    await store.write(() => store.put(table, { id: S('new') }));
    expect(store.streams.trimHorizon(streamId, clock.ms)).toBe(1);
    clock.advance(2000);
    // The old record is past retention: invisible, then trimmed.
    expect(store.streams.records(streamId, 0, 10, clock.ms).map((r) => r.Keys.id!.S)).toEqual(['new']);
    expect(store.streams.trimHorizon(streamId, clock.ms)).toBe(2);
    expect(await trimStreams(store, clock.ms)).toBe(1);
    expect(store.streams.latestSeq(streamId)).toBe(2);

    await store.write(() => store.admin.drop(store.tables.current(table)!, clock.ms));
    expect(store.streams.byArn(table.stream!.arn)!.closedAt).toBe(clock.ms);
    expect(store.streams.records(streamId, 0, 10, clock.ms)).toHaveLength(1);
    clock.advance(STREAM_RETENTION_MS + 1);
    await trimStreams(store, clock.ms);
    expect(store.streams.byArn(table.stream!.arn)).toBeUndefined();
    expect(store.streams.list(SCOPE, { limit: 10, nowMs: clock.ms })).toEqual([]);
  });

  it('continues numbering after every record was trimmed and the store restarted', async () => {
    const { store, clock, table, streamId, } = await streamTable('KEYS_ONLY');
    await store.write(() => {
      store.put(table, { id: S('a') });
      store.put(table, { id: S('b') });
    });
    clock.advance(STREAM_RETENTION_MS + 1);
    await trimStreams(store, clock.ms);
    const { DynamoStore } = await import('../../../../src/services/dynamodb/store/index.js');
    const restarted = new DynamoStore(store.db, clock);
    await restarted.write(() => restarted.put(restarted.tables.current(table)!, { id: S('c') }));
    expect(restarted.streams.records(streamId, 0, 10, clock.ms).map((r) => r.seq)).toEqual([3]);
  });
});

describe('describeStream', () => {
  it('describes one shard, open while enabled and closed with an ending sequence number after', async () => {
    const { store, clock, table } = await streamTable('NEW_IMAGE');
    const stream = () => store.streams.byArn(table.stream!.arn)!;
    let d = describeStream(store.streams, stream(), clock.ms);
    expect(d).toMatchObject({ StreamArn: table.stream!.arn, StreamLabel: table.stream!.label, StreamStatus: 'ENABLED', StreamViewType: 'NEW_IMAGE', TableName: 'orders' });
    expect(d.KeySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(d.Shards).toHaveLength(1);
    expect(d.Shards[0]!.SequenceNumberRange).toEqual({ StartingSequenceNumber: formatSequenceNumber(1) });
    await store.write(() => {
      store.put(table, { id: S('1') });
      store.put(table, { id: S('2') });
    });
    await store.write(() => store.admin.disableStream(store.tables.current(table)!, clock.ms));
    d = describeStream(store.streams, stream(), clock.ms);
    expect(d.StreamStatus).toBe('DISABLED');
    expect(d.Shards[0]!.SequenceNumberRange).toEqual({ StartingSequenceNumber: formatSequenceNumber(1), EndingSequenceNumber: formatSequenceNumber(2) });
    expect(d.Shards[0]!.ShardId).toBe(shardIdOf(table.stream!.arn, stream().createdAt));
  });
});

describe('stream identifiers', () => {
  it('formats and parses sequence numbers and shard ids', () => {
    expect(formatSequenceNumber(1)).toBe('100000000000000000001');
    expect(parseSequenceNumber('100000000000000000042')).toBe(42);
    expect(parseSequenceNumber('42')).toBeUndefined();
    expect(parseSequenceNumber('abc')).toBeUndefined();
    expect(shardIdOf('arn:x', 1_700_000_000_000)).toMatch(/^shardId-00000001700000000000-[0-9a-f]{8}$/);
  });
});
