import {
  GetBucketLoggingCommand,
  GetBucketNotificationConfigurationCommand,
  PutBucketLoggingCommand,
  PutBucketNotificationConfigurationCommand,
  type Event,
  type FilterRuleName,
  type NotificationConfiguration,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();

describe('S3 server access logging settings', () => {
  it('turns logging on and off', async () => {
    const source = await newBucket(nimbus, 'logged');
    const target = await newBucket(nimbus, 'logs');
    const s3 = s3Client(nimbus);
    expect((await s3.send(new GetBucketLoggingCommand({ Bucket: source }))).LoggingEnabled).toBeUndefined();
    const logging = { TargetBucket: target, TargetPrefix: `${source}/`, TargetObjectKeyFormat: { PartitionedPrefix: { PartitionDateSource: 'EventTime' as const } } };
    await s3.send(new PutBucketLoggingCommand({ Bucket: source, BucketLoggingStatus: { LoggingEnabled: logging } }));
    expect((await s3.send(new GetBucketLoggingCommand({ Bucket: source }))).LoggingEnabled).toEqual(logging);
    await s3.send(new PutBucketLoggingCommand({ Bucket: source, BucketLoggingStatus: {} }));
    expect((await s3.send(new GetBucketLoggingCommand({ Bucket: source }))).LoggingEnabled).toBeUndefined();
  });

  it('needs a target bucket that exists, has the same owner and is in the same region', async () => {
    const source = await newBucket(nimbus, 'logged-bad');
    const theirs = await newBucket(nimbus, 'logs-theirs', { client: s3Client(nimbus, OTHER_ACCOUNT) });
    const far = await newBucket(nimbus, 'logs-far', { region: 'eu-west-1' });
    const put = (TargetBucket: string) => s3Client(nimbus).send(new PutBucketLoggingCommand({ Bucket: source, BucketLoggingStatus: { LoggingEnabled: { TargetBucket, TargetPrefix: 'x/' } } }));
    expect(await failure(put('no-such-bucket-logs'))).toEqual({
      name: 'InvalidTargetBucketForLogging',
      message: 'The target bucket for logging does not exist',
      status: 400,
      fields: { TargetBucket: 'no-such-bucket-logs' },
    });
    expect(await failure(put(theirs))).toEqual({
      name: 'InvalidTargetBucketForLogging',
      message: 'The owner for the bucket to be logged and the target bucket must be the same.',
      status: 400,
      fields: { TargetBucket: theirs },
    });
    expect(await failure(put(far))).toMatchObject({
      name: 'CrossLocationLoggingProhibitted',
      status: 403,
      fields: { SourceBucketLocation: 'us-east-1', TargetBucketLocation: 'eu-west-1' },
    });
    expect(await failure(s3Client(nimbus, OTHER_ACCOUNT).send(new GetBucketLoggingCommand({ Bucket: source })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});

describe('S3 event notification configuration', () => {
  it('is empty until set, keeps what is set (with generated ids), and is cleared by an empty one', async () => {
    const bucket = await newBucket(nimbus, 'notify');
    const s3 = s3Client(nimbus);
    const get = async () => {
      const { $metadata: _, ...config } = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket }));
      return config;
    };
    expect(await get()).toEqual({});
    const config: NotificationConfiguration = {
      QueueConfigurations: [
        { Id: 'uploads', QueueArn: 'arn:aws:sqs:us-east-1:000000000000:uploads', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'in/' }, { Name: 'suffix', Value: '.jpg' }] } } },
      ],
      TopicConfigurations: [{ TopicArn: 'arn:aws:sns:us-east-1:000000000000:deletes', Events: ['s3:ObjectRemoved:Delete', 's3:ObjectRemoved:DeleteMarkerCreated'] }],
      LambdaFunctionConfigurations: [{ Id: 'fn', LambdaFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f', Events: ['s3:ObjectTagging:*'] }],
      EventBridgeConfiguration: {},
    };
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: config, SkipDestinationValidation: true }));
    const got = await get();
    expect(got.QueueConfigurations).toEqual(config.QueueConfigurations);
    expect(got.LambdaFunctionConfigurations).toEqual(config.LambdaFunctionConfigurations);
    expect(got.EventBridgeConfiguration).toEqual({});
    expect(got.TopicConfigurations).toEqual([{ ...config.TopicConfigurations![0], Id: expect.stringMatching(/\S+/) }]);
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: bucket, NotificationConfiguration: {} }));
    expect(await get()).toEqual({});
  });

  it('refuses unknown events and filter rules', async () => {
    const bucket = await newBucket(nimbus, 'notify-bad');
    const put = (events: string[], name: string = 'prefix') =>
      s3Client(nimbus).send(
        new PutBucketNotificationConfigurationCommand({
          Bucket: bucket,
          NotificationConfiguration: { QueueConfigurations: [{ QueueArn: 'arn:aws:sqs:us-east-1:000000000000:q', Events: events as Event[], Filter: { Key: { FilterRules: [{ Name: name as FilterRuleName, Value: 'x' }] } } }] },
        }),
      );
    expect(await failure(put(['s3:ObjectCreated:Everything']))).toMatchObject({
      name: 'InvalidArgument',
      message: 'The event is not supported for notifications',
      status: 400,
      fields: { ArgumentName: 'Event', ArgumentValue: 's3:ObjectCreated:Everything' },
    });
    expect(await failure(put(['s3:ObjectCreated:Put'], 'infix'))).toMatchObject({ name: 'InvalidArgument', message: 'filter rule name must be either prefix or suffix', status: 400 });
    expect(await failure(s3Client(nimbus, OTHER_ACCOUNT).send(new GetBucketNotificationConfigurationCommand({ Bucket: bucket })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});
