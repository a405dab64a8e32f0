/**
 * The bucket's Block Public Access settings. A flag left out of PutPublicAccessBlock is false,
 * and GetPublicAccessBlock answers all four.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
 */
import type { PublicAccessBlockConfiguration } from '../generated/types.js';
import { S3Errors } from './errors.js';

export type PublicAccessBlock = Required<PublicAccessBlockConfiguration>;

export const NO_PUBLIC_ACCESS_BLOCK: PublicAccessBlock = Object.freeze({
  BlockPublicAcls: false,
  IgnorePublicAcls: false,
  BlockPublicPolicy: false,
  RestrictPublicBuckets: false,
});

/** What PutPublicAccessBlock stores: every flag, false where the request left it out. */
export function normalizePublicAccessBlock(config: PublicAccessBlockConfiguration | undefined): PublicAccessBlock {
  if (!config) throw S3Errors.malformedXml();
  return {
    BlockPublicAcls: config.BlockPublicAcls === true,
    IgnorePublicAcls: config.IgnorePublicAcls === true,
    BlockPublicPolicy: config.BlockPublicPolicy === true,
    RestrictPublicBuckets: config.RestrictPublicBuckets === true,
  };
}

/** The settings in force for a stored document (none stored: nothing is blocked). */
export function effectivePublicAccessBlock(stored: PublicAccessBlock | undefined): PublicAccessBlock {
  return stored ?? NO_PUBLIC_ACCESS_BLOCK;
}
