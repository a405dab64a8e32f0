import { describe, expect, it } from 'vitest';
import { javaDateString } from '../../../src/services/dynamodbstreams/domain/java-date.js';
import { decodeShardIterator, encodeShardIterator, isExpired, ITERATOR_LIFETIME_MS } from '../../../src/services/dynamodbstreams/domain/shard-iterator.js';
import { isTrimmed, readToEnd, startingPosition } from '../../../src/services/dynamodbstreams/domain/shard-positions.js';
import { labelTime, parseStreamArn } from '../../../src/services/dynamodbstreams/domain/stream-arn.js';

const ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2024-05-01T12:00:00.123';

describe('shard iterators', () => {
  it('round-trip, start with the stream ARN, stay under 2,048 characters and reject anything else', () => {
    const p = { streamArn: ARN, shardId: 'shardId-00000001714564800123-0a1b2c3d', next: 42, latest: 41, issuedAt: 1_714_564_800_123 };
    const text = encodeShardIterator(p);
    expect(text.startsWith(`${ARN}|1|`)).toBe(true);
    expect(decodeShardIterator(text)).toEqual(p);
    const longest = encodeShardIterator({ ...p, streamArn: `arn:aws-us-gov:dynamodb:us-gov-west-1:000000000000:table/${'t'.repeat(255)}/stream/2024-05-01T12:00:00.123`, next: Number.MAX_SAFE_INTEGER, latest: Number.MAX_SAFE_INTEGER });
    expect(longest.length).toBeLessThanOrEqual(2048);
    for (const bad of ['', 'x', `${ARN}|1|`, `${ARN}|2|${text.split('|')[2]}`, `${ARN}|1|${text.split('|')[2]}=`, `not-arn|1|${text.split('|')[2]}`,
      `${ARN}|1|${Buffer.from(JSON.stringify({ s: 'x', n: -1, l: 0, t: 0 })).toString('base64url')}`,
      `${ARN}|1|${Buffer.from(JSON.stringify({ s: 'x', n: 1.5, l: 0, t: 0 })).toString('base64url')}`,
      `${ARN}|1|${Buffer.from('[1]').toString('base64url')}`]) {
      expect(decodeShardIterator(bad)).toBeUndefined();
    }
  });

  it('expire after exactly 15 minutes', () => {
    const p = { streamArn: ARN, shardId: 's', next: 1, latest: 0, issuedAt: 1000 };
    expect(isExpired(p, 1000 + ITERATOR_LIFETIME_MS)).toBe(false);
    expect(isExpired(p, 1001 + ITERATOR_LIFETIME_MS)).toBe(true);
  });
});

describe('starting positions', () => {
  const shard = { latest: 10, firstReadable: 4 }; // records 1–3 trimmed, 4–10 readable
  it.each([
    ['TRIM_HORIZON', undefined, { next: 4 }],
    ['LATEST', undefined, { next: 11 }],
    ['AT_SEQUENCE_NUMBER', 4, { next: 4 }],
    ['AT_SEQUENCE_NUMBER', 10, { next: 10 }],
    ['AT_SEQUENCE_NUMBER', 11, { next: 11 }],
    ['AT_SEQUENCE_NUMBER', 12, { error: 'invalid' }],
    ['AT_SEQUENCE_NUMBER', 3, { error: 'trimmed' }],
    ['AT_SEQUENCE_NUMBER', 0, { error: 'invalid' }],
    ['AT_SEQUENCE_NUMBER', undefined, { error: 'invalid' }],
    ['AFTER_SEQUENCE_NUMBER', 3, { next: 4 }],
    ['AFTER_SEQUENCE_NUMBER', 2, { error: 'trimmed' }],
    ['AFTER_SEQUENCE_NUMBER', 10, { next: 11 }],
    ['AFTER_SEQUENCE_NUMBER', 11, { error: 'invalid' }],
  ] as const)('%s %s → %j', (type, record, expected) => {
    expect(startingPosition(type, record, shard)).toEqual(expected);
  });

  it('an empty shard starts where its next record will be', () => {
    expect(startingPosition('TRIM_HORIZON', undefined, { latest: 0, firstReadable: 1 })).toEqual({ next: 1 });
    expect(startingPosition('AT_SEQUENCE_NUMBER', 1, { latest: 0, firstReadable: 1 })).toEqual({ next: 1 });
  });

  it('an iterator is trimmed only where records it could have read aged out', () => {
    const now = { latest: 10, firstReadable: 4 };
    expect(isTrimmed(2, 5, now)).toBe(true); // record 2 existed when issued, is gone now
    expect(isTrimmed(4, 5, now)).toBe(false);
    expect(isTrimmed(2, 1, now)).toBe(false); // issued after record 1: 2.. are younger than the iterator
  });

  it('a closed shard is read to its end once the position passes its last record', () => {
    expect(readToEnd(11, true, { latest: 10, firstReadable: 1 })).toBe(true);
    expect(readToEnd(10, true, { latest: 10, firstReadable: 1 })).toBe(false);
    expect(readToEnd(11, false, { latest: 10, firstReadable: 1 })).toBe(false);
  });
});

describe('stream ARNs and times', () => {
  it('parses stream ARNs only', () => {
    expect(parseStreamArn(ARN)).toEqual({ region: 'us-east-1', accountId: '000000000000', tableName: 'orders', label: '2024-05-01T12:00:00.123' });
    expect(parseStreamArn('arn:aws:dynamodb:us-east-1:000000000000:table/orders')).toBeUndefined();
    expect(parseStreamArn('arn:aws:dynamodb:us-east-1:000000000000:table/orders/index/i')).toBeUndefined();
    expect(parseStreamArn('arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/')).toBeUndefined();
    expect(parseStreamArn('arn:aws:sqs:us-east-1:000000000000:table/orders/stream/x')).toBeUndefined();
    expect(labelTime('2024-05-01T12:00:00.123')).toBe(Date.UTC(2024, 4, 1, 12, 0, 0, 123));
    expect(labelTime('latest')).toBeUndefined();
  });

  it('prints times as Java’s Date does', () => {
    expect(javaDateString(Date.UTC(2015, 11, 10, 1, 59, 39))).toBe('Thu Dec 10 01:59:39 UTC 2015');
    expect(javaDateString(Date.UTC(2024, 0, 7, 23, 5, 9, 999))).toBe('Sun Jan 07 23:05:09 UTC 2024');
  });
});
