/** Shared bits for the backup tests: a source table with both kinds of index, seeded through PutItem. */
import {
  CreateTableCommand,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  type AttributeValue,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';

export { expectError } from '../../../helpers/sdk-errors.js';
export { ddbClient, TestClock } from '../tables/helpers.js';

export type Item = Record<string, AttributeValue>;

export const S = (s: string): AttributeValue => ({ S: s });
export const N = (n: number): AttributeValue => ({ N: String(n) });

/** `…:table/<name>/backup/<14-digit epoch ms>-<8 hex>`, as AWS's ARNs look. */
export const BACKUP_ARN = /^arn:aws:dynamodb:us-east-1:\d{12}:table\/[\w.-]+\/backup\/\d{14}-[0-9a-f]{8}$/;

/**
 * `src`: pk (S) + sk (N); LSI `by-ls` on ls (KEYS_ONLY); GSI `by-g` on g + gs (INCLUDE note);
 * GSI `by-h` on h (ALL). PAY_PER_REQUEST unless throughput is given.
 */
export async function createSourceTable(ddb: DynamoDBClient, name: string, options: { provisioned?: boolean } = {}): Promise<void> {
  const pt = options.provisioned ? { ReadCapacityUnits: 7, WriteCapacityUnits: 3 } : undefined;
  await ddb.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'ls', AttributeType: 'S' },
        { AttributeName: 'g', AttributeType: 'S' },
        { AttributeName: 'gs', AttributeType: 'N' },
        { AttributeName: 'h', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'by-ls',
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'ls', KeyType: 'RANGE' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-g',
          KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'gs', KeyType: 'RANGE' }],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] },
          ProvisionedThroughput: pt && { ReadCapacityUnits: 2, WriteCapacityUnits: 1 },
        },
        {
          IndexName: 'by-h',
          KeySchema: [{ AttributeName: 'h', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
          ProvisionedThroughput: pt && { ReadCapacityUnits: 4, WriteCapacityUnits: 4 },
        },
      ],
      BillingMode: pt ? 'PROVISIONED' : 'PAY_PER_REQUEST',
      ProvisionedThroughput: pt,
    }),
  );
}

/** Item i of the source table: every third lacks g (sparse GSI), every fifth lacks h. */
export function sourceItem(i: number): Item {
  const item: Item = { pk: S(`p${i % 4}`), sk: N(i), ls: S(`l${(i * 7) % 11}`), note: S(`note ${i}`), body: S('x'.repeat(i * 3)) };
  if (i % 3 !== 0) {
    item.g = S(`g${i % 2}`);
    item.gs = N(100 - i);
  }
  if (i % 5 !== 0) item.h = S(`h${i % 3}`);
  return item;
}

export async function seed(ddb: DynamoDBClient, table: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await ddb.send(new PutItemCommand({ TableName: table, Item: sourceItem(i) }));
}

/** Every item of a table or index (paging through), sorted by pk then sk for comparison. */
export async function scanAll(ddb: DynamoDBClient, table: string, indexName?: string): Promise<Item[]> {
  const out: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await ddb.send(new ScanCommand({ TableName: table, IndexName: indexName, ExclusiveStartKey: start, Limit: 7 }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out.sort((a, b) => (a.pk!.S! < b.pk!.S! ? -1 : a.pk!.S! > b.pk!.S! ? 1 : Number(a.sk!.N) - Number(b.sk!.N)));
}

/** Every item a Query returns (paging through), in the Query's order. */
export async function queryAll(ddb: DynamoDBClient, input: QueryCommandInput): Promise<Item[]> {
  const out: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await ddb.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
