/**
 * The one door from the Streams API into DynamoDB's storage. Every import from `../dynamodb/`
 * is here, and nowhere else in this folder.
 *
 * Why the Streams API reads DynamoDB's store directly (an exception to "a service never imports
 * another service"): DynamoDB Streams is not a separate system in AWS either — it is a second
 * endpoint (`streams.dynamodb`) of DynamoDB, signed as `dynamodb`, authorized with `dynamodb:`
 * actions, over the change log DynamoDB writes in the same transaction as each item change. The
 * alternatives are worse: calling DynamoDB through the in-process client would need private
 * operations AWS does not have; copying records through events would keep the log twice and
 * could let the copies disagree. So both services share the one store of the database
 * (`dynamoStoreFor`, one instance per Database, which owns the sequence counters), and this
 * service uses only its documented read API (`store.streams`, `describeStream`, `toStreamRecord`)
 * and the pure stream identifiers — it never writes.
 */
import type { ServiceEnvironment } from '../service.js';
import { parseDynamoArn } from '../dynamodb/domain/table-arns.js';
import { formatSequenceNumber, parseSequenceNumber, shardIdOf, STREAM_RETENTION_MS } from '../dynamodb/domain/table-streams.js';
import { dynamoStoreFor, describeStream, toStreamRecord } from '../dynamodb/store/index.js';
import type { StoredStream, StoredStreamRecord } from '../dynamodb/store/index.js';
import type { StreamLog } from '../dynamodb/store/streams.js';

export { describeStream, formatSequenceNumber, parseDynamoArn, parseSequenceNumber, shardIdOf, STREAM_RETENTION_MS, toStreamRecord };
export type { StoredStream, StoredStreamRecord, StreamLog };

/** What the handlers get as `ctx.store`: DynamoDB's stream log (read-only use). */
export type StreamsStore = StreamLog;

/** The stream log of DynamoDB's store for this database: the same instance DynamoDB writes to. */
export function streamsStoreFor(env: Pick<ServiceEnvironment, 'db' | 'clock'>): StreamsStore {
  return dynamoStoreFor(env).streams;
}
