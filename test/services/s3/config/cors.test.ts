import { DeleteBucketCorsCommand, GetBucketCorsCommand, PutBucketCorsCommand, type CORSRule } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();
let bucket: string;

beforeAll(async () => {
  bucket = await newBucket(nimbus, 'cors');
});

const put = (CORSRules: CORSRule[]) => s3Client(nimbus).send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules } }));

describe('S3 bucket CORS', () => {
  it('puts and reads rules in order, then deletes them', async () => {
    const rules: CORSRule[] = [
      { ID: 'uploads', AllowedOrigins: ['https://*.example.com'], AllowedMethods: ['PUT', 'POST', 'DELETE'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag', 'x-amz-request-id'], MaxAgeSeconds: 3000 },
      { AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'] },
    ];
    await put(rules);
    const s3 = s3Client(nimbus);
    expect((await s3.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules).toEqual(rules);
    expect((await s3.send(new DeleteBucketCorsCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
    expect(await failure(s3.send(new GetBucketCorsCommand({ Bucket: bucket })))).toEqual({
      name: 'NoSuchCORSConfiguration',
      message: 'The CORS configuration does not exist',
      status: 404,
      fields: { BucketName: bucket },
    });
  });

  it('refuses what AWS refuses', async () => {
    const ok = { AllowedOrigins: ['*'], AllowedMethods: ['GET'] };
    const cases: [CORSRule[], string, string][] = [
      [[{ AllowedOrigins: ['*'], AllowedMethods: ['GET', 'PATCH'] }], 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is PATCH'],
      [[{ AllowedOrigins: ['*'], AllowedMethods: ['get'] }], 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is get'],
      [[{ AllowedOrigins: ['https://*.example.*'], AllowedMethods: ['GET'] }], 'InvalidRequest', 'AllowedOrigin "https://*.example.*" can not have more than one wildcard.'],
      [[{ ...ok, AllowedHeaders: ['x-*-*'] }], 'InvalidRequest', 'AllowedHeader "x-*-*" can not have more than one wildcard.'],
      [[{ ...ok, ExposeHeaders: ['x-amz-*'] }], 'InvalidRequest', 'ExposeHeader "x-amz-*" contains wildcard. We currently do not support wildcard for ExposeHeader'],
      [[], 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema'],
      [Array.from({ length: 101 }, () => ok), 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema'],
    ];
    for (const [rules, name, message] of cases) {
      expect(await failure(put(rules)), message).toMatchObject({ name, message, status: 400 });
    }
    await put(Array.from({ length: 100 }, () => ok));
  });

  it('is the owner’s to configure', async () => {
    const other = s3Client(nimbus, OTHER_ACCOUNT);
    expect(await failure(other.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] } })))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
    });
    expect(await failure(s3Client(nimbus).send(new GetBucketCorsCommand({ Bucket: 'no-such-bucket-cors' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });
});
