/** Shared bits for the Query and Scan tests: tables and seeding through PutItem. */
import {
  CreateTableCommand,
  PutItemCommand,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type LocalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type Item = Record<string, AttributeValue>;

export const S = (s: string): AttributeValue => ({ S: s });
export const N = (n: number | string): AttributeValue => ({ N: String(n) });
export const B = (bytes: number[] | Uint8Array): AttributeValue => ({ B: Uint8Array.from(bytes) });

const HASH = (AttributeName: string) => ({ AttributeName, KeyType: 'HASH' as const });
const RANGE = (AttributeName: string) => ({ AttributeName, KeyType: 'RANGE' as const });

export interface KeySpec {
  hash: [string, 'S' | 'N' | 'B'];
  range?: [string, 'S' | 'N' | 'B'];
}

export function keySchema(k: KeySpec) {
  return k.range ? [HASH(k.hash[0]), RANGE(k.range[0])] : [HASH(k.hash[0])];
}

export interface IndexSpec extends KeySpec {
  name: string;
  kind: 'LSI' | 'GSI';
  projection: 'ALL' | 'KEYS_ONLY' | string[];
}

/** Creates a PAY_PER_REQUEST table with the given key and indexes. */
export async function createTable(ddb: DynamoDBClient, name: string, key: KeySpec, indexes: IndexSpec[] = []): Promise<void> {
  const defs = new Map<string, 'S' | 'N' | 'B'>();
  for (const k of [key, ...indexes]) {
    defs.set(k.hash[0], k.hash[1]);
    if (k.range) defs.set(k.range[0], k.range[1]);
  }
  const projection = (p: IndexSpec['projection']) =>
    Array.isArray(p) ? { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: p } : { ProjectionType: p };
  const lsis: LocalSecondaryIndex[] = indexes
    .filter((i) => i.kind === 'LSI')
    .map((i) => ({ IndexName: i.name, KeySchema: keySchema(i), Projection: projection(i.projection) }));
  const gsis: GlobalSecondaryIndex[] = indexes
    .filter((i) => i.kind === 'GSI')
    .map((i) => ({ IndexName: i.name, KeySchema: keySchema(i), Projection: projection(i.projection) }));
  const input: CreateTableCommandInput = {
    TableName: name,
    AttributeDefinitions: [...defs].map(([AttributeName, AttributeType]): AttributeDefinition => ({ AttributeName, AttributeType })),
    KeySchema: keySchema(key),
    BillingMode: 'PAY_PER_REQUEST',
  };
  if (lsis.length) input.LocalSecondaryIndexes = lsis;
  if (gsis.length) input.GlobalSecondaryIndexes = gsis;
  await ddb.send(new CreateTableCommand(input));
}

/** Puts items (a few at a time, concurrently). */
export async function putItems(ddb: DynamoDBClient, table: string, items: Item[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    await Promise.all(items.slice(i, i + 25).map((Item) => ddb.send(new PutItemCommand({ TableName: table, Item }))));
  }
}

/** A string of `n` bytes. */
export const filler = (n: number): string => 'x'.repeat(n);
