/** Object ACLs: Put/GetObjectAcl, Object Ownership, Block Public Access, owners other than the bucket's. */
import {
  DeleteObjectCommand,
  DeletePublicAccessBlockCommand,
  GetObjectAclCommand,
  PutBucketPolicyCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketVersioningCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  type Grant,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalUserId } from '../../../../src/services/s3/domain/owners.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ACCOUNT, newBucket, OTHER_ACCOUNT, s3Client } from '../config/helpers.js';
import { expectS3Error } from '../core/helpers.js';

const nimbus = useNimbus();
const OWNER_ID = canonicalUserId(ACCOUNT);
const OTHER_ID = canonicalUserId(OTHER_ACCOUNT);
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const ownerFull: Grant = { Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' };

let writer: string;
let enforced: string;

beforeAll(async () => {
  const s3 = s3Client(nimbus);
  enforced = await newBucket(nimbus, 'oacl-enforced');
  writer = await newBucket(nimbus, 'oacl-writer');
  await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: writer, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
  // New buckets block public ACLs (BlockPublicAcls); the tests below grant AllUsers.
  await s3.send(new DeletePublicAccessBlockCommand({ Bucket: writer }));
  await s3.send(new PutObjectCommand({ Bucket: writer, Key: 'doc', Body: 'd' }));
  await s3.send(new PutObjectCommand({ Bucket: enforced, Key: 'doc', Body: 'd' }));
});

const aclOf = async (Bucket: string, Key: string, VersionId?: string) => s3Client(nimbus).send(new GetObjectAclCommand({ Bucket, Key, VersionId }));

describe('object ACLs', () => {
  it('starts with the owner holding FULL_CONTROL', async () => {
    const acl = await aclOf(writer, 'doc');
    expect(acl.Owner?.ID).toBe(OWNER_ID);
    expect(acl.Grants).toEqual([ownerFull]);
  });

  it('sets ACLs from a canned ACL, grant headers or an AccessControlPolicy body', async () => {
    const s3 = s3Client(nimbus);
    await s3.send(new PutObjectAclCommand({ Bucket: writer, Key: 'doc', ACL: 'public-read' }));
    expect((await aclOf(writer, 'doc')).Grants).toEqual([ownerFull, { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }]);

    await s3.send(new PutObjectAclCommand({ Bucket: writer, Key: 'doc', GrantRead: `id="${OTHER_ID}"`, GrantFullControl: `id="${OWNER_ID}"` }));
    expect((await aclOf(writer, 'doc')).Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: OTHER_ID }, Permission: 'READ' }, ownerFull]);

    await s3.send(
      new PutObjectAclCommand({
        Bucket: writer,
        Key: 'doc',
        AccessControlPolicy: { Owner: { ID: OWNER_ID }, Grants: [ownerFull, { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ_ACP' }] },
      }),
    );
    expect((await aclOf(writer, 'doc')).Grants).toEqual([ownerFull, { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ_ACP' }]);

    await s3.send(new PutObjectAclCommand({ Bucket: writer, Key: 'doc', ACL: 'private' }));
    expect((await aclOf(writer, 'doc')).Grants).toEqual([ownerFull]);
  });

  it('refuses ambiguous, missing or foreign-owner ACLs with AWS errors', async () => {
    const s3 = s3Client(nimbus);
    await expectS3Error(
      s3.send(new PutObjectAclCommand({ Bucket: writer, Key: 'doc', ACL: 'private', GrantRead: `id="${OTHER_ID}"` })),
      'InvalidRequest',
      400,
      'Specifying both Canned ACLs and Header Grants is not allowed',
    );
    const missing = await expectS3Error(s3.send(new PutObjectAclCommand({ Bucket: writer, Key: 'doc' })), 'MissingSecurityHeader', 400, 'Your request was missing a required header');
    expect(missing.MissingHeaderName).toBe('x-amz-acl');
    await expectS3Error(
      s3.send(new PutObjectAclCommand({ Bucket: writer, Key: 'doc', AccessControlPolicy: { Owner: { ID: OTHER_ID }, Grants: [ownerFull] } })),
      'AccessDenied',
      403,
    );
    await expectS3Error(s3.send(new PutObjectAclCommand({ Bucket: writer, Key: 'doc', ACL: 'log-delivery-write' as never })), 'InvalidArgument', 400);
    await expectS3Error(s3.send(new PutObjectAclCommand({ Bucket: writer, Key: 'nope', ACL: 'private' })), 'NoSuchKey', 404, 'The specified key does not exist.');
    await expectS3Error(s3.send(new GetObjectAclCommand({ Bucket: writer, Key: 'nope' })), 'NoSuchKey', 404);
  });

  it('accepts only owner-only ACLs when ObjectOwnership is BucketOwnerEnforced, and reads as the bucket owner', async () => {
    const s3 = s3Client(nimbus);
    await expectS3Error(s3.send(new PutObjectAclCommand({ Bucket: enforced, Key: 'doc', ACL: 'public-read' })), 'AccessControlListNotSupported', 400, 'The bucket does not allow ACLs');
    await expectS3Error(s3.send(new PutObjectAclCommand({ Bucket: enforced, Key: 'doc', GrantRead: `id="${OTHER_ID}"` })), 'AccessControlListNotSupported', 400);
    await s3.send(new PutObjectAclCommand({ Bucket: enforced, Key: 'doc', ACL: 'bucket-owner-full-control' }));
    await s3.send(new PutObjectAclCommand({ Bucket: enforced, Key: 'doc', AccessControlPolicy: { Owner: { ID: OWNER_ID }, Grants: [ownerFull] } }));
    const acl = await aclOf(enforced, 'doc');
    expect(acl.Owner?.ID).toBe(OWNER_ID);
    expect(acl.Grants).toEqual([ownerFull]);
  });

  it('refuses public ACLs under BlockPublicAcls', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await newBucket(nimbus, 'oacl-blocked');
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'doc', Body: 'd' }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true } }));
    await expectS3Error(s3.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'doc', ACL: 'public-read' })), 'AccessDenied', 403, 'Access Denied');
    await expectS3Error(s3.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'doc', GrantRead: `uri="${ALL_USERS}"` })), 'AccessDenied', 403);
    await s3.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'doc', GrantRead: `id="${OTHER_ID}"` }));
    expect((await aclOf(bucket, 'doc')).Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: OTHER_ID }, Permission: 'READ' }]);
  });

  it("keeps the writer as owner of another account's object (ObjectWriter)", async () => {
    const owner = s3Client(nimbus);
    const other = s3Client(nimbus, OTHER_ACCOUNT);
    const bucket = await newBucket(nimbus, 'oacl-shared');
    await owner.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
    const Policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: OTHER_ACCOUNT }, Action: 's3:*', Resource: `arn:aws:s3:::${bucket}/*` }],
    });
    await owner.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy }));
    await other.send(new PutObjectCommand({ Bucket: bucket, Key: 'theirs', Body: 't' }));
    const acl = await other.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'theirs' }));
    expect(acl.Owner?.ID).toBe(OTHER_ID);
    expect(acl.Grants).toEqual([{ Grantee: { Type: 'CanonicalUser', ID: OTHER_ID }, Permission: 'FULL_CONTROL' }]);
    // The writer may name itself as owner, not the bucket owner.
    await expectS3Error(
      other.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'theirs', AccessControlPolicy: { Owner: { ID: OWNER_ID }, Grants: [ownerFull] } })),
      'AccessDenied',
      403,
    );
    await other.send(new PutObjectAclCommand({ Bucket: bucket, Key: 'theirs', GrantFullControl: `id="${OTHER_ID}"`, GrantRead: `id="${OWNER_ID}"` }));
    expect((await other.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'theirs' }))).Grants).toEqual([
      { Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'READ' },
      { Grantee: { Type: 'CanonicalUser', ID: OTHER_ID }, Permission: 'FULL_CONTROL' },
    ]);
  });

  it('answers a current delete marker like a deleted object and one named by version id as MethodNotAllowed', async () => {
    const s3 = s3Client(nimbus);
    const bucket = await newBucket(nimbus, 'oacl-versions');
    await s3.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    const v1 = (await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'k', Body: '1' }))).VersionId!;
    const marker = (await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'k' }))).VersionId!;
    const current = await expectS3Error(s3.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'k' })), 'NoSuchKey', 404);
    expect(current.$response?.headers?.['x-amz-delete-marker']).toBe('true');
    await expectS3Error(s3.send(new GetObjectAclCommand({ Bucket: bucket, Key: 'k', VersionId: marker })), 'MethodNotAllowed', 405);
    // The version behind the marker still has its ACL.
    expect((await aclOf(bucket, 'k', v1)).Grants).toEqual([ownerFull]);
  });
});
