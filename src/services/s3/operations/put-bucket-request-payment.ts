import { S3Errors } from '../domain/errors.js';
import type { PutBucketRequestPaymentRequest, RequestPaymentConfiguration } from '../generated/types.js';
import { putConfig, type Ctx } from './config-bucket.js';

/**
 * Sets who pays for requests: BucketOwner or Requester. Stored only (nothing is billed).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketRequestPayment.html
 */
export function putBucketRequestPayment(input: PutBucketRequestPaymentRequest, ctx: Ctx): Promise<Record<string, never>> {
  return putConfig(ctx, input, 'request-payment', (): RequestPaymentConfiguration => {
    const payer = input.RequestPaymentConfiguration?.Payer;
    if (payer !== 'BucketOwner' && payer !== 'Requester') throw S3Errors.malformedXml();
    return { Payer: payer };
  });
}
