/** The kill -9 test's table, its requests on the wire, and whole-table, whole-index and whole-stream reads. */
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { GetRecordsCommand, type _Record, type DynamoDBStreamsClient, type GetRecordsCommandOutput } from '@aws-sdk/client-dynamodb-streams';
import { iterator } from '../../dynamodbstreams/helpers.js';
import { batchRequests, SHARED_KEY, TABLE, transactItems, updateParams, type Item, type Key, type Op } from './write-model.js';

/** `pk` (S) + `sk` (N); the indexes of write-model.ts INDEXES; a NEW_AND_OLD_IMAGES stream. */
export async function createLoadTable(ddb: DynamoDBClient): Promise<void> {
  await ddb.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
        { AttributeName: 'gk', AttributeType: 'S' },
        { AttributeName: 'gs', AttributeType: 'N' },
        { AttributeName: 'lsk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'by-g',
          KeySchema: [
            { AttributeName: 'gk', KeyType: 'HASH' },
            { AttributeName: 'gs', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['n', 'rev'] },
        },
        { IndexName: 'by-gk', KeySchema: [{ AttributeName: 'gk', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'by-l',
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'lsk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
}

/** Sends one request of the load. */
export async function send(ddb: DynamoDBClient, op: Op): Promise<void> {
  switch (op.kind) {
    case 'put':
      await ddb.send(new PutItemCommand({ TableName: TABLE, Item: op.item }));
      return;
    case 'update':
      await ddb.send(new UpdateItemCommand({ TableName: TABLE, ...updateParams(op.update) }));
      return;
    case 'delete':
      await ddb.send(new DeleteItemCommand({ TableName: TABLE, Key: op.key }));
      return;
    case 'transact':
      await ddb.send(new TransactWriteItemsCommand({ ClientRequestToken: op.token, TransactItems: transactItems(op.actions) }));
      return;
    case 'batch': {
      const out = await ddb.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: batchRequests(op.actions) } }));
      // Unprocessed items would be writes that were not made: the model could not tell.
      if (Object.keys(out.UnprocessedItems ?? {}).length) throw new Error(`BatchWriteItem left items unprocessed: ${JSON.stringify(out.UnprocessedItems)}`);
      return;
    }
    case 'shared':
      await ddb.send(new UpdateItemCommand({ TableName: TABLE, Key: SHARED_KEY, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } }));
      return;
  }
}

/**
 * Whether a request failed because the server went away, rather than because Nimbus refused it.
 * A refusal carries the status of an AWS error (4xx, or 5xx for a server fault); a dead server
 * sends nothing (no status: ECONNRESET, "socket hang up", ECONNREFUSED …). A 2xx whose body was
 * cut off by the kill also counts: the write was answered, so it had committed, which the model
 * allows for a request in flight.
 */
export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === undefined || (status >= 200 && status < 300);
}

/** A short description of a failure, for messages. */
export function describeFailure(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const { code, $metadata } = e as { code?: string; $metadata?: { httpStatusCode?: number } };
  return `${e.name}${code ? ` ${code}` : ''}${$metadata?.httpStatusCode ? ` (HTTP ${$metadata.httpStatusCode})` : ''}: ${e.message}`;
}

/** Every item of the table (or of an index), with a consistent Scan where that is allowed. */
export async function scanAll(ddb: DynamoDBClient, options: { IndexName?: string }): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await ddb.send(
      new ScanCommand({ TableName: TABLE, IndexName: options.IndexName, ExclusiveStartKey: start, ConsistentRead: options.IndexName?.startsWith('by-g') ? undefined : true }),
    );
    items.push(...((out.Items ?? []) as Item[]));
    start = out.LastEvaluatedKey as Item | undefined;
  } while (start);
  return items;
}

export async function getItem(ddb: DynamoDBClient, key: Key): Promise<Item | undefined> {
  return (await ddb.send(new GetItemCommand({ TableName: TABLE, Key: key, ConsistentRead: true }))).Item as Item | undefined;
}

export async function streamArnOf(ddb: DynamoDBClient): Promise<string> {
  return (await ddb.send(new DescribeTableCommand({ TableName: TABLE }))).Table!.LatestStreamArn!;
}

/**
 * The stream from TRIM_HORIZON (or after `afterSequenceNumber`), read as a poller does until a
 * call returns nothing.
 */
export async function readStream(streams: DynamoDBStreamsClient, arn: string, afterSequenceNumber?: string): Promise<_Record[]> {
  const records: _Record[] = [];
  let next: string | undefined = await iterator(streams, arn, afterSequenceNumber ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON', afterSequenceNumber);
  while (next) {
    const out: GetRecordsCommandOutput = await streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: 1000 }));
    if (!out.Records?.length) break;
    records.push(...out.Records);
    next = out.NextShardIterator;
  }
  return records;
}

/**
 * A consumer polling the stream while the load runs, until a call fails (the server died): what
 * it read, in order. Small pages, so it reads many times over the load.
 */
export async function pollStream(streams: DynamoDBStreamsClient, arn: string): Promise<_Record[]> {
  const records: _Record[] = [];
  try {
    let next: string | undefined = await iterator(streams, arn, 'TRIM_HORIZON');
    while (next) {
      const out: GetRecordsCommandOutput = await streams.send(new GetRecordsCommand({ ShardIterator: next, Limit: 50 }));
      records.push(...(out.Records ?? []));
      next = out.NextShardIterator;
      if (!out.Records?.length) await new Promise((r) => setTimeout(r, 10));
    }
  } catch (e) {
    if (!isConnectionError(e)) throw e;
  }
  return records;
}
