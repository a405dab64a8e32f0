import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetRecordsCommand, GetShardIteratorCommand, type ShardIteratorType } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { clients, drain, expectError, iterator, shardOf, streamTable } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S = (s: string) => ({ S: s });

/** A KEYS_ONLY table `t` holding records for items 1, 2, 3; returns the stream ARN, shard id and sequence numbers. */
async function threeRecords() {
  const { ddb, streams } = clients(nimbus);
  const arn = await streamTable(ddb, 't', 'KEYS_ONLY');
  for (const k of ['1', '2', '3']) await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S(k) } }));
  const { records } = await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'));
  return { ddb, streams, arn, shardId: await shardOf(streams, arn), seqs: records.map((r) => r.dynamodb!.SequenceNumber!) };
}

const keysOf = (records: { dynamodb?: { Keys?: Record<string, { S?: string }> } }[]) => records.map((r) => r.dynamodb!.Keys!.pk!.S);

describe('GetShardIterator', () => {
  it('starts where each iterator type says', async () => {
    const { ddb, streams, arn, seqs } = await threeRecords();
    const read = async (type: ShardIteratorType, seq?: string) => keysOf((await drain(streams, await iterator(streams, arn, type, seq))).records);
    expect(await read('TRIM_HORIZON')).toEqual(['1', '2', '3']);
    expect(await read('AT_SEQUENCE_NUMBER', seqs[1])).toEqual(['2', '3']);
    expect(await read('AFTER_SEQUENCE_NUMBER', seqs[1])).toEqual(['3']);
    expect(await read('AFTER_SEQUENCE_NUMBER', seqs[2])).toEqual([]);
    // LATEST: only what is written after the iterator.
    const latest = await iterator(streams, arn, 'LATEST');
    expect((await streams.send(new GetRecordsCommand({ ShardIterator: latest }))).Records).toEqual([]);
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('4') } }));
    expect(keysOf((await drain(streams, latest)).records)).toEqual(['4']);
    // An iterator is a position, not a cursor: reading it again reads the same records.
    expect(keysOf((await drain(streams, latest)).records)).toEqual(['4']);
  });

  it('AT_SEQUENCE_NUMBER at the shard’s StartingSequenceNumber reads everything, also before the first record', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 'empty', 'KEYS_ONLY');
    const { DescribeStreamCommand } = await import('@aws-sdk/client-dynamodb-streams');
    const start = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!.SequenceNumberRange!.StartingSequenceNumber!;
    const it0 = await iterator(streams, arn, 'AT_SEQUENCE_NUMBER', start);
    await ddb.send(new PutItemCommand({ TableName: 'empty', Item: { pk: S('first') } }));
    const { records } = await drain(streams, it0);
    expect(keysOf(records)).toEqual(['first']);
    expect(records[0]!.dynamodb!.SequenceNumber).toBe(start);
  });

  it('refuses a SequenceNumber where the type takes none, and requires one where it does', async () => {
    const { streams, arn, shardId, seqs } = await threeRecords();
    const get = (type: ShardIteratorType, seq?: string) =>
      streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: seq }));
    const rule = 'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and SequenceNumber or (2) TRIM_HORIZON or LATEST and no SequenceNumber. ';
    await expectError(get('TRIM_HORIZON', seqs[0]), 'ValidationException', `${rule}Request specified TRIM_HORIZON and also a SequenceNumber.`);
    await expectError(get('LATEST', seqs[0]), 'ValidationException', `${rule}Request specified LATEST and also a SequenceNumber.`);
    await expectError(get('AT_SEQUENCE_NUMBER'), 'ValidationException', `${rule}Request specified AT_SEQUENCE_NUMBER and no SequenceNumber.`);
    await expectError(get('AFTER_SEQUENCE_NUMBER'), 'ValidationException', `${rule}Request specified AFTER_SEQUENCE_NUMBER and no SequenceNumber.`);
    // Not a sequence number of this shard: not decimal, or past its end.
    const invalid = (seq: string) => `SequenceNumber ${seq} used in GetShardIterator on shard ${shardId} in stream ${arn} is invalid.`;
    const garbage = 'x'.repeat(21);
    await expectError(get('AT_SEQUENCE_NUMBER', garbage), 'ValidationException', invalid(garbage));
    const beyond = (BigInt(seqs[2]!) + 2n).toString();
    await expectError(get('AT_SEQUENCE_NUMBER', beyond), 'ValidationException', invalid(beyond));
    const next = (BigInt(seqs[2]!) + 1n).toString();
    await expectError(get('AFTER_SEQUENCE_NUMBER', next), 'ValidationException', invalid(next));
    await expectError(get('AT_SEQUENCE_NUMBER', '12'), 'ValidationException',
      "1 validation error detected: Value '12' at 'sequenceNumber' failed to satisfy constraint: Member must have length greater than or equal to 21");
    await expectError(get('NEWEST' as ShardIteratorType), 'ValidationException',
      "1 validation error detected: Value 'NEWEST' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
  });

  it('checks the stream, then the shard', async () => {
    const { streams, arn, shardId } = await threeRecords();
    const missing = arn.replace(/stream\/.*$/, 'stream/2020-01-01T00:00:00.000');
    await expectError(streams.send(new GetShardIteratorCommand({ StreamArn: missing, ShardId: shardId, ShardIteratorType: 'LATEST' })),
      'ResourceNotFoundException', `Requested resource not found: Stream: ${missing} not found`);
    await expectError(streams.send(new GetShardIteratorCommand({ StreamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/index/i', ShardId: shardId, ShardIteratorType: 'LATEST' })),
      'ValidationException', 'Invalid StreamArn');
    await expectError(streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: 'shardId-00000000000000000000-00000000', ShardIteratorType: 'LATEST' })),
      'ResourceNotFoundException', 'Requested resource not found: Shard does not exist');
  });
});

describe('GetRecords', () => {
  it('refuses iterators Nimbus did not issue and a Limit over 1000', async () => {
    const { streams, arn } = await threeRecords();
    const it0 = await iterator(streams, arn, 'TRIM_HORIZON');
    for (const bad of ['garbage', `${arn}|1|notbase64json`, `${it0}x`, it0.replace('|1|', '|2|'), 'arn:aws:dynamodb:us-east-1:000000000000:table/t|1|e30']) {
      await expectError(streams.send(new GetRecordsCommand({ ShardIterator: bad })), 'ValidationException', 'Invalid ShardIterator');
    }
    await expectError(streams.send(new GetRecordsCommand({ ShardIterator: it0, Limit: 1001 })), 'ValidationException',
      "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000");
    await expectError(streams.send(new GetRecordsCommand({ ShardIterator: it0, Limit: 0 })), 'ValidationException',
      "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    expect((await streams.send(new GetRecordsCommand({ ShardIterator: it0, Limit: 1000 }))).Records).toHaveLength(3);
  });

  it('returns up to Limit records in one call, across the store’s read batches', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 'many', 'KEYS_ONLY');
    for (let i = 0; i < 205; i++) await ddb.send(new PutItemCommand({ TableName: 'many', Item: { pk: S(String(i).padStart(3, '0')) } }));
    const it0 = await iterator(streams, arn, 'TRIM_HORIZON');
    const all = await streams.send(new GetRecordsCommand({ ShardIterator: it0 }));
    expect(keysOf(all.Records!)).toEqual(Array.from({ length: 205 }, (_, i) => String(i).padStart(3, '0')));
    const some = await streams.send(new GetRecordsCommand({ ShardIterator: it0, Limit: 130 }));
    expect(some.Records).toHaveLength(130);
    expect(keysOf((await streams.send(new GetRecordsCommand({ ShardIterator: some.NextShardIterator! }))).Records!)).toEqual(keysOf(all.Records!).slice(130));
  });

  it('stops a page at 1 MB', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 'big', 'NEW_AND_OLD_IMAGES');
    const blob = 'x'.repeat(300 * 1024);
    await ddb.send(new PutItemCommand({ TableName: 'big', Item: { pk: S('a'), v: S(blob) } }));
    await ddb.send(new PutItemCommand({ TableName: 'big', Item: { pk: S('a'), v: S(`${blob}y`) } })); // ~600 KB record (both images)
    await ddb.send(new PutItemCommand({ TableName: 'big', Item: { pk: S('b'), v: S(blob) } }));
    const first = await streams.send(new GetRecordsCommand({ ShardIterator: await iterator(streams, arn, 'TRIM_HORIZON') }));
    expect(first.Records!.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
    const rest = await streams.send(new GetRecordsCommand({ ShardIterator: first.NextShardIterator! }));
    expect(rest.Records!.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['b']);
  });
});
