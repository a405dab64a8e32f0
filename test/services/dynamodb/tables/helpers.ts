/** Shared bits for the DynamoDB control-plane and store tests. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestNimbus } from '../../../helpers/nimbus.js';
import { Database } from '../../../../src/storage/index.js';
import { DynamoStore, migrations, type NewIndex } from '../../../../src/services/dynamodb/store/index.js';
import type { Scope, StreamViewType, TableRecord } from '../../../../src/services/dynamodb/domain/table-model.js';
import type { KeySchema } from '../../../../src/services/dynamodb/domain/types.js';

export function ddbClient(nimbus: TestNimbus, overrides: Record<string, unknown> = {}): DynamoDBClient {
  return new DynamoDBClient(nimbus.clientConfig(overrides));
}

export { expectError, type SdkError } from '../../../helpers/sdk-errors.js';

/** A clock tests move by hand. */
export class TestClock {
  constructor(public ms = Date.UTC(2024, 4, 1, 12, 0, 0)) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const SCOPE: Scope = { accountId: '000000000000', region: 'us-east-1' };

/** A store over a fresh in-memory database. */
export function newStore(clock = new TestClock()): { db: Database; store: DynamoStore; clock: TestClock } {
  const db = new Database();
  db.migrate('dynamodb', migrations);
  return { db, store: new DynamoStore(db, clock), clock };
}

export interface TableSpec {
  key: KeySchema;
  indexes?: NewIndex[];
  stream?: StreamViewType;
  scope?: Scope;
}

/** Creates a table directly in the store (PAY_PER_REQUEST). */
export function createStoreTable(store: DynamoStore, clock: TestClock, name: string, spec: TableSpec): Promise<TableRecord> {
  const attrs = new Map<string, 'S' | 'N' | 'B'>();
  for (const k of [spec.key, ...(spec.indexes ?? []).map((i) => i.key)]) {
    attrs.set(k.hash.name, k.hash.type);
    if (k.range) attrs.set(k.range.name, k.range.type);
  }
  return store.write(() =>
    store.admin.create(spec.scope ?? SCOPE, name, {
      tableId: `id-${name}`,
      arn: `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`,
      createdAt: clock.ms,
      key: spec.key,
      attributeDefinitions: [...attrs].map(([n, type]) => ({ name: n, type })),
      indexes: spec.indexes ?? [],
      billingMode: 'PAY_PER_REQUEST',
      tableClass: 'STANDARD',
      deletionProtection: false,
      tags: [],
      streamViewType: spec.stream,
    }),
  );
}
