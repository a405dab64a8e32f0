/**
 * Time-dependent behaviour with Nimbus's clock moved by hand: 15-minute iterators, 24-hour record
 * retention, and streams removed 24 hours after they were disabled.
 */
import { PutItemCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { clients, drain, expectError, iterator, shardOf, streamTable, TestClock } from './helpers.js';

const START = Date.UTC(2024, 4, 1, 12, 0, 0); // Wed May 01 12:00:00 UTC 2024
const clock = new TestClock(START);
const nimbus = useNimbus({ resetEach: true, clock });
const S = (s: string) => ({ S: s });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeEach(() => {
  clock.ms = START;
});

describe('iterator lifetime', () => {
  it('an iterator works for 15 minutes and then is ExpiredIteratorException; NextShardIterator starts a new 15 minutes', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 't', 'KEYS_ONLY');
    const it0 = await iterator(streams, arn, 'TRIM_HORIZON');
    clock.advance(15 * MINUTE);
    const out = await streams.send(new GetRecordsCommand({ ShardIterator: it0 }));
    expect(out.Records).toEqual([]);
    clock.advance(1000);
    await expectError(streams.send(new GetRecordsCommand({ ShardIterator: it0 })), 'ExpiredIteratorException',
      'Iterator expired. The iterator was created at time Wed May 01 12:00:00 UTC 2024 while right now it is Wed May 01 12:15:01 UTC 2024 ' +
        'which is further in the future than the tolerated delay of 900000 milliseconds.');
    // The iterator GetRecords handed back at 12:15:00 is good until 12:30:00.
    clock.advance(14 * MINUTE);
    expect((await streams.send(new GetRecordsCommand({ ShardIterator: out.NextShardIterator! }))).Records).toEqual([]);
  });
});

describe('24-hour retention', () => {
  it('records older than 24 hours are trimmed: TRIM_HORIZON moves on, older positions are TrimmedDataAccessException', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 't', 'KEYS_ONLY');
    const shardId = await shardOf(streams, arn);
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('old') } }));
    clock.advance(23 * HOUR);
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('new') } }));
    clock.advance(HOUR - 5 * MINUTE); // 23:55 after the first record
    const { records } = await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'));
    expect(records.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['old', 'new']);
    const [oldSeq, newSeq] = records.map((r) => r.dynamodb!.SequenceNumber!);
    const fromOld = await iterator(streams, arn, 'TRIM_HORIZON');
    const fromNew = await iterator(streams, arn, 'AT_SEQUENCE_NUMBER', newSeq);
    const latest = await iterator(streams, arn, 'LATEST');

    clock.advance(10 * MINUTE); // the first record is now 24:05 old
    // An iterator pointing at the trimmed record (still within its 15 minutes) …
    await expectError(streams.send(new GetRecordsCommand({ ShardIterator: fromOld })), 'TrimmedDataAccessException', 'The data you are trying to access has been trimmed');
    // … one past it reads on, and LATEST never points at old records.
    expect((await drain(streams, fromNew)).records.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['new']);
    expect((await streams.send(new GetRecordsCommand({ ShardIterator: latest }))).Records).toEqual([]);
    // New iterators: a trimmed sequence number is refused; TRIM_HORIZON starts at the first kept record.
    await expectError(streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: oldSeq })),
      'TrimmedDataAccessException', 'The data you are trying to access has been trimmed');
    expect((await drain(streams, await iterator(streams, arn, 'AFTER_SEQUENCE_NUMBER', oldSeq))).records.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['new']);
    expect((await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'))).records.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['new']);
    const d = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    expect(d.StreamDescription!.Shards![0]!.SequenceNumberRange!.StartingSequenceNumber).toBe(newSeq);

    // Once everything is older than 24 hours the shard is empty; numbering still goes on.
    clock.advance(24 * HOUR);
    expect((await drain(streams, await iterator(streams, arn, 'TRIM_HORIZON'))).records).toEqual([]);
    const empty = await iterator(streams, arn, 'TRIM_HORIZON');
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('later') } }));
    const later = (await drain(streams, empty)).records;
    expect(later.map((r) => r.dynamodb!.Keys!.pk!.S)).toEqual(['later']);
    expect(BigInt(later[0]!.dynamodb!.SequenceNumber!)).toBeGreaterThan(BigInt(newSeq!));
  });

  it('a disabled stream stays readable for 24 hours, then is gone', async () => {
    const { ddb, streams } = clients(nimbus);
    const arn = await streamTable(ddb, 't', 'NEW_IMAGE');
    const shardId = await shardOf(streams, arn);
    await ddb.send(new PutItemCommand({ TableName: 't', Item: { pk: S('x') } }));
    await ddb.send(new UpdateTableCommand({ TableName: 't', StreamSpecification: { StreamEnabled: false } }));
    clock.advance(24 * HOUR - MINUTE);
    expect((await streams.send(new ListStreamsCommand({}))).Streams!.map((s) => s.StreamArn)).toEqual([arn]);
    expect((await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.StreamStatus).toBe('DISABLED');
    const it0 = await iterator(streams, arn, 'TRIM_HORIZON');
    expect((await streams.send(new GetRecordsCommand({ ShardIterator: it0 }))).Records).toHaveLength(1);
    clock.advance(2 * MINUTE);
    expect((await streams.send(new ListStreamsCommand({}))).Streams).toEqual([]);
    const gone = `Requested resource not found: Stream: ${arn} not found`;
    await expectError(streams.send(new DescribeStreamCommand({ StreamArn: arn })), 'ResourceNotFoundException', gone);
    await expectError(streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' })), 'ResourceNotFoundException', gone);
    await expectError(streams.send(new GetRecordsCommand({ ShardIterator: it0 })), 'ResourceNotFoundException', gone);
  });
});
