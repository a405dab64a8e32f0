/**
 * Streams in the form the DynamoDB Streams API carries them: a change record as GetRecords (and
 * Lambda event source mappings) deliver it, and a stream as DescribeStream describes it. The
 * shapes match the dynamodbstreams model's `Record` and `StreamDescription` member for member
 * (declared here so this service does not import another's generated types).
 * https://docs.aws.amazon.com/amazondynamodbstreams/latest/APIReference/API_Record.html
 * https://docs.aws.amazon.com/amazondynamodbstreams/latest/APIReference/API_StreamDescription.html
 */
import { keySchemaElements } from '../domain/table-description.js';
import { formatSequenceNumber, shardIdOf, type StreamUserIdentity } from '../domain/table-streams.js';
import type { StreamViewType } from '../domain/table-model.js';
import type { Item } from '../domain/types.js';
import type { KeySchemaElement } from '../generated/types.js';
import type { StoredStream, StoredStreamRecord, StreamEventName, StreamLog } from './streams.js';

export interface StreamsWireRecord {
  eventID: string;
  eventName: StreamEventName;
  eventVersion: string;
  eventSource: string;
  awsRegion: string;
  dynamodb: {
    ApproximateCreationDateTime: Date;
    Keys: Item;
    NewImage?: Item;
    OldImage?: Item;
    SequenceNumber: string;
    SizeBytes: number;
    StreamViewType: StreamViewType;
  };
  userIdentity?: StreamUserIdentity;
}

export function toStreamRecord(stream: StoredStream, record: StoredStreamRecord): StreamsWireRecord {
  const dynamodb: StreamsWireRecord['dynamodb'] = {
    // AWS rounds the creation time down to the second.
    ApproximateCreationDateTime: new Date(Math.floor(record.createdAt / 1000) * 1000),
    Keys: record.Keys,
    SequenceNumber: formatSequenceNumber(record.seq),
    SizeBytes: record.SizeBytes,
    StreamViewType: stream.viewType,
  };
  if (record.NewImage) dynamodb.NewImage = record.NewImage;
  if (record.OldImage) dynamodb.OldImage = record.OldImage;
  const out: StreamsWireRecord = {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: stream.region,
    dynamodb,
  };
  if (record.userIdentity) out.userIdentity = record.userIdentity;
  return out;
}

export interface StreamsWireDescription {
  StreamArn: string;
  StreamLabel: string;
  StreamStatus: 'ENABLED' | 'DISABLED';
  StreamViewType: StreamViewType;
  CreationRequestDateTime: Date;
  TableName: string;
  KeySchema: KeySchemaElement[];
  Shards: { ShardId: string; SequenceNumberRange: { StartingSequenceNumber: string; EndingSequenceNumber?: string } }[];
}

/**
 * DescribeStream's StreamDescription: one shard, starting at the oldest record within retention
 * (or where the next record will be), ending — closed — once the stream is disabled or its table
 * deleted. Shard paging (Limit, ExclusiveStartShardId) is trivial with one shard.
 */
export function describeStream(log: StreamLog, stream: StoredStream, nowMs: number): StreamsWireDescription {
  const latest = log.latestSeq(stream.id);
  const first = log.trimHorizon(stream.id, nowMs) ?? latest + 1;
  const range: StreamsWireDescription['Shards'][number]['SequenceNumberRange'] = { StartingSequenceNumber: formatSequenceNumber(first) };
  if (stream.closedAt !== undefined) range.EndingSequenceNumber = formatSequenceNumber(Math.max(first, latest));
  return {
    StreamArn: stream.arn,
    StreamLabel: stream.label,
    StreamStatus: stream.closedAt === undefined ? 'ENABLED' : 'DISABLED',
    StreamViewType: stream.viewType,
    CreationRequestDateTime: new Date(stream.createdAt),
    TableName: stream.tableName,
    KeySchema: keySchemaElements(stream.keySchema),
    Shards: [{ ShardId: shardIdOf(stream.arn, stream.createdAt), SequenceNumberRange: range }],
  };
}
