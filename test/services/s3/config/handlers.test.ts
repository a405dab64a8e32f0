/**
 * The configuration handlers called directly on a real store (see harness.ts): who may configure
 * a bucket, what each subresource stores, and the bucket states that gate some of them.
 */
import { describe, expect, it } from 'vitest';
import { canonicalUserId } from '../../../../src/services/s3/domain/owners.js';
import { anonymousCaller, harness, OTHER, OWNER, rootCaller } from './harness.js';

describe('the caller’s bucket', () => {
  it('answers NoSuchBucket (404, BucketName) for a missing bucket', async () => {
    const h = harness();
    const e = await h.failure('GetBucketTagging', { Bucket: 'missing' });
    expect([e.code, e.statusCode, e.message, e.fields]).toEqual(['NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: 'missing' }]);
  });

  it('refuses a wrong expected owner with AccessDenied, and the policy operations to other accounts with MethodNotAllowed', async () => {
    const h = harness();
    await h.bucket('mine');
    const denied = await h.failure('GetBucketCors', { Bucket: 'mine', ExpectedBucketOwner: OTHER });
    expect([denied.code, denied.statusCode, denied.message]).toEqual(['AccessDenied', 403, 'Access Denied']);
    // Whether another account or an anonymous caller may configure the bucket at all is the authorize step's call.
    for (const e of [await h.failure('GetBucketPolicy', { Bucket: 'mine' }, rootCaller(OTHER)), await h.failure('DeleteBucketPolicy', { Bucket: 'mine' }, anonymousCaller(OWNER))]) {
      expect([e.code, e.statusCode]).toEqual(['MethodNotAllowed', 405]);
    }
    await expect(h.call('GetBucketAcl', { Bucket: 'mine', ExpectedBucketOwner: OWNER })).resolves.toBeDefined();
  });
});

describe('documents round-trip through the store', () => {
  it('tagging: put, get, delete, then NoSuchTagSet', async () => {
    const h = harness();
    await h.bucket('b');
    await h.call('PutBucketTagging', { Bucket: 'b', Tagging: { TagSet: [{ Key: 'env', Value: 'dev' }] } });
    expect(await h.call('GetBucketTagging', { Bucket: 'b' })).toEqual({ TagSet: [{ Key: 'env', Value: 'dev' }] });
    await h.call('DeleteBucketTagging', { Bucket: 'b' });
    expect((await h.failure('GetBucketTagging', { Bucket: 'b' })).code).toBe('NoSuchTagSet');
  });

  it('lifecycle dates come back as Dates, and rules without an ID get one', async () => {
    const h = harness();
    await h.bucket('b');
    const out = await h.call('PutBucketLifecycleConfiguration', {
      Bucket: 'b',
      LifecycleConfiguration: { Rules: [{ Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Date: new Date('2027-01-01T00:00:00Z') } }] },
    });
    expect(out).toEqual({ TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K' });
    const got = await h.call('GetBucketLifecycleConfiguration', { Bucket: 'b' });
    expect(got.Rules![0]!.Expiration!.Date).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(got.Rules![0]!.ID).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
  });

  it('the default ACL names the owner by canonical user id', async () => {
    const h = harness();
    await h.bucket('b');
    const id = canonicalUserId(OWNER);
    expect(await h.call('GetBucketAcl', { Bucket: 'b' })).toEqual({
      Owner: { ID: id },
      Grants: [{ Grantee: { Type: 'CanonicalUser', ID: id }, Permission: 'FULL_CONTROL' }],
    });
  });
});

describe('Object Lock on an existing bucket', () => {
  it('needs versioning Enabled, then turns Object Lock on for good', async () => {
    const h = harness();
    await h.bucket('plain');
    const config = { ObjectLockEnabled: 'Enabled' as const, Rule: { DefaultRetention: { Mode: 'GOVERNANCE' as const, Days: 1 } } };
    const e = await h.failure('PutObjectLockConfiguration', { Bucket: 'plain', ObjectLockConfiguration: config });
    expect([e.code, e.statusCode, e.message]).toEqual(['InvalidBucketState', 409, "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration"]);
    expect((await h.failure('GetObjectLockConfiguration', { Bucket: 'plain' })).code).toBe('ObjectLockConfigurationNotFoundError');

    await h.bucket('versioned', { versioning: 'Enabled' });
    await h.call('PutObjectLockConfiguration', { Bucket: 'versioned', ObjectLockConfiguration: config });
    expect(h.store.buckets.get('versioned')!.objectLockEnabled).toBe(true);
    expect(await h.call('GetObjectLockConfiguration', { Bucket: 'versioned' })).toEqual({ ObjectLockConfiguration: config });
  });

  it('answers Enabled without a rule for a bucket created with Object Lock', async () => {
    const h = harness();
    await h.bucket('locked', { objectLockEnabled: true, versioning: 'Enabled' });
    expect(await h.call('GetObjectLockConfiguration', { Bucket: 'locked' })).toEqual({ ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } });
  });
});

describe('logging targets', () => {
  it('must exist, have the same owner and be in the same region', async () => {
    const h = harness();
    await h.bucket('source');
    await h.bucket('theirs', { accountId: OTHER });
    await h.bucket('far', { region: 'eu-west-1' });
    const put = (target: string) => h.failure('PutBucketLogging', { Bucket: 'source', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: target, TargetPrefix: 'logs/' } } });
    let e = await put('nowhere');
    expect([e.code, e.statusCode, e.message, e.fields]).toEqual(['InvalidTargetBucketForLogging', 400, 'The target bucket for logging does not exist', { TargetBucket: 'nowhere' }]);
    e = await put('theirs');
    expect([e.code, e.message]).toEqual(['InvalidTargetBucketForLogging', 'The owner for the bucket to be logged and the target bucket must be the same.']);
    e = await put('far');
    expect([e.code, e.statusCode, e.fields]).toEqual(['CrossLocationLoggingProhibitted', 403, { SourceBucketLocation: 'us-east-1', TargetBucketLocation: 'eu-west-1' }]);
  });
});

describe('ACLs and Object Ownership', () => {
  it('refuses ACLs other than owner-only when ownership is BucketOwnerEnforced', async () => {
    const h = harness();
    await h.bucket('b');
    await h.call('PutBucketOwnershipControls', { Bucket: 'b', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
    const e = await h.failure('PutBucketAcl', { Bucket: 'b', ACL: 'public-read' });
    expect([e.code, e.statusCode, e.message]).toEqual(['AccessControlListNotSupported', 400, 'The bucket does not allow ACLs']);
    await h.call('PutBucketAcl', { Bucket: 'b', ACL: 'private' });
  });

  it('refuses BucketOwnerEnforced while the ACL grants others', async () => {
    const h = harness();
    await h.bucket('b');
    await h.call('PutBucketAcl', { Bucket: 'b', ACL: 'public-read' });
    const e = await h.failure('PutBucketOwnershipControls', { Bucket: 'b', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } });
    expect([e.code, e.statusCode]).toEqual(['InvalidBucketAclWithObjectOwnership', 400]);
  });
});

describe('replication', () => {
  it('is stored for a versioned bucket and read back', async () => {
    const h = harness();
    await h.bucket('versioned', { versioning: 'Enabled' });
    const config = { Role: 'arn:aws:iam::111111111111:role/r', Rules: [{ ID: 'all', Status: 'Enabled' as const, Filter: { Prefix: '' }, Destination: { Bucket: 'arn:aws:s3:::dest' } }] };
    await h.call('PutBucketReplication', { Bucket: 'versioned', ReplicationConfiguration: config });
    expect(await h.call('GetBucketReplication', { Bucket: 'versioned' })).toEqual({ ReplicationConfiguration: config });
    const e = await h.failure('PutBucketReplication', { Bucket: 'versioned', ReplicationConfiguration: { Role: '', Rules: [] } });
    expect(e.code).toBe('MalformedXML');
  });
});

describe('keyed configurations', () => {
  it('refuses a continuation token it did not issue', async () => {
    const h = harness();
    await h.bucket('b');
    const e = await h.failure('ListBucketMetricsConfigurations', { Bucket: 'b', ContinuationToken: '!!' });
    expect([e.code, e.message]).toEqual(['InvalidArgument', 'The continuation token provided is incorrect']);
  });
});
