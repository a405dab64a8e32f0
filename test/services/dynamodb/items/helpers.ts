/** Shared bits for the DynamoDB item operation tests: tables created through the SDK. */
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TestNimbus } from '../../../helpers/nimbus.js';
import { ddbClient } from '../tables/helpers.js';

export { ddbClient, expectError } from '../tables/helpers.js';

export function docClient(nimbus: TestNimbus): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(ddbClient(nimbus), { marshallOptions: { removeUndefinedValues: true } });
}

/** `pk` (S) only. */
export async function hashTable(ddb: DynamoDBClient, name: string): Promise<void> {
  await ddb.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

/**
 * `pk` (S) + `sk` (N), an LSI `by-lsi` on `lsk` (S, INCLUDE `extra`), a GSI `by-gsi` on `gk` (S)
 * + `gs` (N) projecting ALL, and a GSI `by-num` on `gk` (S) KEYS_ONLY.
 */
export async function indexedTable(ddb: DynamoDBClient, name: string): Promise<void> {
  await ddb.send(
    new CreateTableCommand({
      TableName: name,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'lsk', AttributeType: 'S' },
        { AttributeName: 'gk', AttributeType: 'S' },
        { AttributeName: 'gs', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'by-lsi',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'lsk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['extra'] },
        },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-gsi',
          KeySchema: [
            { AttributeName: 'gk', KeyType: 'HASH' },
            { AttributeName: 'gs', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        { IndexName: 'by-num', KeySchema: [{ AttributeName: 'gk', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}
