/** The pure pieces of S3 access control: ACL summaries, BlockPublicAcls, S3's AccessDenied. */
import { describe, expect, it } from 'vitest';
import { parsePolicy, evaluate } from '../../../../src/iam/index.js';
import { aclGrantsFor, summarizeAcl } from '../../../../src/services/s3/domain/access/acl-grants.js';
import { s3AccessDenied } from '../../../../src/services/s3/domain/access/denied.js';
import { refusePublicAcl } from '../../../../src/services/s3/domain/access/public-access.js';
import { canonicalUserId } from '../../../../src/services/s3/domain/owners.js';
import { addBucket, anonymous, newStore, otherRoot, OTHER, OWNER, setConfig, userCaller } from './helpers.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';

describe('ACLs as grants', () => {
  const acl = summarizeAcl({
    Grants: [
      { Grantee: { Type: 'CanonicalUser', ID: canonicalUserId(OWNER) }, Permission: 'FULL_CONTROL' },
      { Grantee: { Type: 'Group', URI: ALL_USERS }, Permission: 'READ' },
      { Grantee: { Type: 'CanonicalUser', ID: canonicalUserId(OTHER) }, Permission: 'WRITE' },
      { Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: 'x@example.com' }, Permission: 'READ' },
    ],
  });

  it('the owner grant is a no-op; AllUsers and the other account translate to statements', () => {
    const forOwner = aclGrantsFor('bucket', acl, OWNER, OWNER, false)!;
    expect(JSON.parse(forOwner.policy.text).Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['AllUsers']);
    const forOther = aclGrantsFor('bucket', acl, OWNER, OTHER, false)!;
    expect(JSON.parse(forOther.policy.text).Statement).toContainEqual({ Sid: 'Account', Effect: 'Allow', Principal: { AWS: OTHER }, Action: ['s3:PutObject', 's3:DeleteObject'], Resource: '*' });
    expect(aclGrantsFor('bucket', acl, OWNER, OWNER, true)).toBeUndefined();
    // The same grants give the same compiled policy: compiled once, shared.
    expect(aclGrantsFor('bucket', acl, OWNER, OTHER, false)).toBe(forOther);
  });

  it('object READ covers GetObject and GetObjectVersion, not the object ACL', () => {
    const grants = aclGrantsFor('object', acl, OWNER, undefined, false)!;
    const decide = (action: string) => evaluate({ principal: anonymous, action, resource: 'arn:aws:s3:::b/k', resourceAccount: OWNER, context: new Map() }, { identity: [], resourceGrants: [grants] }).allowed;
    expect([decide('s3:GetObject'), decide('s3:GetObjectVersion'), decide('s3:GetObjectAcl'), decide('s3:PutObject')]).toEqual([true, true, false, false]);
  });
});

describe('BlockPublicAcls (refusePublicAcl, for the handlers that store ACLs)', () => {
  it('refuses a public ACL only while BlockPublicAcls is on', async () => {
    const store = newStore();
    const bucket = await addBucket(store, 'b');
    const publicRead = { Grants: [{ Grantee: { Type: 'Group' as const, URI: ALL_USERS }, Permission: 'READ' as const }] };
    const ownerOnly = { Grants: [{ Grantee: { Type: 'CanonicalUser' as const, ID: canonicalUserId(OWNER) }, Permission: 'FULL_CONTROL' as const }] };
    expect(() => refusePublicAcl(store, bucket, publicRead)).not.toThrow();
    await setConfig(store, 'b', 'public-access-block', { BlockPublicAcls: true, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false });
    expect(() => refusePublicAcl(store, bucket, publicRead)).toThrow(expect.objectContaining({ code: 'AccessDenied', statusCode: 403, message: 'Access Denied' }));
    expect(() => refusePublicAcl(store, bucket, ownerOnly)).not.toThrow();
    expect(() => refusePublicAcl(store, bucket, undefined)).not.toThrow();
  });
});

describe("S3's AccessDenied", () => {
  const denyAll = { policy: parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}', 'resource'), source: { type: 'resource' as const, name: 'bucket-policy' } };

  it('explains to callers of the owner account, with the resource quoted', () => {
    const request = { principal: userCaller('alice'), action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: OWNER, context: new Map() };
    const e = s3AccessDenied(request, evaluate(request, { identity: [], resource: denyAll }));
    expect([e.code, e.statusCode, e.message]).toEqual(['AccessDenied', 403, `User: arn:aws:iam::${OWNER}:user/alice is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::b/k" with an explicit deny in a resource-based policy`]);
  });

  it('says only "Access Denied" to anonymous callers and other accounts', () => {
    for (const principal of [anonymous, otherRoot]) {
      const request = { principal, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: OWNER, context: new Map() };
      expect(s3AccessDenied(request, evaluate(request, { identity: [] })).message).toBe('Access Denied');
    }
  });
});
