import { DeleteBucketEncryptionCommand, GetBucketEncryptionCommand, PutBucketEncryptionCommand, type ServerSideEncryption } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();
const SSE_S3 = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] };

describe('S3 default bucket encryption', () => {
  it('is SSE-S3 until configured, echoes what is put, and returns to SSE-S3 when deleted', async () => {
    const bucket = await newBucket(nimbus, 'encryption');
    const s3 = s3Client(nimbus);
    const get = async () => (await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }))).ServerSideEncryptionConfiguration;
    expect(await get()).toEqual(SSE_S3);
    const kms = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' as const, KMSMasterKeyID: 'arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab' }, BucketKeyEnabled: true }] };
    await s3.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: kms }));
    expect(await get()).toEqual(kms);
    await s3.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } }));
    expect(await get()).toEqual(SSE_S3);
    expect((await s3.send(new DeleteBucketEncryptionCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
    expect(await get()).toEqual(SSE_S3);
  });

  it('refuses a KMS key with AES256 and unknown algorithms', async () => {
    const bucket = await newBucket(nimbus, 'encryption-bad');
    const s3 = s3Client(nimbus);
    const put = (SSEAlgorithm: string, KMSMasterKeyID?: string) =>
      s3.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: SSEAlgorithm as ServerSideEncryption, KMSMasterKeyID } }] } }));
    expect(await failure(put('AES256', 'some-key'))).toMatchObject({
      name: 'InvalidArgument',
      message: 'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse',
      status: 400,
    });
    expect(await failure(put('ROT13'))).toMatchObject({ name: 'MalformedXML', status: 400 });
    expect(await failure(s3Client(nimbus, OTHER_ACCOUNT).send(new GetBucketEncryptionCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});
