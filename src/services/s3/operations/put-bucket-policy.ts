import { validateBucketPolicy } from '../domain/bucket-policy.js';
import { S3Errors } from '../domain/errors.js';
import { isPublicPolicy } from '../domain/policy-status.js';
import { effectivePublicAccessBlock, type PublicAccessBlock } from '../domain/public-access-block.js';
import type { PutBucketPolicyRequest } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/** How a stored bucket policy looks: the text exactly as the caller sent it. */
export interface StoredBucketPolicy {
  text: string;
}

/**
 * Sets the bucket policy, stored and returned verbatim. `ConfirmRemoveSelfBucketAccess` is
 * accepted and has nothing to do: a bucket policy never locks the owner's root out in Nimbus.
 * With BlockPublicPolicy on, a public policy is refused with AccessDenied.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketPolicy.html
 */
export function putBucketPolicy(input: PutBucketPolicyRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'policy', (bucket): StoredBucketPolicy => {
    const text = input.Policy ?? '';
    validateBucketPolicy(text, bucket.name);
    const block = effectivePublicAccessBlock(ctx.store.configs.get<PublicAccessBlock>(bucket, 'public-access-block'));
    if (block.BlockPublicPolicy && isPublicPolicy(text)) {
      throw S3Errors.accessDenied(
        `User: ${ctx.caller.arn} is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket.name}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
      );
    }
    return { text };
  });
}
