/**
 * What each DynamoDB Streams operation needs from IAM. The actions are DynamoDB's
 * (`dynamodb:DescribeStream`, `dynamodb:GetShardIterator`, `dynamodb:GetRecords`,
 * `dynamodb:ListStreams`); the first three act on the stream
 * (`arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>`), ListStreams on `*`.
 * GetRecords names its stream through the iterator, which carries the stream ARN.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html
 */
import type { OperationAuthorization } from '../service.js';
import type { StreamsStore } from './dynamodb-store.js';
import { decodeShardIterator } from './domain/shard-iterator.js';
import type { Operations } from './generated/operations.js';

type Table = { [K in keyof Operations]?: OperationAuthorization<Operations[K]['input'], StreamsStore> };

export const authorization: Table = {
  ListStreams: {},
  DescribeStream: { resources: (input) => input.StreamArn },
  GetShardIterator: { resources: (input) => input.StreamArn },
  // An iterator Nimbus did not issue names no stream; the handler answers "Invalid ShardIterator".
  GetRecords: { resources: (input) => decodeShardIterator(input.ShardIterator)?.streamArn ?? '*' },
};
