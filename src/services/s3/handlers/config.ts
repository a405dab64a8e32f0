/**
 * Bucket configuration subresources: tagging, CORS, policy, ACL, Block Public Access, Object
 * Ownership, encryption, lifecycle, website, logging, notifications, Transfer Acceleration,
 * Requester Pays, Object Lock, replication, and the Id-keyed analytics, metrics, inventory and
 * Intelligent-Tiering configurations. Each is one document per bucket (store.configs); every handler
 * starts from operations/config-bucket.ts (the caller's own bucket, or S3's error).
 */
import type { Handlers } from '../../service.js';
import type { Operations } from '../generated/operations.js';
import { deleteBucketAnalyticsConfiguration } from '../operations/delete-bucket-analytics-configuration.js';
import { deleteBucketCors } from '../operations/delete-bucket-cors.js';
import { deleteBucketEncryption } from '../operations/delete-bucket-encryption.js';
import { deleteBucketIntelligentTieringConfiguration } from '../operations/delete-bucket-intelligent-tiering-configuration.js';
import { deleteBucketInventoryConfiguration } from '../operations/delete-bucket-inventory-configuration.js';
import { deleteBucketLifecycle } from '../operations/delete-bucket-lifecycle.js';
import { deleteBucketMetricsConfiguration } from '../operations/delete-bucket-metrics-configuration.js';
import { deleteBucketOwnershipControls } from '../operations/delete-bucket-ownership-controls.js';
import { deleteBucketPolicy } from '../operations/delete-bucket-policy.js';
import { deleteBucketReplication } from '../operations/delete-bucket-replication.js';
import { deleteBucketTagging } from '../operations/delete-bucket-tagging.js';
import { deleteBucketWebsite } from '../operations/delete-bucket-website.js';
import { deletePublicAccessBlock } from '../operations/delete-public-access-block.js';
import { getBucketAccelerateConfiguration } from '../operations/get-bucket-accelerate-configuration.js';
import { getBucketAcl } from '../operations/get-bucket-acl.js';
import { getBucketAnalyticsConfiguration } from '../operations/get-bucket-analytics-configuration.js';
import { getBucketCors } from '../operations/get-bucket-cors.js';
import { getBucketEncryption } from '../operations/get-bucket-encryption.js';
import { getBucketIntelligentTieringConfiguration } from '../operations/get-bucket-intelligent-tiering-configuration.js';
import { getBucketInventoryConfiguration } from '../operations/get-bucket-inventory-configuration.js';
import { getBucketLifecycle } from '../operations/get-bucket-lifecycle.js';
import { getBucketLifecycleConfiguration } from '../operations/get-bucket-lifecycle-configuration.js';
import { getBucketLogging } from '../operations/get-bucket-logging.js';
import { getBucketMetricsConfiguration } from '../operations/get-bucket-metrics-configuration.js';
import { getBucketNotificationConfiguration } from '../operations/get-bucket-notification-configuration.js';
import { getBucketOwnershipControls } from '../operations/get-bucket-ownership-controls.js';
import { getBucketPolicy } from '../operations/get-bucket-policy.js';
import { getBucketPolicyStatus } from '../operations/get-bucket-policy-status.js';
import { getBucketReplication } from '../operations/get-bucket-replication.js';
import { getBucketRequestPayment } from '../operations/get-bucket-request-payment.js';
import { getBucketTagging } from '../operations/get-bucket-tagging.js';
import { getBucketWebsite } from '../operations/get-bucket-website.js';
import { getObjectLockConfiguration } from '../operations/get-object-lock-configuration.js';
import { getPublicAccessBlock } from '../operations/get-public-access-block.js';
import { listBucketAnalyticsConfigurations } from '../operations/list-bucket-analytics-configurations.js';
import { listBucketIntelligentTieringConfigurations } from '../operations/list-bucket-intelligent-tiering-configurations.js';
import { listBucketInventoryConfigurations } from '../operations/list-bucket-inventory-configurations.js';
import { listBucketMetricsConfigurations } from '../operations/list-bucket-metrics-configurations.js';
import { putBucketAccelerateConfiguration } from '../operations/put-bucket-accelerate-configuration.js';
import { putBucketAcl } from '../operations/put-bucket-acl.js';
import { putBucketAnalyticsConfiguration } from '../operations/put-bucket-analytics-configuration.js';
import { putBucketCors } from '../operations/put-bucket-cors.js';
import { putBucketEncryption } from '../operations/put-bucket-encryption.js';
import { putBucketIntelligentTieringConfiguration } from '../operations/put-bucket-intelligent-tiering-configuration.js';
import { putBucketInventoryConfiguration } from '../operations/put-bucket-inventory-configuration.js';
import { putBucketLifecycle } from '../operations/put-bucket-lifecycle.js';
import { putBucketLifecycleConfiguration } from '../operations/put-bucket-lifecycle-configuration.js';
import { putBucketLogging } from '../operations/put-bucket-logging.js';
import { putBucketMetricsConfiguration } from '../operations/put-bucket-metrics-configuration.js';
import { putBucketNotificationConfiguration } from '../operations/put-bucket-notification-configuration.js';
import { putBucketOwnershipControls } from '../operations/put-bucket-ownership-controls.js';
import { putBucketPolicy } from '../operations/put-bucket-policy.js';
import { putBucketReplication } from '../operations/put-bucket-replication.js';
import { putBucketRequestPayment } from '../operations/put-bucket-request-payment.js';
import { putBucketTagging } from '../operations/put-bucket-tagging.js';
import { putBucketWebsite } from '../operations/put-bucket-website.js';
import { putObjectLockConfiguration } from '../operations/put-object-lock-configuration.js';
import { putPublicAccessBlock } from '../operations/put-public-access-block.js';
import type { S3Store } from '../store.js';

export const configHandlers: Handlers<Operations, S3Store> = {
  PutBucketTagging: putBucketTagging,
  GetBucketTagging: getBucketTagging,
  DeleteBucketTagging: deleteBucketTagging,
  PutBucketCors: putBucketCors,
  GetBucketCors: getBucketCors,
  DeleteBucketCors: deleteBucketCors,
  PutBucketPolicy: putBucketPolicy,
  GetBucketPolicy: getBucketPolicy,
  DeleteBucketPolicy: deleteBucketPolicy,
  GetBucketPolicyStatus: getBucketPolicyStatus,
  PutBucketAcl: putBucketAcl,
  GetBucketAcl: getBucketAcl,
  PutPublicAccessBlock: putPublicAccessBlock,
  GetPublicAccessBlock: getPublicAccessBlock,
  DeletePublicAccessBlock: deletePublicAccessBlock,
  PutBucketOwnershipControls: putBucketOwnershipControls,
  GetBucketOwnershipControls: getBucketOwnershipControls,
  DeleteBucketOwnershipControls: deleteBucketOwnershipControls,
  PutBucketEncryption: putBucketEncryption,
  GetBucketEncryption: getBucketEncryption,
  DeleteBucketEncryption: deleteBucketEncryption,
  PutBucketLifecycleConfiguration: putBucketLifecycleConfiguration,
  GetBucketLifecycleConfiguration: getBucketLifecycleConfiguration,
  DeleteBucketLifecycle: deleteBucketLifecycle,
  PutBucketLifecycle: putBucketLifecycle,
  GetBucketLifecycle: getBucketLifecycle,
  PutBucketWebsite: putBucketWebsite,
  GetBucketWebsite: getBucketWebsite,
  DeleteBucketWebsite: deleteBucketWebsite,
  PutBucketLogging: putBucketLogging,
  GetBucketLogging: getBucketLogging,
  PutBucketNotificationConfiguration: putBucketNotificationConfiguration,
  GetBucketNotificationConfiguration: getBucketNotificationConfiguration,
  PutBucketAccelerateConfiguration: putBucketAccelerateConfiguration,
  GetBucketAccelerateConfiguration: getBucketAccelerateConfiguration,
  PutBucketRequestPayment: putBucketRequestPayment,
  GetBucketRequestPayment: getBucketRequestPayment,
  PutObjectLockConfiguration: putObjectLockConfiguration,
  GetObjectLockConfiguration: getObjectLockConfiguration,
  PutBucketReplication: putBucketReplication,
  GetBucketReplication: getBucketReplication,
  DeleteBucketReplication: deleteBucketReplication,
  PutBucketAnalyticsConfiguration: putBucketAnalyticsConfiguration,
  GetBucketAnalyticsConfiguration: getBucketAnalyticsConfiguration,
  DeleteBucketAnalyticsConfiguration: deleteBucketAnalyticsConfiguration,
  ListBucketAnalyticsConfigurations: listBucketAnalyticsConfigurations,
  PutBucketMetricsConfiguration: putBucketMetricsConfiguration,
  GetBucketMetricsConfiguration: getBucketMetricsConfiguration,
  DeleteBucketMetricsConfiguration: deleteBucketMetricsConfiguration,
  ListBucketMetricsConfigurations: listBucketMetricsConfigurations,
  PutBucketInventoryConfiguration: putBucketInventoryConfiguration,
  GetBucketInventoryConfiguration: getBucketInventoryConfiguration,
  DeleteBucketInventoryConfiguration: deleteBucketInventoryConfiguration,
  ListBucketInventoryConfigurations: listBucketInventoryConfigurations,
  PutBucketIntelligentTieringConfiguration: putBucketIntelligentTieringConfiguration,
  GetBucketIntelligentTieringConfiguration: getBucketIntelligentTieringConfiguration,
  DeleteBucketIntelligentTieringConfiguration: deleteBucketIntelligentTieringConfiguration,
  ListBucketIntelligentTieringConfigurations: listBucketIntelligentTieringConfigurations,
};
