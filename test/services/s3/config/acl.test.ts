import { CreateBucketCommand, DeletePublicAccessBlockCommand, GetBucketAclCommand, HeadBucketCommand, PutBucketAclCommand, PutBucketOwnershipControlsCommand, PutPublicAccessBlockCommand, type PutBucketAclCommandInput } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalUserId } from '../../../../src/services/s3/domain/owners.js';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ACCOUNT, failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();
const OWNER_ID = canonicalUserId(ACCOUNT);
const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';
const ownerFull = { Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' };

let enforced: string;
let writer: string;

beforeAll(async () => {
  enforced = await newBucket(nimbus, 'acl-enforced');
  writer = await newBucket(nimbus, 'acl-writer');
  await s3Client(nimbus).send(new PutBucketOwnershipControlsCommand({ Bucket: writer, OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
  // New buckets block public ACLs (BlockPublicAcls); the tests below grant AllUsers.
  await s3Client(nimbus).send(new DeletePublicAccessBlockCommand({ Bucket: writer }));
});

const putAcl = (input: Omit<PutBucketAclCommandInput, 'Bucket'>, Bucket = writer) => s3Client(nimbus).send(new PutBucketAclCommand({ Bucket, ...input }));
const grants = async (Bucket = writer) => (await s3Client(nimbus).send(new GetBucketAclCommand({ Bucket }))).Grants;

describe('S3 bucket ACLs', () => {
  it('starts with the owner, by canonical user id, holding FULL_CONTROL', async () => {
    const acl = await s3Client(nimbus).send(new GetBucketAclCommand({ Bucket: enforced }));
    expect(OWNER_ID).toMatch(/^[0-9a-f]{64}$/);
    expect(acl.Owner?.ID).toBe(OWNER_ID);
    expect(acl.Grants).toEqual([ownerFull]);
  });

  it('refuses ACLs on a bucket with ObjectOwnership BucketOwnerEnforced, except owner-only ones', async () => {
    expect(await failure(putAcl({ ACL: 'public-read' }, enforced))).toEqual({
      name: 'AccessControlListNotSupported',
      message: 'The bucket does not allow ACLs',
      status: 400,
      fields: {},
    });
    await putAcl({ ACL: 'private' }, enforced);
    await putAcl({ AccessControlPolicy: { Owner: { ID: OWNER_ID }, Grants: [ownerFull as never] } }, enforced);
    expect(await grants(enforced)).toEqual([ownerFull]);
  });

  it('turns canned ACLs into grants', async () => {
    await putAcl({ ACL: 'public-read' });
    expect(await grants()).toEqual([ownerFull, { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }]);
    await putAcl({ ACL: 'public-read-write' });
    expect(await grants()).toEqual([ownerFull, { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }, { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'WRITE' }]);
    await putAcl({ ACL: 'authenticated-read' });
    expect(await grants()).toEqual([ownerFull, { Grantee: { Type: 'Group', URI: AUTHENTICATED }, Permission: 'READ' }]);
    await putAcl({ ACL: 'log-delivery-write' as never });
    expect(await grants()).toEqual([ownerFull, { Grantee: { Type: 'Group', URI: LOG_DELIVERY }, Permission: 'WRITE' }, { Grantee: { Type: 'Group', URI: LOG_DELIVERY }, Permission: 'READ_ACP' }]);
    await putAcl({ ACL: 'private' });
    expect(await grants()).toEqual([ownerFull]);
  });

  it('takes explicit grants from x-amz-grant-* headers', async () => {
    const other = canonicalUserId(OTHER_ACCOUNT);
    await putAcl({ GrantFullControl: `id="${OWNER_ID}"`, GrantRead: `uri="${AUTHENTICATED}", id=${other}`, GrantWriteACP: `id="${other}"` });
    expect(await grants()).toEqual([
      { Grantee: { Type: 'Group', URI: AUTHENTICATED }, Permission: 'READ' },
      { Grantee: { Type: 'CanonicalUser', ID: other }, Permission: 'READ' },
      { Grantee: { Type: 'CanonicalUser', ID: other }, Permission: 'WRITE_ACP' },
      ownerFull,
    ]);
  });

  it('takes an AccessControlPolicy body', async () => {
    await putAcl({ AccessControlPolicy: { Owner: { ID: OWNER_ID }, Grants: [ownerFull as never, { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ_ACP' }] } });
    expect(await grants()).toEqual([ownerFull, { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ_ACP' }]);
  });

  it('refuses ambiguous or malformed requests', async () => {
    expect(await failure(putAcl({ ACL: 'private', GrantRead: `id="${OWNER_ID}"` }))).toMatchObject({
      name: 'InvalidRequest',
      message: 'Specifying both Canned ACLs and Header Grants is not allowed',
      status: 400,
    });
    expect(await failure(putAcl({ ACL: 'private', AccessControlPolicy: { Owner: { ID: OWNER_ID }, Grants: [] } }))).toMatchObject({
      name: 'UnexpectedContent',
      message: 'This request does not support content',
    });
    expect(await failure(putAcl({}))).toMatchObject({ name: 'MissingSecurityHeader', message: 'Your request was missing a required header', fields: { MissingHeaderName: 'x-amz-acl' } });
    expect(await failure(putAcl({ GrantRead: 'id="nope"' }))).toMatchObject({ name: 'InvalidArgument', message: 'Invalid id', fields: { ArgumentName: 'CanonicalUser/ID', ArgumentValue: 'nope' } });
    expect(await failure(putAcl({ GrantRead: 'uri="http://acs.amazonaws.com/groups/global/Nobody"' }))).toMatchObject({ name: 'InvalidArgument', message: 'Invalid group uri' });
    expect(await failure(putAcl({ GrantRead: 'everyone' }))).toMatchObject({ name: 'InvalidArgument', message: 'Argument format not recognized', fields: { ArgumentName: 'x-amz-grant-read' } });
    expect(await failure(putAcl({ GrantRead: 'emailAddress="someone@example.com"' }))).toMatchObject({
      name: 'UnresolvableGrantByEmailAddress',
      message: 'The e-mail address you provided does not match any account on record.',
      fields: { EmailAddress: 'someone@example.com' },
    });
    expect(await failure(putAcl({ AccessControlPolicy: { Grants: [] } }))).toMatchObject({ name: 'MalformedACLError', status: 400 });
    expect(await failure(putAcl({ AccessControlPolicy: { Owner: { ID: canonicalUserId(OTHER_ACCOUNT) }, Grants: [] } }))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('refuses public ACLs under BlockPublicAcls', async () => {
    const bucket = await newBucket(nimbus, 'acl-blocked');
    const s3 = s3Client(nimbus);
    await s3.send(new PutBucketOwnershipControlsCommand({ Bucket: bucket, OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } }));
    await s3.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicAcls: true } }));
    expect(await failure(putAcl({ ACL: 'public-read' }, bucket))).toMatchObject({ name: 'AccessDenied', message: 'Access Denied', status: 403 });
    expect(await failure(putAcl({ GrantRead: `uri="${AUTHENTICATED}"` }, bucket))).toMatchObject({ name: 'AccessDenied', status: 403 });
    await putAcl({ GrantRead: `id="${canonicalUserId(OTHER_ACCOUNT)}"` }, bucket);
  });

  it('is the owner’s to read and write unless the ACL grants more', async () => {
    await putAcl({ ACL: 'private' });
    const other = s3Client(nimbus, OTHER_ACCOUNT);
    expect(await failure(other.send(new GetBucketAclCommand({ Bucket: writer })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(other.send(new PutBucketAclCommand({ Bucket: writer, ACL: 'private' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    // READ_ACP lets the other account read the ACL (the authorize step decides, not the handler).
    await putAcl({ GrantReadACP: `id="${canonicalUserId(OTHER_ACCOUNT)}"`, GrantFullControl: `id="${canonicalUserId('000000000000')}"` });
    expect((await other.send(new GetBucketAclCommand({ Bucket: writer }))).Grants?.length).toBe(2);
    expect(await failure(other.send(new PutBucketAclCommand({ Bucket: writer, ACL: 'private' })))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });
});

describe('S3 CreateBucket with an ACL', () => {
  const bucketName = (tag: string) => `create-acl-${tag}-${Math.random().toString(36).slice(2, 8)}`;

  it('keeps the owner-only canned ACLs a BucketOwnerEnforced bucket allows', async () => {
    const s3 = s3Client(nimbus);
    for (const ACL of ['private'] as const) {
      const Bucket = bucketName(ACL);
      await s3.send(new CreateBucketCommand({ Bucket, ACL }));
      expect((await s3.send(new GetBucketAclCommand({ Bucket }))).Grants).toEqual([ownerFull]);
    }
  });

  it('refuses an ACL granting others while ObjectOwnership is left at BucketOwnerEnforced, and creates nothing', async () => {
    const s3 = s3Client(nimbus);
    const Bucket = bucketName('enforced');
    expect(await failure(s3.send(new CreateBucketCommand({ Bucket, ACL: 'public-read' })))).toMatchObject({
      name: 'InvalidBucketAclWithObjectOwnership',
      message: "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting",
      status: 400,
    });
    const other = canonicalUserId(OTHER_ACCOUNT);
    expect((await failure(s3.send(new CreateBucketCommand({ Bucket, GrantRead: `id="${other}"` })))).name).toBe('InvalidBucketAclWithObjectOwnership');
    expect((await failure(s3.send(new HeadBucketCommand({ Bucket })))).status).toBe(404);
  });

  it('refuses a public ACL with ACLs enabled (new buckets block public access)', async () => {
    const s3 = s3Client(nimbus);
    const Bucket = bucketName('public');
    expect(await failure(s3.send(new CreateBucketCommand({ Bucket, ACL: 'public-read', ObjectOwnership: 'ObjectWriter' })))).toMatchObject({
      name: 'InvalidBucketAclWithBlockPublicAccessError',
      message: 'Bucket cannot have public ACLs set with BlockPublicAccess enabled',
      status: 400,
    });
    const allUsers = 'uri="http://acs.amazonaws.com/groups/global/AllUsers"';
    expect((await failure(s3.send(new CreateBucketCommand({ Bucket, GrantRead: allUsers, ObjectOwnership: 'BucketOwnerPreferred' })))).name).toBe(
      'InvalidBucketAclWithBlockPublicAccessError',
    );
    expect((await failure(s3.send(new HeadBucketCommand({ Bucket })))).status).toBe(404);
  });

  it('applies grants to other accounts when ACLs are enabled', async () => {
    const s3 = s3Client(nimbus);
    const Bucket = bucketName('grants');
    const other = canonicalUserId(OTHER_ACCOUNT);
    await s3.send(new CreateBucketCommand({ Bucket, ObjectOwnership: 'ObjectWriter', GrantRead: `id="${other}"`, GrantFullControl: `id="${OWNER_ID}"` }));
    const acl = await s3.send(new GetBucketAclCommand({ Bucket }));
    expect(acl.Grants).toEqual(
      expect.arrayContaining([
        { Grantee: { Type: 'CanonicalUser', ID: other }, Permission: 'READ' },
        { Grantee: { Type: 'CanonicalUser', ID: OWNER_ID }, Permission: 'FULL_CONTROL' },
      ]),
    );
    expect(acl.Grants).toHaveLength(2);
    expect((await failure(s3.send(new CreateBucketCommand({ Bucket: bucketName('both'), ACL: 'private', GrantRead: `id="${other}"`, ObjectOwnership: 'ObjectWriter' })))).name).toBe('InvalidRequest');
  });
});
