/**
 * Where CreateBucket puts a bucket, from its LocationConstraint and the Region the request was
 * signed for. us-east-1 takes no LocationConstraint (naming it is InvalidLocationConstraint); a
 * regional endpoint needs its own Region named; the us-east-1 (global) endpoint accepts any.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
 */
import { S3Errors } from './errors.js';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function bucketRegion(locationConstraint: string | undefined, requestRegion: string): string {
  if (locationConstraint === undefined || locationConstraint === '') {
    if (requestRegion === 'us-east-1') return 'us-east-1';
    throw S3Errors.illegalLocationConstraint('');
  }
  const region = locationConstraint === 'EU' ? 'eu-west-1' : locationConstraint;
  if (region === 'us-east-1' || !REGION.test(region)) throw S3Errors.invalidLocationConstraint(locationConstraint);
  if (requestRegion !== 'us-east-1' && region !== requestRegion) throw S3Errors.illegalLocationConstraint(locationConstraint);
  return region;
}

/** GetBucketLocation's answer: empty for us-east-1, else the Region. */
export function locationConstraintOf(region: string): string {
  return region === 'us-east-1' ? '' : region;
}
