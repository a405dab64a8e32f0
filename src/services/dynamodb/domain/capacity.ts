/**
 * Capacity units, as DynamoDB charges them, and the ConsumedCapacity a request returns when it
 * asks for it (ReturnConsumedCapacity TOTAL or INDEXES). Nimbus enforces no throughput; the figures
 * are what the same request would have consumed on DynamoDB, so code that logs or budgets them
 * can be exercised locally.
 *
 * Reads: one unit per 4 KB (rounded up) strongly consistent, half that eventually consistent,
 * twice that in a transaction. Writes: one unit per 1 KB (rounded up), twice in a transaction.
 * A read that finds nothing and a write of a missing/identical item still cost the minimum unit.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html
 *
 * The wire shape: TOTAL gives TableName, CapacityUnits and ReadCapacityUnits or
 * WriteCapacityUnits; INDEXES adds Table and, for each index touched, LocalSecondaryIndexes /
 * GlobalSecondaryIndexes entries (each a Capacity with the same three members).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ConsumedCapacity.html
 */
import type { Capacity, ConsumedCapacity, ReturnConsumedCapacity } from '../generated/types.js';

const READ_UNIT_BYTES = 4096;
const WRITE_UNIT_BYTES = 1024;

/** Read capacity units for reading `bytes` (the sum of the item sizes read; 0 = nothing found). */
export function readUnits(bytes: number, consistent: boolean, transactional = false): number {
  const units = Math.max(1, Math.ceil(bytes / READ_UNIT_BYTES));
  const scaled = consistent || transactional ? units : units / 2;
  return transactional ? scaled * 2 : scaled;
}

/** Write capacity units for writing an item of `bytes` (the larger of the old and new images). */
export function writeUnits(bytes: number, transactional = false): number {
  const units = Math.max(1, Math.ceil(bytes / WRITE_UNIT_BYTES));
  return transactional ? units * 2 : units;
}

interface Tally {
  read: number;
  write: number;
}

/** Collects the units one request consumes on one table and its indexes. */
export class CapacityMeter {
  private readonly tableTally: Tally = { read: 0, write: 0 };
  private readonly localIndexes = new Map<string, Tally>();
  private readonly globalIndexes = new Map<string, Tally>();

  constructor(
    private readonly tableName: string,
    private readonly mode: ReturnConsumedCapacity | undefined,
  ) {}

  /** Whether the request asked for ConsumedCapacity at all (callers may skip size work if not). */
  get enabled(): boolean {
    return this.mode === 'TOTAL' || this.mode === 'INDEXES';
  }

  table(units: number, kind: 'read' | 'write'): void {
    this.tableTally[kind] += units;
  }

  index(name: string, global: boolean, units: number, kind: 'read' | 'write'): void {
    const tallies = global ? this.globalIndexes : this.localIndexes;
    let tally = tallies.get(name);
    if (!tally) {
      tally = { read: 0, write: 0 };
      tallies.set(name, tally);
    }
    tally[kind] += units;
  }

  result(): ConsumedCapacity | undefined {
    if (!this.enabled) return undefined;
    const total: Tally = { ...this.tableTally };
    for (const tally of [...this.localIndexes.values(), ...this.globalIndexes.values()]) {
      total.read += tally.read;
      total.write += tally.write;
    }
    const consumed: ConsumedCapacity = { TableName: this.tableName, ...capacityOf(total) };
    if (this.mode !== 'INDEXES') return consumed;
    consumed.Table = capacityOf(this.tableTally);
    if (this.localIndexes.size > 0) consumed.LocalSecondaryIndexes = capacities(this.localIndexes);
    if (this.globalIndexes.size > 0) consumed.GlobalSecondaryIndexes = capacities(this.globalIndexes);
    return consumed;
  }
}

function capacityOf(tally: Tally): Capacity {
  const capacity: Capacity = { CapacityUnits: tally.read + tally.write };
  if (tally.read > 0) capacity.ReadCapacityUnits = tally.read;
  if (tally.write > 0) capacity.WriteCapacityUnits = tally.write;
  return capacity;
}

function capacities(tallies: Map<string, Tally>): Record<string, Capacity> {
  const out: Record<string, Capacity> = {};
  for (const [name, tally] of tallies) out[name] = capacityOf(tally);
  return out;
}

/** One CapacityMeter per table, for the operations that answer a ConsumedCapacity list (batches, transactions). */
export class CapacityMeters {
  private readonly meters = new Map<string, CapacityMeter>();

  constructor(private readonly mode: ReturnConsumedCapacity | undefined) {}

  get enabled(): boolean {
    return this.mode === 'TOTAL' || this.mode === 'INDEXES';
  }

  /** The meter of a table, named as the request named it (name or ARN); created in first-use order. */
  of(tableName: string): CapacityMeter {
    let meter = this.meters.get(tableName);
    if (!meter) {
      meter = new CapacityMeter(tableName, this.mode);
      this.meters.set(tableName, meter);
    }
    return meter;
  }

  results(): ConsumedCapacity[] | undefined {
    if (!this.enabled) return undefined;
    return [...this.meters.values()].map((m) => m.result()!);
  }
}
