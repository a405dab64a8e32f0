/**
 * S3 authorization decisions, from the authorization table through the policy engine, on a store
 * written directly: actions and ARNs per operation, bucket policies, ACLs, Block Public Access,
 * roots, anonymous and cross-account callers.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/how-s3-evaluates-access-control.html
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { S3Store } from '../../../../src/services/s3/store.js';
import { deleteObjectChecks } from '../../../../src/services/s3/domain/access/rules.js';
import { addBucket, anonymous, authorize, bucketPolicy, identity, newStore, otherRoot, OTHER, OWNER, ownerRoot, perKey, requestView, scopeOf, setConfig, userCaller } from './helpers.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
const PREFERRED = { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] };
const ENFORCED = { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] };

function publicRead(): Record<string, unknown> {
  return { Owner: { ID: 'x' }, Grants: [{ Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' }] };
}

let store: S3Store;
beforeEach(async () => {
  store = newStore();
  await addBucket(store, 'b', OWNER, { 'ownership-controls': ENFORCED });
});

describe('actions and resources', () => {
  const alice = userCaller('alice');
  const all = identity({ Effect: 'Allow', Action: '*', Resource: '*' });

  it('maps operations to their IAM actions and ARNs', () => {
    const cases: [string, Record<string, unknown>, string[], string][] = [
      ['HeadObject', { Bucket: 'b', Key: 'k' }, ['s3:GetObject'], 'arn:aws:s3:::b/k'],
      ['GetObject', { Bucket: 'b', Key: 'k', VersionId: 'v1' }, ['s3:GetObjectVersion'], 'arn:aws:s3:::b/k'],
      ['ListObjectsV2', { Bucket: 'b' }, ['s3:ListBucket'], 'arn:aws:s3:::b'],
      ['ListObjects', { Bucket: 'b' }, ['s3:ListBucket'], 'arn:aws:s3:::b'],
      ['ListObjectVersions', { Bucket: 'b' }, ['s3:ListBucketVersions'], 'arn:aws:s3:::b'],
      ['HeadBucket', { Bucket: 'b' }, ['s3:ListBucket'], 'arn:aws:s3:::b'],
      ['PutBucketCors', { Bucket: 'b', CORSConfiguration: { CORSRules: [] } }, ['s3:PutBucketCORS'], 'arn:aws:s3:::b'],
      ['DeleteBucketCors', { Bucket: 'b' }, ['s3:PutBucketCORS'], 'arn:aws:s3:::b'],
      ['GetPublicAccessBlock', { Bucket: 'b' }, ['s3:GetBucketPublicAccessBlock'], 'arn:aws:s3:::b'],
      ['CreateMultipartUpload', { Bucket: 'b', Key: 'k' }, ['s3:PutObject'], 'arn:aws:s3:::b/k'],
      ['UploadPart', { Bucket: 'b', Key: 'k', UploadId: 'u', PartNumber: 1 }, ['s3:PutObject'], 'arn:aws:s3:::b/k'],
      ['CompleteMultipartUpload', { Bucket: 'b', Key: 'k', UploadId: 'u' }, ['s3:PutObject'], 'arn:aws:s3:::b/k'],
      ['AbortMultipartUpload', { Bucket: 'b', Key: 'k', UploadId: 'u' }, ['s3:AbortMultipartUpload'], 'arn:aws:s3:::b/k'],
      ['ListParts', { Bucket: 'b', Key: 'k', UploadId: 'u' }, ['s3:ListMultipartUploadParts'], 'arn:aws:s3:::b/k'],
      ['ListMultipartUploads', { Bucket: 'b' }, ['s3:ListBucketMultipartUploads'], 'arn:aws:s3:::b'],
      ['PutObjectTagging', { Bucket: 'b', Key: 'k', VersionId: 'v', Tagging: { TagSet: [] } }, ['s3:PutObjectVersionTagging'], 'arn:aws:s3:::b/k'],
      ['PutObject', { Bucket: 'b', Key: 'k', ACL: 'private', Tagging: 'a=b' }, ['s3:PutObject', 's3:PutObjectAcl', 's3:PutObjectTagging'], 'arn:aws:s3:::b/k'],
      ['DeleteObject', { Bucket: 'b', Key: 'a/b c' }, ['s3:DeleteObject'], 'arn:aws:s3:::b/a/b c'],
      ['GetObjectAttributes', { Bucket: 'b', Key: 'k', ObjectAttributes: [] }, ['s3:GetObjectAttributes', 's3:GetObject'], 'arn:aws:s3:::b/k'],
    ];
    for (const [operation, input, actions, resource] of cases) {
      const out = authorize(store, operation as 'GetObject', input as never, alice, [all]);
      expect({ operation, actions: out.checks.map((c) => c.action), resources: [...new Set(out.checks.map((c) => c.resource))] }).toEqual({ operation, actions, resources: [resource] });
      expect(out.checks.every((c) => c.account === OWNER)).toBe(true);
    }
  });

  it('ListBuckets is s3:ListAllMyBuckets on *, CreateBucket s3:CreateBucket on the new bucket', () => {
    expect(authorize(store, 'ListBuckets', {}, alice).checks.map((c) => [c.action, c.resource])).toEqual([['s3:ListAllMyBuckets', '*']]);
    expect(authorize(store, 'CreateBucket', { Bucket: 'new', ObjectOwnership: 'ObjectWriter' }, alice).checks.map((c) => [c.action, c.resource])).toEqual([
      ['s3:CreateBucket', 'arn:aws:s3:::new'],
      ['s3:PutBucketOwnershipControls', 'arn:aws:s3:::new'],
    ]);
  });

  it('CopyObject reads the source under its own bucket and writes the target', async () => {
    await addBucket(store, 'src', OTHER);
    const out = authorize(store, 'CopyObject', { Bucket: 'b', Key: 'to', CopySource: 'src/from%20here?versionId=v7' }, alice, [all]);
    expect(out.checks.map((c) => [c.action, c.resource, c.account])).toEqual([
      ['s3:GetObjectVersion', 'arn:aws:s3:::src/from here', OTHER],
      ['s3:PutObject', 'arn:aws:s3:::b/to', OWNER],
    ]);
    // The source bucket belongs to another account and its policy grants nothing: denied.
    expect(out.decisions.map((d) => d.allowed)).toEqual([false, true]);
  });

  it('DeleteObjects needs nothing for the request as a whole: the handler checks each key', () => {
    const input = { Bucket: 'b', Delete: { Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v' }] } };
    expect(authorize(store, 'DeleteObjects', input, alice).checks).toEqual([]);
  });

  it('each DeleteObjects key needs s3:DeleteObject (s3:DeleteObjectVersion with a version)', () => {
    const out = perKey(store, { Bucket: 'b', Delete: { Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v' }] } }, alice, [
      identity({ Effect: 'Allow', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/*' }),
    ]);
    expect(out.map((o) => o.checks.map((c) => [c.action, c.resource]))).toEqual([[['s3:DeleteObject', 'arn:aws:s3:::b/a']], [['s3:DeleteObjectVersion', 'arn:aws:s3:::b/b']]]);
    expect(out.map((o) => o.allowed)).toEqual([true, false]);
  });

  it('DeleteObjects with BypassGovernanceRetention also needs s3:BypassGovernanceRetention on each key', () => {
    const out = perKey(store, { Bucket: 'b', BypassGovernanceRetention: true, Delete: { Objects: [{ Key: 'a' }] } }, alice, []);
    expect(out[0]!.checks.map((c) => c.action)).toEqual(['s3:DeleteObject', 's3:BypassGovernanceRetention']);
  });

  it("DeleteObjects: the owner's root has no key to evaluate until the bucket policy has a Deny", async () => {
    const input = { Bucket: 'b', Delete: { Objects: [{ Key: 'a' }] } };
    expect(deleteObjectChecks(input, scopeOf(ownerRoot), store)).toBeUndefined();
    expect(deleteObjectChecks({ ...input, Bucket: 'nope' }, scopeOf(alice), store)).toBeUndefined();
    await setConfig(store, 'b', 'policy', bucketPolicy({ Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::b/a' }));
    expect(perKey(store, input, ownerRoot, []).map((o) => o.decisions.map((d) => [d.outcome, d.deniedBy]))).toEqual([[['explicit-deny', 'resource']]]);
  });

  it('a missing bucket needs no check: the handler answers NoSuchBucket', () => {
    expect(authorize(store, 'GetObject', { Bucket: 'nope', Key: 'k' }, anonymous).checks).toEqual([]);
  });
});

describe('roots', () => {
  it('the owner root needs no evaluation without a Deny in the bucket policy', async () => {
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, ownerRoot).checks).toEqual([]);
    await setConfig(store, 'b', 'policy', bucketPolicy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }));
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, ownerRoot).checks).toEqual([]);
  });

  it('an explicit Deny in the bucket policy binds the owner root, except for the bucket policy operations', async () => {
    await setConfig(store, 'b', 'policy', bucketPolicy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] }));
    const out = authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, ownerRoot);
    expect(out.decisions.map((d) => [d.outcome, d.deniedBy])).toEqual([['explicit-deny', 'resource']]);
    expect(authorize(store, 'DeleteBucketPolicy', { Bucket: 'b' }, ownerRoot).checks).toEqual([]);
    expect(authorize(store, 'PutBucketPolicy', { Bucket: 'b', Policy: '{}' }, ownerRoot).checks).toEqual([]);
  });

  it("another account's root needs the bucket policy to name its account", async () => {
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, otherRoot).allowed).toBe(false);
    await setConfig(store, 'b', 'policy', bucketPolicy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }));
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, otherRoot).allowed).toBe(true);
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k' }, otherRoot).allowed).toBe(false);
  });
});

describe('IAM users and bucket policies', () => {
  const alice = userCaller('alice');
  const readPublic = identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/public/*' });

  it('an identity policy scoped to a prefix allows only that prefix', () => {
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'public/x' }, alice, [readPublic]).allowed).toBe(true);
    const denied = authorize(store, 'GetObject', { Bucket: 'b', Key: 'private/x' }, alice, [readPublic]);
    expect(denied.decisions[0]).toMatchObject({ outcome: 'implicit-deny', deniedBy: 'identity' });
  });

  it('a bucket policy naming the user allows without an identity policy; a Deny beats an identity Allow', async () => {
    await setConfig(
      store,
      'b',
      'policy',
      bucketPolicy(
        { Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/shared/*' },
        { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/public/secret' },
      ),
    );
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'shared/x' }, alice).allowed).toBe(true);
    const deny = authorize(store, 'GetObject', { Bucket: 'b', Key: 'public/secret' }, alice, [readPublic]);
    expect(deny.decisions[0]).toMatchObject({ outcome: 'explicit-deny', deniedBy: 'resource' });
  });

  it('s3:prefix narrows ListBucket', () => {
    const listHome = identity({ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::b', Condition: { StringLike: { 's3:prefix': 'home/alice/*' } } });
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b', Prefix: 'home/alice/docs/' }, alice, [listHome]).allowed).toBe(true);
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b', Prefix: 'home/bob/' }, alice, [listHome]).allowed).toBe(false);
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b' }, alice, [listHome]).allowed).toBe(false);
  });

  it('aws:SourceIp and aws:SecureTransport in a bucket policy', async () => {
    await setConfig(
      store,
      'b',
      'policy',
      bucketPolicy(
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
        { Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ),
    );
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, anonymous, [], { sourceIp: '10.1.2.3' }).allowed).toBe(true);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, anonymous, [], { sourceIp: '192.168.0.1' }).allowed).toBe(false);
    // Nimbus speaks HTTP: aws:SecureTransport is false, and the Deny binds even the owner's root.
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k' }, ownerRoot).decisions[0]).toMatchObject({ outcome: 'explicit-deny' });
  });

  it('s3:x-amz-acl and s3:RequestObjectTag conditions', () => {
    const onlyPrivate = identity({ Effect: 'Allow', Action: ['s3:PutObject', 's3:PutObjectAcl', 's3:PutObjectTagging'], Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 's3:x-amz-acl': 'private', 's3:RequestObjectTag/team': 'blue' } } });
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k', ACL: 'private', Tagging: 'team=blue' }, alice, [onlyPrivate]).allowed).toBe(true);
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k', ACL: 'public-read', Tagging: 'team=blue' }, alice, [onlyPrivate]).allowed).toBe(false);
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k', ACL: 'private', Tagging: 'team=red' }, alice, [onlyPrivate]).allowed).toBe(false);
  });

  it('s3:ExistingObjectTag reads the tags of the object the request names', async () => {
    const bucket = store.buckets.get('b')!;
    await store.transaction(() => {
      const base = { lastModified: new Date(), size: 1, etag: 'x', storageClass: 'STANDARD' as const, ownerAccountId: OWNER, blobId: undefined, partsCount: undefined, checksum: undefined };
      store.objects.put(bucket, 'doc', { ...base, attributes: { tags: [{ Key: 'Classification', Value: 'public' }] } });
      store.objects.put(bucket, 'memo', { ...base, attributes: { tags: [{ Key: 'Classification', Value: 'internal' }] } });
    });
    const onlyPublic = identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 's3:ExistingObjectTag/classification': 'public' } } });
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'doc' }, alice, [onlyPublic]).allowed).toBe(true);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'memo' }, alice, [onlyPublic]).allowed).toBe(false);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'missing' }, alice, [onlyPublic]).allowed).toBe(false);
  });

  it('s3:authType, s3:signatureversion, s3:x-amz-content-sha256 and s3:ResourceAccount describe the request', () => {
    const presignedOnly = identity({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: { StringEquals: { 's3:authType': 'REST-QUERY-STRING', 's3:signatureversion': 'AWS4-HMAC-SHA256', 's3:ResourceAccount': OWNER } },
    });
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, alice, [presignedOnly], { request: requestView('query') }).allowed).toBe(true);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, alice, [presignedOnly], { request: requestView('header') }).allowed).toBe(false);
    const signedPayload = identity({ Effect: 'Deny', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 's3:x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } } }, { Effect: 'Allow', Action: 's3:PutObject', Resource: '*' });
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k' }, alice, [signedPayload], { request: requestView('header', { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }) }).allowed).toBe(false);
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k' }, alice, [signedPayload], { request: requestView('header', { 'x-amz-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) }).allowed).toBe(true);
  });

  it('cross-account users need both their own policy and the bucket policy', async () => {
    const bob = userCaller('bob', OTHER);
    const bobReads = identity({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, bob, [bobReads]).allowed).toBe(false);
    await setConfig(store, 'b', 'policy', bucketPolicy({ Effect: 'Allow', Principal: { AWS: OTHER }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }));
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, bob, [bobReads]).allowed).toBe(true);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, bob, []).allowed).toBe(false);
  });
});

describe('anonymous callers, ACLs and Block Public Access', () => {
  const publicPolicy = bucketPolicy({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });

  it('get only what the bucket policy grants to everyone', async () => {
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, anonymous).allowed).toBe(false);
    await setConfig(store, 'b', 'policy', publicPolicy);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, anonymous).allowed).toBe(true);
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b' }, anonymous).allowed).toBe(false);
    expect(authorize(store, 'ListBuckets', {}, anonymous).allowed).toBe(false);
  });

  it('RestrictPublicBuckets limits a public policy to the owner account', async () => {
    await setConfig(store, 'b', 'policy', publicPolicy);
    await setConfig(store, 'b', 'public-access-block', { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: true });
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, anonymous).allowed).toBe(false);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, otherRoot).allowed).toBe(false);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'k' }, userCaller('alice')).allowed).toBe(true);
  });

  it('a public-read bucket ACL counts only while ACLs are enabled, and not with IgnorePublicAcls', async () => {
    await setConfig(store, 'b', 'acl', publicRead());
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b' }, anonymous).allowed).toBe(false);
    await setConfig(store, 'b', 'ownership-controls', PREFERRED);
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b' }, anonymous).allowed).toBe(true);
    expect(authorize(store, 'GetBucketAcl', { Bucket: 'b' }, anonymous).allowed).toBe(false);
    await setConfig(store, 'b', 'public-access-block', { BlockPublicAcls: false, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false });
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b' }, anonymous).allowed).toBe(false);
  });

  it('AuthenticatedUsers means any signed caller, and an account grant delegates to that account', async () => {
    await setConfig(store, 'b', 'ownership-controls', PREFERRED);
    await setConfig(store, 'b', 'acl', { Grants: [{ Grantee: { Type: 'Group', URI: AUTHENTICATED }, Permission: 'READ' }] });
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b' }, anonymous).allowed).toBe(false);
    expect(authorize(store, 'ListObjectsV2', { Bucket: 'b' }, otherRoot).allowed).toBe(true);
    const { canonicalUserId } = await import('../../../../src/services/s3/domain/owners.js');
    await setConfig(store, 'b', 'acl', { Grants: [{ Grantee: { Type: 'CanonicalUser', ID: canonicalUserId(OTHER) }, Permission: 'FULL_CONTROL' }] });
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k' }, otherRoot).allowed).toBe(true);
    expect(authorize(store, 'PutBucketAcl', { Bucket: 'b' }, otherRoot).allowed).toBe(true);
    expect(authorize(store, 'PutBucketPolicy', { Bucket: 'b', Policy: '{}' }, otherRoot).allowed).toBe(false);
    // An IAM user of that account still needs its own policy.
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k' }, userCaller('bob', OTHER)).allowed).toBe(false);
    expect(authorize(store, 'PutObject', { Bucket: 'b', Key: 'k' }, userCaller('bob', OTHER), [identity({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' })]).allowed).toBe(true);
  });

  it("an object's public-read ACL opens that object only", async () => {
    await setConfig(store, 'b', 'ownership-controls', PREFERRED);
    const bucket = store.buckets.get('b')!;
    await store.transaction(() => {
      const base = { lastModified: new Date(), size: 1, etag: 'x', storageClass: 'STANDARD' as const, ownerAccountId: OWNER, blobId: undefined, partsCount: undefined, checksum: undefined };
      store.objects.put(bucket, 'open', { ...base, attributes: { acl: publicRead() as never } });
      store.objects.put(bucket, 'closed', { ...base, attributes: {} });
    });
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'open' }, anonymous).allowed).toBe(true);
    expect(authorize(store, 'GetObjectAcl', { Bucket: 'b', Key: 'open' }, anonymous).allowed).toBe(false);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'closed' }, anonymous).allowed).toBe(false);
    await setConfig(store, 'b', 'ownership-controls', ENFORCED);
    expect(authorize(store, 'GetObject', { Bucket: 'b', Key: 'open' }, anonymous).allowed).toBe(false);
  });
});
