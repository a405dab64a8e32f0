/**
 * What PutBucketNotificationConfiguration accepts. Event names must be ones S3 publishes; filter
 * rules are `prefix`/`suffix` (at most one of each per configuration). Destinations (SNS topics,
 * SQS queues, Lambda functions) are not checked yet: AWS verifies they exist and allow S3 to
 * publish (and sends a test event) unless SkipDestinationValidation; Nimbus stores them as given.
 * A configuration without an Id gets one, as AWS generates one.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketNotificationConfiguration.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
 */
import type { Event, NotificationConfiguration, NotificationConfigurationFilter } from '../generated/types.js';
import { S3Errors } from './errors.js';

export const NOTIFICATION_EVENTS: ReadonlySet<string> = new Set<Event>([
  's3:ReducedRedundancyLostObject',
  's3:ObjectCreated:*',
  's3:ObjectCreated:Put',
  's3:ObjectCreated:Post',
  's3:ObjectCreated:Copy',
  's3:ObjectCreated:CompleteMultipartUpload',
  's3:ObjectRemoved:*',
  's3:ObjectRemoved:Delete',
  's3:ObjectRemoved:DeleteMarkerCreated',
  's3:ObjectRestore:*',
  's3:ObjectRestore:Post',
  's3:ObjectRestore:Completed',
  's3:ObjectRestore:Delete',
  's3:Replication:*',
  's3:Replication:OperationFailedReplication',
  's3:Replication:OperationNotTracked',
  's3:Replication:OperationMissedThreshold',
  's3:Replication:OperationReplicatedAfterThreshold',
  's3:LifecycleTransition',
  's3:IntelligentTiering',
  's3:ObjectAcl:Put',
  's3:LifecycleExpiration:*',
  's3:LifecycleExpiration:Delete',
  's3:LifecycleExpiration:DeleteMarkerCreated',
  's3:ObjectTagging:*',
  's3:ObjectTagging:Put',
  's3:ObjectTagging:Delete',
]);

interface Destination {
  Id?: string;
  Events: Event[];
  Filter?: NotificationConfigurationFilter;
}

function checkFilter(filter: NotificationConfigurationFilter | undefined): void {
  const seen = new Set<string>();
  for (const rule of filter?.Key?.FilterRules ?? []) {
    const name = (rule.Name ?? '').toLowerCase();
    if (name !== 'prefix' && name !== 'suffix') throw S3Errors.invalidArgument('filter rule name must be either prefix or suffix', 'FilterRule', rule.Name ?? '');
    if (seen.has(name)) throw S3Errors.invalidArgument(`Cannot specify more than one ${name} rule in a filter.`, 'FilterRule', rule.Name ?? '');
    seen.add(name);
  }
}

function checked<T extends Destination>(configs: T[] | undefined, arnOf: (c: T) => string | undefined, newId: () => string): T[] | undefined {
  if (!configs) return undefined;
  return configs.map((c) => {
    if (!arnOf(c) || !c.Events?.length) throw S3Errors.malformedXml();
    for (const event of c.Events) {
      if (!NOTIFICATION_EVENTS.has(event)) throw S3Errors.invalidArgument('The event is not supported for notifications', 'Event', event);
    }
    checkFilter(c.Filter);
    return { ...c, Id: c.Id || newId() };
  });
}

export function validateNotificationConfiguration(config: NotificationConfiguration | undefined, newId: () => string): NotificationConfiguration {
  if (!config) throw S3Errors.malformedXml();
  const out: NotificationConfiguration = {};
  const topics = checked(config.TopicConfigurations, (c) => c.TopicArn, newId);
  const queues = checked(config.QueueConfigurations, (c) => c.QueueArn, newId);
  const lambdas = checked(config.LambdaFunctionConfigurations, (c) => c.LambdaFunctionArn, newId);
  if (topics?.length) out.TopicConfigurations = topics;
  if (queues?.length) out.QueueConfigurations = queues;
  if (lambdas?.length) out.LambdaFunctionConfigurations = lambdas;
  if (config.EventBridgeConfiguration) out.EventBridgeConfiguration = {};
  return out;
}
