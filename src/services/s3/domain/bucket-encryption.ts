/**
 * Default bucket encryption (PutBucketEncryption). Since January 2023 every bucket encrypts new
 * objects with SSE-S3 (AES256) unless configured otherwise, so GetBucketEncryption always answers
 * a configuration: the one put, else the AES256 default (AWS no longer returns
 * ServerSideEncryptionConfigurationNotFoundError). Nimbus stores bytes unencrypted; the
 * configuration is echoed, and new objects report it (domain/encryption.ts reads the same
 * document).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html
 */
import type { ServerSideEncryptionConfiguration } from '../generated/types.js';
import { S3Errors } from './errors.js';

const ALGORITHMS: ReadonlySet<string> = new Set(['AES256', 'aws:kms', 'aws:kms:dsse']);

/** What a bucket without a configuration encrypts with (a new object each call: callers may change it). */
export function defaultBucketEncryption(): ServerSideEncryptionConfiguration {
  return { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] };
}

/** Checks PutBucketEncryption's body and returns it as stored. */
export function validateBucketEncryption(config: ServerSideEncryptionConfiguration | undefined): ServerSideEncryptionConfiguration {
  const rules = config?.Rules;
  if (!rules || rules.length === 0) throw S3Errors.malformedXml();
  return {
    Rules: rules.map((rule) => {
      const byDefault = rule.ApplyServerSideEncryptionByDefault;
      if (byDefault) {
        if (!ALGORITHMS.has(byDefault.SSEAlgorithm)) throw S3Errors.malformedXml();
        if (byDefault.KMSMasterKeyID !== undefined && byDefault.SSEAlgorithm === 'AES256') {
          throw S3Errors.invalidArgument('a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse', 'ApplyServerSideEncryptionByDefault');
        }
      }
      return { ...rule, BucketKeyEnabled: rule.BucketKeyEnabled ?? false };
    }),
  };
}

/** The configuration in force for a stored document. */
export function effectiveBucketEncryption(stored: ServerSideEncryptionConfiguration | undefined): ServerSideEncryptionConfiguration {
  return stored ?? defaultBucketEncryption();
}
