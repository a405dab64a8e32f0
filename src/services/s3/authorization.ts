/**
 * What each S3 operation needs from IAM: its actions (which often differ from the operation's
 * name: HeadObject is s3:GetObject, ListObjectsV2 s3:ListBucket, DeleteBucketCors
 * s3:PutBucketCORS), on the bucket (`arn:aws:s3:::bucket`) or its objects
 * (`arn:aws:s3:::bucket/key`), under the bucket's policy and ACLs, with S3's condition keys.
 * Every operation of the model is listed (the type requires it), so a new one cannot slip through
 * on the default action.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
 *
 * The decision itself (bucket policy, ACLs, Block Public Access, roots, anonymous callers) is in
 * domain/access/; README.md "Access control" describes it.
 */
import type { OperationAuthorization } from '../service.js';
import { aclKeys, key, listingKeys, objectWriteKeys, requestTagKeys, taggingHeader, type ConditionPairs } from './domain/access/conditions.js';
import { s3AccessDenied } from './domain/access/denied.js';
import { bucketArn, onAccount, onBucket, onCopy, onDeleteObjects, onObject } from './domain/access/rules.js';
import type { Operations } from './generated/operations.js';
import type { PutObjectRequest } from './generated/types.js';
import type { S3Store } from './store.js';

type Table = { [K in keyof Operations]: OperationAuthorization<Operations[K]['input'], S3Store> };

interface AclInput {
  ACL?: string;
  GrantFullControl?: string;
  GrantRead?: string;
  GrantReadACP?: string;
  GrantWrite?: string;
  GrantWriteACP?: string;
}

function setsAcl(input: AclInput): boolean {
  return input.ACL !== undefined || input.GrantFullControl !== undefined || input.GrantRead !== undefined || input.GrantReadACP !== undefined || input.GrantWrite !== undefined || input.GrantWriteACP !== undefined;
}

type ObjectWrite = Pick<PutObjectRequest, 'ACL' | 'GrantFullControl' | 'GrantRead' | 'GrantReadACP' | 'GrantWriteACP' | 'Tagging' | 'ObjectLockMode' | 'ObjectLockRetainUntilDate' | 'ObjectLockLegalHoldStatus'>;

/** What a write's headers ask for besides s3:PutObject (API reference, "Permissions"). */
function objectWriteExtras(input: ObjectWrite): string[] {
  const out: string[] = [];
  if (setsAcl(input)) out.push('s3:PutObjectAcl');
  if (input.Tagging) out.push('s3:PutObjectTagging');
  if (input.ObjectLockLegalHoldStatus !== undefined) out.push('s3:PutObjectLegalHold');
  if (input.ObjectLockMode !== undefined || input.ObjectLockRetainUntilDate !== undefined) out.push('s3:PutObjectRetention');
  return out;
}

function* objectWriteConditions(input: ObjectWrite & Parameters<typeof objectWriteKeys>[0] & { IfMatch?: string; IfNoneMatch?: string }): Generator<readonly [string, readonly string[]]> {
  yield* aclKeys(input);
  yield* objectWriteKeys(input);
  yield* requestTagKeys(taggingHeader(input.Tagging));
  yield* key('s3:if-match', input.IfMatch);
  yield* key('s3:if-none-match', input.IfNoneMatch);
}

const bypass = (input: { BypassGovernanceRetention?: boolean }) => (input.BypassGovernanceRetention ? ['s3:BypassGovernanceRetention'] : []);
const listing = { keys: (input: { Prefix?: string; Delimiter?: string; MaxKeys?: number }): ConditionPairs => listingKeys(input) };

export const authorization: Table = {
  // Buckets.
  CreateBucket: onAccount('s3:CreateBucket', (input) => bucketArn(input.Bucket), {
    more: (input) => [
      ...(setsAcl(input) ? ['s3:PutBucketAcl'] : []),
      ...(input.ObjectLockEnabledForBucket ? ['s3:PutBucketObjectLockConfiguration', 's3:PutBucketVersioning'] : []),
      ...(input.ObjectOwnership !== undefined ? ['s3:PutBucketOwnershipControls'] : []),
    ],
    keys: function* (input) {
      yield* aclKeys(input);
      yield* key('s3:locationconstraint', input.CreateBucketConfiguration?.LocationConstraint);
      yield* key('s3:x-amz-object-ownership', input.ObjectOwnership);
    },
  }),
  DeleteBucket: onBucket('s3:DeleteBucket'),
  HeadBucket: onBucket('s3:ListBucket'),
  ListBuckets: onAccount('s3:ListAllMyBuckets', () => '*'),
  ListDirectoryBuckets: onAccount('s3express:ListAllMyDirectoryBuckets', () => '*'),
  CreateSession: onBucket('s3express:CreateSession'),
  GetBucketLocation: onBucket('s3:GetBucketLocation'),
  ListObjects: onBucket('s3:ListBucket', listing),
  ListObjectsV2: onBucket('s3:ListBucket', listing),
  ListObjectVersions: onBucket('s3:ListBucketVersions', listing),
  ListMultipartUploads: onBucket('s3:ListBucketMultipartUploads'),

  // Bucket configuration. Deleting a configuration needs its Put action, except the policy and website.
  GetBucketAcl: onBucket('s3:GetBucketAcl'),
  PutBucketAcl: onBucket('s3:PutBucketAcl', { keys: aclKeys }),
  GetBucketPolicy: onBucket('s3:GetBucketPolicy'),
  PutBucketPolicy: onBucket('s3:PutBucketPolicy'),
  DeleteBucketPolicy: onBucket('s3:DeleteBucketPolicy'),
  GetBucketPolicyStatus: onBucket('s3:GetBucketPolicyStatus'),
  GetPublicAccessBlock: onBucket('s3:GetBucketPublicAccessBlock'),
  PutPublicAccessBlock: onBucket('s3:PutBucketPublicAccessBlock'),
  DeletePublicAccessBlock: onBucket('s3:PutBucketPublicAccessBlock'),
  GetBucketOwnershipControls: onBucket('s3:GetBucketOwnershipControls'),
  PutBucketOwnershipControls: onBucket('s3:PutBucketOwnershipControls'),
  DeleteBucketOwnershipControls: onBucket('s3:PutBucketOwnershipControls'),
  GetBucketCors: onBucket('s3:GetBucketCORS'),
  PutBucketCors: onBucket('s3:PutBucketCORS'),
  DeleteBucketCors: onBucket('s3:PutBucketCORS'),
  GetBucketEncryption: onBucket('s3:GetEncryptionConfiguration'),
  PutBucketEncryption: onBucket('s3:PutEncryptionConfiguration'),
  DeleteBucketEncryption: onBucket('s3:PutEncryptionConfiguration'),
  GetBucketLifecycle: onBucket('s3:GetLifecycleConfiguration'),
  GetBucketLifecycleConfiguration: onBucket('s3:GetLifecycleConfiguration'),
  PutBucketLifecycle: onBucket('s3:PutLifecycleConfiguration'),
  PutBucketLifecycleConfiguration: onBucket('s3:PutLifecycleConfiguration'),
  DeleteBucketLifecycle: onBucket('s3:PutLifecycleConfiguration'),
  GetBucketTagging: onBucket('s3:GetBucketTagging'),
  PutBucketTagging: onBucket('s3:PutBucketTagging'),
  DeleteBucketTagging: onBucket('s3:PutBucketTagging'),
  GetBucketWebsite: onBucket('s3:GetBucketWebsite'),
  PutBucketWebsite: onBucket('s3:PutBucketWebsite'),
  DeleteBucketWebsite: onBucket('s3:DeleteBucketWebsite'),
  GetBucketVersioning: onBucket('s3:GetBucketVersioning'),
  PutBucketVersioning: onBucket('s3:PutBucketVersioning'),
  GetBucketLogging: onBucket('s3:GetBucketLogging'),
  PutBucketLogging: onBucket('s3:PutBucketLogging'),
  GetBucketNotification: onBucket('s3:GetBucketNotification'),
  GetBucketNotificationConfiguration: onBucket('s3:GetBucketNotification'),
  PutBucketNotification: onBucket('s3:PutBucketNotification'),
  PutBucketNotificationConfiguration: onBucket('s3:PutBucketNotification'),
  GetBucketAccelerateConfiguration: onBucket('s3:GetAccelerateConfiguration'),
  PutBucketAccelerateConfiguration: onBucket('s3:PutAccelerateConfiguration'),
  GetBucketRequestPayment: onBucket('s3:GetBucketRequestPayment'),
  PutBucketRequestPayment: onBucket('s3:PutBucketRequestPayment'),
  GetObjectLockConfiguration: onBucket('s3:GetBucketObjectLockConfiguration'),
  PutObjectLockConfiguration: onBucket('s3:PutBucketObjectLockConfiguration'),
  GetBucketReplication: onBucket('s3:GetReplicationConfiguration'),
  PutBucketReplication: onBucket('s3:PutReplicationConfiguration'),
  DeleteBucketReplication: onBucket('s3:PutReplicationConfiguration'),
  GetBucketAnalyticsConfiguration: onBucket('s3:GetAnalyticsConfiguration'),
  ListBucketAnalyticsConfigurations: onBucket('s3:GetAnalyticsConfiguration'),
  PutBucketAnalyticsConfiguration: onBucket('s3:PutAnalyticsConfiguration'),
  DeleteBucketAnalyticsConfiguration: onBucket('s3:PutAnalyticsConfiguration'),
  GetBucketMetricsConfiguration: onBucket('s3:GetMetricsConfiguration'),
  ListBucketMetricsConfigurations: onBucket('s3:GetMetricsConfiguration'),
  PutBucketMetricsConfiguration: onBucket('s3:PutMetricsConfiguration'),
  DeleteBucketMetricsConfiguration: onBucket('s3:PutMetricsConfiguration'),
  GetBucketInventoryConfiguration: onBucket('s3:GetInventoryConfiguration'),
  ListBucketInventoryConfigurations: onBucket('s3:GetInventoryConfiguration'),
  PutBucketInventoryConfiguration: onBucket('s3:PutInventoryConfiguration'),
  DeleteBucketInventoryConfiguration: onBucket('s3:PutInventoryConfiguration'),
  GetBucketIntelligentTieringConfiguration: onBucket('s3:GetIntelligentTieringConfiguration'),
  ListBucketIntelligentTieringConfigurations: onBucket('s3:GetIntelligentTieringConfiguration'),
  PutBucketIntelligentTieringConfiguration: onBucket('s3:PutIntelligentTieringConfiguration'),
  DeleteBucketIntelligentTieringConfiguration: onBucket('s3:PutIntelligentTieringConfiguration'),
  CreateBucketMetadataTableConfiguration: onBucket('s3:CreateBucketMetadataTableConfiguration'),
  GetBucketMetadataTableConfiguration: onBucket('s3:GetBucketMetadataTableConfiguration'),
  DeleteBucketMetadataTableConfiguration: onBucket('s3:DeleteBucketMetadataTableConfiguration'),
  CreateBucketMetadataConfiguration: onBucket('s3:CreateBucketMetadataTableConfiguration'),
  GetBucketMetadataConfiguration: onBucket('s3:GetBucketMetadataTableConfiguration'),
  DeleteBucketMetadataConfiguration: onBucket('s3:DeleteBucketMetadataTableConfiguration'),
  UpdateBucketMetadataInventoryTableConfiguration: onBucket('s3:UpdateBucketMetadataInventoryTableConfiguration'),
  UpdateBucketMetadataJournalTableConfiguration: onBucket('s3:UpdateBucketMetadataJournalTableConfiguration'),
  GetBucketAbac: onBucket('s3:GetBucketABAC'),
  PutBucketAbac: onBucket('s3:PutBucketABAC'),

  // Objects.
  GetObject: onObject('s3:GetObject', { versioned: 's3:GetObjectVersion' }),
  HeadObject: onObject('s3:GetObject', { versioned: 's3:GetObjectVersion' }),
  GetObjectAttributes: {
    ...onObject('s3:GetObjectAttributes', { versioned: 's3:GetObjectVersionAttributes', more: (input) => [input.VersionId !== undefined ? 's3:GetObjectVersion' : 's3:GetObject'] }),
  },
  GetObjectTorrent: onObject('s3:GetObjectTorrent', { versioned: 's3:GetObjectVersionTorrent' }),
  SelectObjectContent: onObject('s3:GetObject'),
  PutObject: onObject('s3:PutObject', { more: objectWriteExtras, keys: objectWriteConditions }),
  CreateMultipartUpload: onObject('s3:PutObject', { more: objectWriteExtras, keys: objectWriteConditions }),
  UploadPart: onObject('s3:PutObject'),
  CompleteMultipartUpload: onObject('s3:PutObject', { keys: (input) => [...key('s3:if-match', input.IfMatch), ...key('s3:if-none-match', input.IfNoneMatch)] }),
  AbortMultipartUpload: onObject('s3:AbortMultipartUpload'),
  ListParts: onObject('s3:ListMultipartUploadParts'),
  CopyObject: onCopy(
    (input) => ['s3:PutObject', ...objectWriteExtras(input.TaggingDirective === 'REPLACE' ? input : { ...input, Tagging: undefined })],
    function* (input) {
      yield* objectWriteConditions(input);
      yield* key('s3:x-amz-metadata-directive', input.MetadataDirective);
    },
  ),
  UploadPartCopy: onCopy(() => ['s3:PutObject']),
  DeleteObject: onObject('s3:DeleteObject', { versioned: 's3:DeleteObjectVersion', more: bypass }),
  DeleteObjects: onDeleteObjects(),
  RestoreObject: onObject('s3:RestoreObject'),
  RenameObject: onObject('s3express:RenameObject'),
  UpdateObjectEncryption: onObject('s3:UpdateObjectEncryption'),
  GetObjectAcl: onObject('s3:GetObjectAcl', { versioned: 's3:GetObjectVersionAcl' }),
  PutObjectAcl: onObject('s3:PutObjectAcl', { versioned: 's3:PutObjectVersionAcl', keys: aclKeys }),
  GetObjectTagging: onObject('s3:GetObjectTagging', { versioned: 's3:GetObjectVersionTagging' }),
  PutObjectTagging: onObject('s3:PutObjectTagging', { versioned: 's3:PutObjectVersionTagging', keys: (input) => requestTagKeys(input.Tagging?.TagSet) }),
  DeleteObjectTagging: onObject('s3:DeleteObjectTagging', { versioned: 's3:DeleteObjectVersionTagging' }),
  GetObjectLegalHold: onObject('s3:GetObjectLegalHold'),
  PutObjectLegalHold: onObject('s3:PutObjectLegalHold'),
  GetObjectRetention: onObject('s3:GetObjectRetention'),
  PutObjectRetention: onObject('s3:PutObjectRetention', { more: bypass }),
  WriteGetObjectResponse: onAccount('s3-object-lambda:WriteGetObjectResponse', () => '*'),
};

/** What index.ts adds to the service definition: the table, the anonymous rule and S3's AccessDenied. */
export const s3Access = {
  authorization,
  anonymousAccess: 'resource-policy',
  accessDenied: s3AccessDenied,
} as const;
