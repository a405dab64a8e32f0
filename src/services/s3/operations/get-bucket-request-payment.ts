import type { GetBucketRequestPaymentOutput, GetBucketRequestPaymentRequest, RequestPaymentConfiguration } from '../generated/types.js';
import { readConfig, type Ctx } from './config-bucket.js';

/**
 * Who pays for requests to the bucket: BucketOwner unless set to Requester.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketRequestPayment.html
 */
export function getBucketRequestPayment(input: GetBucketRequestPaymentRequest, ctx: Ctx): GetBucketRequestPaymentOutput {
  const { config } = readConfig<RequestPaymentConfiguration>(ctx, input, 'request-payment');
  return { Payer: config?.Payer ?? 'BucketOwner' };
}
