/**
 * Every error the Streams API answers, with its message, defined once.
 *
 * AWS documents the exception names but few messages. Where a message below is AWS's own it says
 * so; the others are marked "(Nimbus wording)" — AWS does not publish them, and DynamoDB Streams
 * shares its design with Kinesis Data Streams, so those follow Kinesis's wording for the same
 * situation with DynamoDB Streams' parameter names.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB_Streams.html
 */
import { ServiceError } from '../../../shared/errors.js';
import { ExpiredIteratorException, ResourceNotFoundException, TrimmedDataAccessException } from '../generated/errors.js';
import { javaDateString } from './java-date.js';

/** ValidationException is common to every JSON service, so it is not in the generated errors. */
export function validationError(message: string): ServiceError {
  return new ServiceError('ValidationException', message, { statusCode: 400 });
}

/** AWS's message (DescribeTable's sibling "Requested resource not found: Table: … not found"). */
export function streamNotFound(streamArn: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Requested resource not found: Stream: ${streamArn} not found`);
}

/** AWS's message for a ShardId the stream does not have, as stream consumers' tests reproduce it. */
export function shardNotFound(): ResourceNotFoundException {
  return new ResourceNotFoundException('Requested resource not found: Shard does not exist');
}

/**
 * AWS's message for a StreamArn that is not a stream ARN at all (the AWS SDK for JavaScript's
 * integration test against AWS matches it). Nimbus answers it for a bad ExclusiveStartStreamArn too.
 */
export function invalidStreamArn(): ServiceError {
  return validationError('Invalid StreamArn');
}

/** A ShardIterator Nimbus did not issue (Nimbus wording). */
export function invalidShardIterator(): ServiceError {
  return validationError('Invalid ShardIterator');
}

/** SequenceNumber given with TRIM_HORIZON/LATEST, or missing with AT_/AFTER_SEQUENCE_NUMBER (Kinesis's wording). */
export function sequenceNumberMismatch(iteratorType: string, given: boolean): ServiceError {
  return validationError(
    'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and SequenceNumber or ' +
      '(2) TRIM_HORIZON or LATEST and no SequenceNumber. ' +
      `Request specified ${iteratorType} and ${given ? 'also a' : 'no'} SequenceNumber.`,
  );
}

/** A SequenceNumber that is not one of this shard's (not a number Nimbus issued, or past its end) (Kinesis's wording). */
export function invalidSequenceNumber(sequenceNumber: string, shardId: string, streamArn: string): ServiceError {
  return validationError(`SequenceNumber ${sequenceNumber} used in GetShardIterator on shard ${shardId} in stream ${streamArn} is invalid.`);
}

/**
 * A position older than the 24-hour trim horizon (a sequence number, or an iterator whose records
 * were trimmed before it was used). The message as AWS answers it.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
 */
export function trimmedDataAccess(): TrimmedDataAccessException {
  return new TrimmedDataAccessException('The data you are trying to access has been trimmed');
}

/**
 * An iterator older than 15 minutes. Kinesis's message with DynamoDB Streams' 15-minute lifetime;
 * times as Java's Date prints them ("Thu Dec 10 01:59:39 UTC 2015").
 */
export function expiredIterator(createdAtMs: number, nowMs: number, lifetimeMs: number): ExpiredIteratorException {
  return new ExpiredIteratorException(
    `Iterator expired. The iterator was created at time ${javaDateString(createdAtMs)} while right now it is ${javaDateString(nowMs)} ` +
      `which is further in the future than the tolerated delay of ${lifetimeMs} milliseconds.`,
  );
}

/**
 * A Limit above the documented maximum (the model states only the minimum), in the validator's
 * wording; DynamoDB's validator quotes numbers.
 */
export function limitTooHigh(value: number, max: number): ServiceError {
  return validationError(`1 validation error detected: Value '${value}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
}
