/**
 * Amazon DynamoDB Streams (json 1.0, `X-Amz-Target: DynamoDBStreams_20120810.*`, signed as
 * `dynamodb`): reading the change log DynamoDB writes with every item change. Handlers are in
 * operations/, pure rules (iterators, positions, messages) in domain/, and dynamodb-store.ts is
 * the one place that reaches into DynamoDB's store (why: see that file and README.md).
 */
import { defineService } from '../service.js';
import { authorization } from './authorization.js';
import { streamsStoreFor, type StreamsStore } from './dynamodb-store.js';
import type { Operations } from './generated/operations.js';
import { describeStream } from './operations/describe-stream.js';
import { getRecords } from './operations/get-records.js';
import { getShardIterator } from './operations/get-shard-iterator.js';
import { listStreams } from './operations/list-streams.js';

export const dynamodbstreams = defineService<Operations, StreamsStore>({
  model: 'dynamodbstreams',
  // No migrations: the tables are DynamoDB's, migrated by its service (set up before this one:
  // services start in catalog order, dynamodb first).
  createStore: streamsStoreFor,
  authorization,
  iamPrefix: 'dynamodb',
  // DynamoDB's validator, numbers quoted: "Value '0' at 'limit' failed to satisfy constraint: …".
  validation: { kind: 'coral', code: 'ValidationException', enums: true, quoteNumbers: true },
  handlers: {
    ListStreams: listStreams,
    DescribeStream: describeStream,
    GetShardIterator: getShardIterator,
    GetRecords: getRecords,
  },
});
