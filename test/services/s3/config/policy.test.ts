import {
  DeleteBucketPolicyCommand,
  DeletePublicAccessBlockCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  PutBucketPolicyCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();
let bucket: string;

beforeAll(async () => {
  bucket = await newBucket(nimbus, 'policy');
  // New buckets refuse public policies (BlockPublicPolicy); the tests below put some.
  await s3Client(nimbus).send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
});

const put = (Policy: string) => s3Client(nimbus).send(new PutBucketPolicyCommand({ Bucket: bucket, Policy }));
const statement = (s: Record<string, unknown>) => JSON.stringify({ Version: '2012-10-17', Statement: [s] });
const publicRead = () => statement({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` });
const isPublic = async () => (await s3Client(nimbus).send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))).PolicyStatus?.IsPublic;

describe('S3 bucket policy', () => {
  it('stores the text verbatim and deletes it', async () => {
    const s3 = s3Client(nimbus);
    const text = `{\n  "Version": "2012-10-17",\n  "Id": "keep my   spacing",\n  "Statement": [{"Sid": "Read", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::${OTHER_ACCOUNT}:root"},\n   "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::${bucket}", "arn:aws:s3:::${bucket}/*"]}]\n}`;
    await s3.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: text, ConfirmRemoveSelfBucketAccess: true }));
    expect((await s3.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy).toBe(text);
    expect(await isPublic()).toBe(false);
    expect((await s3.send(new DeleteBucketPolicyCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
    for (const call of [s3.send(new GetBucketPolicyCommand({ Bucket: bucket })), s3.send(new GetBucketPolicyStatusCommand({ Bucket: bucket }))]) {
      expect(await failure(call)).toEqual({ name: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist', status: 404, fields: { BucketName: bucket } });
    }
  });

  it('refuses malformed policies with S3’s messages', async () => {
    const allow = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` };
    const cases: [string, string][] = [
      [' {"Statement":[]}', "Policies must be valid JSON and the first byte must be '{'"],
      ['{"Statement": [', 'This policy contains invalid Json'],
      ['{"Version":"2012-10-17"}', 'Missing required field Statement'],
      ['{"Version":"2012-10-17","Statement":[]}', 'Could not parse the policy: Statement is empty!'],
      [JSON.stringify({ Version: '2020-01-01', Statement: [allow] }), 'The policy must contain a valid version string'],
      [statement({ ...allow, Effect: undefined }), 'Missing required field Effect'],
      [statement({ ...allow, Effect: 'allow' }), 'Invalid effect: allow'],
      [statement({ ...allow, Principal: undefined }), 'Missing required field Principal'],
      [statement({ ...allow, Principal: { AWS: 'alice' } }), 'Invalid principal in policy'],
      [statement({ ...allow, Principal: 'someone' }), 'Invalid principal in policy'],
      [statement({ ...allow, Action: 'sqs:SendMessage' }), 'Policy has invalid action'],
      [statement({ ...allow, Resource: 'arn:aws:s3:::some-other-bucket/*' }), 'Policy has invalid resource'],
      [statement({ ...allow, Resource: '*' }), 'Policy has invalid resource'],
      [statement({ ...allow, Resource: `arn:aws:s3:::${bucket}` }), 'Action does not apply to any resource(s) in statement'],
      [statement({ ...allow, Action: 's3:ListBucket' }), 'Action does not apply to any resource(s) in statement'],
    ];
    for (const [policy, message] of cases) {
      expect(await failure(put(policy)), message).toMatchObject({ name: 'MalformedPolicy', message, status: 400 });
    }
  });

  it('judges public policies as AWS defines them', async () => {
    await put(publicRead());
    expect(await isPublic()).toBe(true);
    const restricted = (condition: Record<string, unknown>) =>
      statement({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*`, Condition: condition });
    await put(restricted({ IpAddress: { 'aws:SourceIp': ['192.0.2.0/24', '203.0.113.7/32'] } }));
    expect(await isPublic()).toBe(false);
    await put(restricted({ StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } }));
    expect(await isPublic()).toBe(false);
    await put(restricted({ StringLike: { 'aws:SourceArn': 'arn:aws:sns:*' } }));
    expect(await isPublic()).toBe(true);
    await put(restricted({ IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } }));
    expect(await isPublic()).toBe(true);
    await put(restricted({ StringEqualsIfExists: { 'aws:SourceAccount': '123456789012' } }));
    expect(await isPublic()).toBe(true);
    await put(statement({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: `arn:aws:s3:::${bucket}/*`, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(await isPublic()).toBe(false);
  });

  it('refuses public policies under BlockPublicPolicy, and only those', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicPolicy: true } }));
    expect(await failure(put(publicRead()))).toMatchObject({
      name: 'AccessDenied',
      status: 403,
      message: `User: arn:aws:iam::000000000000:root is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    });
    await put(statement({ Effect: 'Allow', Principal: { AWS: OTHER_ACCOUNT }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }));
    await s3.send(new DeletePublicAccessBlockCommand({ Bucket: bucket }));
    await put(publicRead());
  });

  it('is the owner’s to configure', async () => {
    const other = s3Client(nimbus, OTHER_ACCOUNT);
    expect(await failure(other.send(new GetBucketPolicyCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(other.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: publicRead() })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(s3Client(nimbus).send(new DeleteBucketPolicyCommand({ Bucket: 'no-such-bucket-policy' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });
});
