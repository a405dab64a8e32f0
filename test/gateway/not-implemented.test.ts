/**
 * An operation Nimbus has no handler for answers an AWS-shaped 501 NotImplemented naming the
 * operation, in the envelope of its service's protocol — never a fake success. Each protocol
 * family is checked with its official SDK v3 client, which must parse the error.
 */
import { CloudWatchClient, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { DynamoDBClient, ListGlobalTablesCommand } from '@aws-sdk/client-dynamodb';
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient, ListSAMLProvidersCommand } from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { GetObjectTorrentCommand, S3Client } from '@aws-sdk/client-s3';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { awsCli, hasAwsCli, useNimbus } from '../helpers/nimbus.js';

const nimbus = useNimbus();

async function notImplemented(send: () => Promise<unknown>, operation: string, service: string): Promise<void> {
  const err = await send().then(
    () => {
      throw new Error('expected an error');
    },
    (e: { name: string; message: string; $metadata?: { httpStatusCode?: number } }) => e,
  );
  expect(err.name).toBe('NotImplemented');
  expect(err.message).toBe(`The operation ${operation} of ${service} is not implemented by Nimbus yet.`);
  expect(err.$metadata?.httpStatusCode).toBe(501);
}

describe('operations without a handler', () => {
  it('json 1.0 (DynamoDB)', async () => {
    const c = new DynamoDBClient(nimbus.clientConfig());
    await notImplemented(() => c.send(new ListGlobalTablesCommand({})), 'ListGlobalTables', 'DynamoDB');
  });

  it('json 1.0 query-compatible (SQS)', async () => {
    const c = new SQSClient(nimbus.clientConfig());
    await notImplemented(() => c.send(new ListQueuesCommand({})), 'ListQueues', 'SQS');
  });

  it('query (IAM)', async () => {
    const c = new IAMClient(nimbus.clientConfig());
    await notImplemented(() => c.send(new ListSAMLProvidersCommand({})), 'ListSAMLProviders', 'IAM');
  });

  it('ec2 (EC2)', async () => {
    const c = new EC2Client(nimbus.clientConfig());
    await notImplemented(() => c.send(new DescribeInstancesCommand({})), 'DescribeInstances', 'EC2');
  });

  it('rest-json (Lambda)', async () => {
    const c = new LambdaClient(nimbus.clientConfig());
    await notImplemented(() => c.send(new ListFunctionsCommand({})), 'ListFunctions', 'Lambda');
  });

  it('rest-xml (S3)', async () => {
    const c = new S3Client(nimbus.clientConfig({ forcePathStyle: true }));
    await notImplemented(() => c.send(new GetObjectTorrentCommand({ Bucket: 'b', Key: 'k' })), 'GetObjectTorrent', 'S3');
  });

  it('smithy-rpc-v2-cbor (CloudWatch)', async () => {
    const c = new CloudWatchClient(nimbus.clientConfig());
    await notImplemented(() => c.send(new ListMetricsCommand({})), 'ListMetrics', 'CloudWatch');
  });

  it.skipIf(!hasAwsCli)('is reported by the aws CLI with the operation named', async () => {
    const r = await awsCli(nimbus.current, ['iam', 'list-saml-providers']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('An error occurred (NotImplemented) when calling the ListSAMLProviders operation: The operation ListSAMLProviders of IAM is not implemented by Nimbus yet.');
  });
});
