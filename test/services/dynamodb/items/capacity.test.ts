import { describe, expect, it } from 'vitest';
import { CapacityMeter, CapacityMeters, readUnits, writeUnits } from '../../../../src/services/dynamodb/domain/capacity.js';

describe('capacity units', () => {
  it('reads: 4 KB units rounded up, halved when eventually consistent, doubled in transactions, never below the minimum', () => {
    expect(readUnits(0, true)).toBe(1);
    expect(readUnits(0, false)).toBe(0.5);
    expect(readUnits(4096, true)).toBe(1);
    expect(readUnits(4097, true)).toBe(2);
    expect(readUnits(4097, false)).toBe(1);
    expect(readUnits(10_000, false, true)).toBe(6);
    expect(readUnits(1, false, true)).toBe(2);
  });

  it('writes: 1 KB units rounded up, doubled in transactions', () => {
    expect(writeUnits(0)).toBe(1);
    expect(writeUnits(1024)).toBe(1);
    expect(writeUnits(1025)).toBe(2);
    expect(writeUnits(1025, true)).toBe(4);
  });

  it('ConsumedCapacity for NONE, TOTAL and INDEXES', () => {
    const fill = (m: CapacityMeter) => {
      m.table(2, 'write');
      m.index('g1', true, 1, 'write');
      m.index('g1', true, 1, 'write');
      m.index('l1', false, 0.5, 'read');
    };
    const none = new CapacityMeter('t', 'NONE');
    fill(none);
    expect(none.result()).toBeUndefined();
    expect(new CapacityMeter('t', undefined).result()).toBeUndefined();
    const total = new CapacityMeter('t', 'TOTAL');
    fill(total);
    expect(total.result()).toEqual({ TableName: 't', CapacityUnits: 4.5, ReadCapacityUnits: 0.5, WriteCapacityUnits: 4 });
    const indexes = new CapacityMeter('t', 'INDEXES');
    fill(indexes);
    expect(indexes.result()).toEqual({
      TableName: 't',
      CapacityUnits: 4.5,
      ReadCapacityUnits: 0.5,
      WriteCapacityUnits: 4,
      Table: { CapacityUnits: 2, WriteCapacityUnits: 2 },
      GlobalSecondaryIndexes: { g1: { CapacityUnits: 2, WriteCapacityUnits: 2 } },
      LocalSecondaryIndexes: { l1: { CapacityUnits: 0.5, ReadCapacityUnits: 0.5 } },
    });
    const meters = new CapacityMeters('TOTAL');
    meters.of('b').table(1, 'read');
    meters.of('a').table(1, 'write');
    meters.of('b').table(1, 'read');
    expect(meters.results()).toEqual([
      { TableName: 'b', CapacityUnits: 2, ReadCapacityUnits: 2 },
      { TableName: 'a', CapacityUnits: 1, WriteCapacityUnits: 1 },
    ]);
    expect(new CapacityMeters('NONE').results()).toBeUndefined();
  });
});
