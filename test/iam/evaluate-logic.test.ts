/**
 * AWS's evaluation logic, case by case. Each case names the documented rule it checks:
 *   EVAL     https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 *   TABLE    …evaluation-logic.html#policy-eval-denyallow ("Resource-based policies and implicit denies in other policy types")
 *   CROSS    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html
 *   BOUND    https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
 *   SESSION  https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 *   PRINC    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 *   NOTPRINC https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 *   KMS      https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type Decision, type PolicySet, type PrincipalInfo } from '../../src/iam/index.js';
import { ACCOUNT, OTHER, allowAll, anonymous, boundary, ctx, doc, federatedUser, identity, managed, request, resourcePolicy, roleSession, root, service, session, trustPolicy, user } from './helpers.js';

const BUCKET = 'arn:aws:s3:::bucket';
const OBJECT = 'arn:aws:s3:::bucket/key';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Target`;

const allowGet = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' });
const denyGet = doc({ Effect: 'Deny', Action: 's3:GetObject', Resource: '*' });
const allowPut = doc({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' });
const grantTo = (principal: unknown, effect = 'Allow', action = 's3:GetObject') => doc({ Effect: effect, Principal: principal, Action: action, Resource: 'arn:aws:s3:::bucket/*' });

interface Case {
  name: string;
  principal: PrincipalInfo;
  policies: PolicySet;
  action?: string;
  resource?: string;
  resourceAccount?: string;
  expect: Decision['outcome'];
  deniedBy?: Decision['deniedBy'];
}

const alice = user('alice');
const dev = roleSession('Dev', 'sess');
const fed = federatedUser('fed');
const aliceOther = user('alice', OTHER);
const devOther = roleSession('Dev', 'sess', OTHER);

const cases: Case[] = [
  // Basics within one account.
  { name: 'EVAL: an identity-based Allow allows', principal: alice, policies: { identity: [identity(allowGet)] }, expect: 'allowed' },
  { name: 'EVAL: no policy → implicit deny', principal: alice, policies: { identity: [] }, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'EVAL: Allow for another action → implicit deny', principal: alice, policies: { identity: [identity(allowPut)] }, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'EVAL: Allow for another resource → implicit deny', principal: alice, policies: { identity: [identity(allowGet)] }, resource: 'arn:aws:s3:::other/key', expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'EVAL: explicit Deny overrides an Allow in the same policy', principal: alice, policies: { identity: [identity(doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }))] }, expect: 'explicit-deny', deniedBy: 'identity' },
  { name: 'EVAL: explicit Deny in one policy overrides an Allow in another', principal: alice, policies: { identity: [identity(allowAll), managed(denyGet)] }, expect: 'explicit-deny', deniedBy: 'identity' },
  { name: 'EVAL: an Allow in any of several identity policies suffices', principal: alice, policies: { identity: [identity(allowPut), managed(allowGet)] }, expect: 'allowed' },

  // Resource-based policies within one account.
  { name: 'TABLE: resource policy naming the IAM user allows without identity policy', principal: alice, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: alice.arn })) }, expect: 'allowed' },
  { name: 'PRINC: an account principal delegates to the account — identity policy needed', principal: alice, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: `arn:aws:iam::${ACCOUNT}:root` })) }, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'PRINC: account principal (short form) + identity Allow → allowed', principal: alice, policies: { identity: [identity(allowGet)], resource: resourcePolicy(grantTo({ AWS: ACCOUNT })) }, expect: 'allowed' },
  { name: 'PRINC: Principal "*" grants everyone, no identity policy needed', principal: alice, policies: { identity: [], resource: resourcePolicy(grantTo('*')) }, expect: 'allowed' },
  { name: 'EVAL: either identity or resource Allow suffices (identity only, resource names someone else)', principal: alice, policies: { identity: [identity(allowGet)], resource: resourcePolicy(grantTo({ AWS: user('bob').arn })) }, expect: 'allowed' },
  { name: 'EVAL: resource policy for another user does not allow', principal: alice, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: user('bob').arn })) }, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'EVAL: Deny in the resource policy overrides an identity Allow', principal: alice, policies: { identity: [identity(allowAll)], resource: resourcePolicy(grantTo({ AWS: alice.arn }, 'Deny')) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'EVAL: Deny to "*" in the resource policy denies everyone', principal: alice, policies: { identity: [identity(allowAll)], resource: resourcePolicy(grantTo('*', 'Deny')) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'EVAL: Deny in identity policy overrides a direct resource-policy grant', principal: alice, policies: { identity: [identity(denyGet)], resource: resourcePolicy(grantTo({ AWS: alice.arn })) }, expect: 'explicit-deny', deniedBy: 'identity' },
  { name: 'PRINC: a Deny naming another principal does not apply', principal: alice, policies: { identity: [identity(allowAll)], resource: resourcePolicy(grantTo({ AWS: user('bob').arn }, 'Deny')) }, expect: 'allowed' },
  { name: 'PRINC: the user unique id (AIDA…) names the user', principal: alice, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: alice.userId })) }, expect: 'allowed' },

  // Permissions boundaries.
  { name: 'BOUND: identity and boundary both allow → allowed', principal: alice, policies: { identity: [identity(allowGet)], boundary: boundary(allowAll) }, expect: 'allowed' },
  { name: 'BOUND: boundary does not allow → implicit deny by the boundary', principal: alice, policies: { identity: [identity(allowGet)], boundary: boundary(allowPut) }, expect: 'implicit-deny', deniedBy: 'boundary' },
  { name: 'BOUND: a boundary alone grants nothing', principal: alice, policies: { identity: [], boundary: boundary(allowAll) }, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'BOUND: explicit Deny in the boundary', principal: alice, policies: { identity: [identity(allowAll)], boundary: boundary(doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' })) }, expect: 'explicit-deny', deniedBy: 'boundary' },
  { name: 'TABLE: resource policy naming the IAM user is not limited by the boundary', principal: alice, policies: { identity: [], boundary: boundary(allowPut), resource: resourcePolicy(grantTo({ AWS: alice.arn })) }, expect: 'allowed' },
  { name: 'TABLE: resource policy naming the role ARN is limited by the boundary', principal: dev, policies: { identity: [], boundary: boundary(allowPut), resource: resourcePolicy(grantTo({ AWS: dev.roleArn })) }, expect: 'implicit-deny', deniedBy: 'boundary' },
  { name: 'TABLE: resource policy naming the role ARN allows a session without identity policy', principal: dev, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: dev.roleArn })) }, expect: 'allowed' },
  { name: 'TABLE: resource policy naming the role session ARN is not limited by the boundary', principal: dev, policies: { identity: [], boundary: boundary(allowPut), resource: resourcePolicy(grantTo({ AWS: dev.arn })) }, expect: 'allowed' },
  { name: 'BOUND: a Deny in the boundary still beats a direct resource grant', principal: alice, policies: { identity: [], boundary: boundary(doc({ Effect: 'Deny', Action: '*', Resource: '*' })), resource: resourcePolicy(grantTo({ AWS: alice.arn })) }, expect: 'explicit-deny', deniedBy: 'boundary' },

  // Session policies.
  { name: 'SESSION: session policy and role policy both allow → allowed', principal: dev, policies: { identity: [identity(allowGet)], session: [session(allowAll)] }, expect: 'allowed' },
  { name: 'SESSION: session policy does not allow → implicit deny by session policy', principal: dev, policies: { identity: [identity(allowGet)], session: [session(allowPut)] }, expect: 'implicit-deny', deniedBy: 'session' },
  { name: 'SESSION: a session policy grants nothing the role lacks', principal: dev, policies: { identity: [identity(allowPut)], session: [session(allowAll)] }, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'SESSION: an Allow in any of several session policies suffices', principal: dev, policies: { identity: [identity(allowGet)], session: [session(allowPut), session(allowGet, 'Managed')] }, expect: 'allowed' },
  { name: 'SESSION: explicit Deny in a session policy', principal: dev, policies: { identity: [identity(allowAll)], session: [session(doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }))] }, expect: 'explicit-deny', deniedBy: 'session' },
  { name: 'TABLE: resource policy naming the role ARN is limited by the session policy', principal: dev, policies: { identity: [], session: [session(allowPut)], resource: resourcePolicy(grantTo({ AWS: dev.roleArn })) }, expect: 'implicit-deny', deniedBy: 'session' },
  { name: 'TABLE: resource policy naming the session ARN is not limited by the session policy', principal: dev, policies: { identity: [], session: [session(allowPut)], resource: resourcePolicy(grantTo({ AWS: dev.arn })) }, expect: 'allowed' },
  { name: 'EVAL: a federated-user session without session policy has no permissions', principal: fed, policies: { identity: [identity(allowAll)] }, expect: 'implicit-deny', deniedBy: 'session' },
  { name: 'EVAL: federated user: session policy ∩ user policies', principal: fed, policies: { identity: [identity(allowAll)], session: [session(allowGet)] }, expect: 'allowed' },
  { name: 'TABLE: resource policy naming the federated-user session ARN allows directly', principal: fed, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: fed.arn })) }, expect: 'allowed' },
  { name: 'TABLE: resource policy naming the federating IAM user is limited by the session policy', principal: fed, policies: { identity: [], session: [session(allowPut)], resource: resourcePolicy(grantTo({ AWS: user('alice').arn })) }, expect: 'implicit-deny', deniedBy: 'session' },

  // Cross-account.
  { name: 'CROSS: identity Allow but no resource policy → denied', principal: aliceOther, policies: { identity: [identity(allowGet)] }, resourceAccount: ACCOUNT, expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'CROSS: identity Allow + resource policy trusting the account → allowed', principal: aliceOther, policies: { identity: [identity(allowGet)], resource: resourcePolicy(grantTo({ AWS: OTHER })) }, resourceAccount: ACCOUNT, expect: 'allowed' },
  { name: 'CROSS: resource policy allows but identity does not → denied', principal: aliceOther, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: OTHER })) }, resourceAccount: ACCOUNT, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'CROSS: even a resource policy naming the user needs the identity Allow', principal: aliceOther, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: aliceOther.arn })) }, resourceAccount: ACCOUNT, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'CROSS: resource policy naming the user + identity Allow → allowed', principal: aliceOther, policies: { identity: [identity(allowGet)], resource: resourcePolicy(grantTo({ AWS: aliceOther.arn })) }, resourceAccount: ACCOUNT, expect: 'allowed' },
  { name: 'CROSS: role session, resource trusts the role ARN + identity Allow → allowed', principal: devOther, policies: { identity: [identity(allowGet)], resource: resourcePolicy(grantTo({ AWS: devOther.roleArn })) }, resourceAccount: ACCOUNT, expect: 'allowed' },
  { name: 'CROSS: resource policy Deny → explicit deny', principal: aliceOther, policies: { identity: [identity(allowAll)], resource: resourcePolicy(grantTo({ AWS: OTHER }, 'Deny')) }, resourceAccount: ACCOUNT, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'CROSS: boundary in the caller account still limits', principal: aliceOther, policies: { identity: [identity(allowGet)], boundary: boundary(allowPut), resource: resourcePolicy(grantTo({ AWS: OTHER })) }, resourceAccount: ACCOUNT, expect: 'implicit-deny', deniedBy: 'boundary' },
  { name: 'CROSS: resource policy for a different account → denied', principal: aliceOther, policies: { identity: [identity(allowGet)], resource: resourcePolicy(grantTo({ AWS: '999999999999' })) }, resourceAccount: ACCOUNT, expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'CROSS: resource policy for "*" + identity Allow → allowed', principal: aliceOther, policies: { identity: [identity(allowGet)], resource: resourcePolicy(grantTo('*')) }, resourceAccount: ACCOUNT, expect: 'allowed' },
  { name: 'CROSS: resourceAccount equal to the caller account is not cross-account', principal: alice, policies: { identity: [identity(allowGet)] }, resourceAccount: ACCOUNT, expect: 'allowed' },

  // Root.
  { name: 'EVAL: the root user is allowed everything in its account', principal: root(), policies: { identity: [] }, expect: 'allowed' },
  { name: 'EVAL: identity-based policies do not apply to the root user', principal: root(), policies: { identity: [identity(denyGet)] }, expect: 'allowed' },
  { name: 'EVAL: a resource-policy Deny applies to the root user', principal: root(), policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: ACCOUNT }, 'Deny')) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'EVAL: a resource-policy Deny to "*" applies to the root user', principal: root(), policies: { identity: [], resource: resourcePolicy(grantTo('*', 'Deny')) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'EVAL: a Deny naming someone else does not stop the root user', principal: root(), policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: alice.arn }, 'Deny')) }, expect: 'allowed' },
  { name: 'CROSS: root of another account needs the resource policy', principal: root(OTHER), policies: { identity: [] }, resourceAccount: ACCOUNT, expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'CROSS: root of another account trusted by the resource policy → allowed', principal: root(OTHER), policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: `arn:aws:iam::${OTHER}:root` })) }, resourceAccount: ACCOUNT, expect: 'allowed' },

  // Anonymous and service principals.
  { name: 'PRINC: anonymous without resource policy → denied', principal: anonymous(), policies: { identity: [] }, expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'PRINC: anonymous allowed by Principal "*"', principal: anonymous(), policies: { identity: [], resource: resourcePolicy(grantTo('*')) }, expect: 'allowed' },
  { name: 'PRINC: anonymous allowed by Principal {"AWS": "*"}', principal: anonymous(), policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: '*' })) }, expect: 'allowed' },
  { name: 'PRINC: an account principal does not match anonymous callers', principal: anonymous(), policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: ACCOUNT })) }, expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'PRINC: identity-based policies never allow anonymous callers', principal: anonymous(), policies: { identity: [identity(allowAll)] }, expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'PRINC: Deny to "*" applies to anonymous callers', principal: anonymous(), policies: { identity: [], resource: resourcePolicy(doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }, { Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: '*' })) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'PRINC: a service principal is matched by Principal Service', principal: service('s3.amazonaws.com'), policies: { identity: [], resource: resourcePolicy(grantTo({ Service: 's3.amazonaws.com' })) }, expect: 'allowed' },
  { name: 'PRINC: Principal Service names another service → denied', principal: service('sns.amazonaws.com'), policies: { identity: [], resource: resourcePolicy(grantTo({ Service: ['s3.amazonaws.com', 'lambda.amazonaws.com'] })) }, expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'PRINC: Principal "*" includes service principals', principal: service('sns.amazonaws.com'), policies: { identity: [], resource: resourcePolicy(grantTo('*')) }, expect: 'allowed' },
  { name: 'PRINC: Principal Service does not match IAM users', principal: alice, policies: { identity: [], resource: resourcePolicy(grantTo({ Service: 's3.amazonaws.com' })) }, expect: 'implicit-deny', deniedBy: 'identity' },

  // Role trust policies and KMS key policies must allow.
  { name: 'EVAL: trust policy naming the user allows AssumeRole without identity policy', principal: alice, policies: { identity: [], resource: trustPolicy(doc({ Effect: 'Allow', Principal: { AWS: alice.arn }, Action: 'sts:AssumeRole' })) }, action: 'sts:AssumeRole', resource: ROLE, expect: 'allowed' },
  { name: 'EVAL: trust policy naming the account + identity Allow → allowed', principal: alice, policies: { identity: [identity(doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE }))], resource: trustPolicy(doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' })) }, action: 'sts:AssumeRole', resource: ROLE, expect: 'allowed' },
  { name: 'EVAL: trust policy naming the account without identity Allow → denied', principal: alice, policies: { identity: [], resource: trustPolicy(doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' })) }, action: 'sts:AssumeRole', resource: ROLE, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'EVAL: the trust policy must allow even when identity policies allow', principal: alice, policies: { identity: [identity(allowAll)], resource: trustPolicy(doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' })) }, action: 'sts:AssumeRole', resource: ROLE, expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'CROSS: trust policy of another account naming ours + identity Allow → allowed', principal: aliceOther, policies: { identity: [identity(allowAll)], resource: trustPolicy(doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: 'sts:AssumeRole' })) }, action: 'sts:AssumeRole', resource: ROLE, resourceAccount: ACCOUNT, expect: 'allowed' },
  { name: 'EVAL: Deny in a trust policy', principal: alice, policies: { identity: [identity(allowAll)], resource: trustPolicy(doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }, { Effect: 'Deny', Principal: { AWS: alice.arn }, Action: 'sts:AssumeRole' })) }, action: 'sts:AssumeRole', resource: ROLE, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'PRINC: trust policy Principal Federated matches the identity provider', principal: { ...dev, federatedProvider: 'accounts.google.com' }, policies: { identity: [], resource: trustPolicy(doc({ Effect: 'Allow', Principal: { Federated: 'accounts.google.com' }, Action: 'sts:AssumeRoleWithWebIdentity' })) }, action: 'sts:AssumeRoleWithWebIdentity', resource: ROLE, expect: 'allowed' },
  { name: 'KMS: the key policy must allow — identity Allow alone is not enough', principal: alice, policies: { identity: [identity(allowAll)], resource: resourcePolicy(grantTo({ AWS: user('bob').arn }, 'Allow', 'kms:*')), resourceMustAllow: true }, action: 'kms:Decrypt', resource: 'arn:aws:s3:::bucket/key', expect: 'implicit-deny', deniedBy: 'resource' },
  { name: 'KMS: key policy delegating to the account root + identity Allow → allowed', principal: alice, policies: { identity: [identity(allowAll)], resource: resourcePolicy(grantTo({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, 'Allow', 'kms:*')), resourceMustAllow: true }, action: 'kms:Decrypt', expect: 'allowed' },
  { name: 'KMS: key policy delegating to the account root without identity Allow → denied', principal: alice, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: `arn:aws:iam::${ACCOUNT}:root` }, 'Allow', 'kms:*')), resourceMustAllow: true }, action: 'kms:Decrypt', expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'KMS: key policy naming the user allows without identity policy', principal: alice, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: alice.arn }, 'Allow', 'kms:*')), resourceMustAllow: true }, action: 'kms:Decrypt', expect: 'allowed' },
  { name: 'KMS: root of the key account still needs the key policy', principal: root(), policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: alice.arn }, 'Allow', 'kms:*')), resourceMustAllow: true }, action: 'kms:Decrypt', expect: 'implicit-deny', deniedBy: 'resource' },

  // NotPrincipal.
  { name: 'NOTPRINC: Deny NotPrincipal listing the user and its account exempts the user', principal: alice, policies: { identity: [identity(allowAll)], resource: resourcePolicy(doc({ Effect: 'Deny', NotPrincipal: { AWS: [alice.arn, `arn:aws:iam::${ACCOUNT}:root`] }, Action: 's3:*', Resource: '*' })) }, expect: 'allowed' },
  { name: 'NOTPRINC: listing only the user, not the account, may deny the user', principal: alice, policies: { identity: [identity(allowAll)], resource: resourcePolicy(doc({ Effect: 'Deny', NotPrincipal: { AWS: alice.arn }, Action: 's3:*', Resource: '*' })) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'NOTPRINC: Deny NotPrincipal applies to everyone not listed', principal: user('bob'), policies: { identity: [identity(allowAll)], resource: resourcePolicy(doc({ Effect: 'Deny', NotPrincipal: { AWS: [alice.arn, `arn:aws:iam::${ACCOUNT}:root`] }, Action: 's3:*', Resource: '*' })) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'NOTPRINC: a role session is exempt when session, role and account are listed', principal: dev, policies: { identity: [identity(allowAll)], resource: resourcePolicy(doc({ Effect: 'Deny', NotPrincipal: { AWS: [dev.arn, dev.roleArn, ACCOUNT] }, Action: 's3:*', Resource: '*' })) }, expect: 'allowed' },
  { name: 'NOTPRINC: a role session is denied when its role is not listed', principal: dev, policies: { identity: [identity(allowAll)], resource: resourcePolicy(doc({ Effect: 'Deny', NotPrincipal: { AWS: [dev.arn, ACCOUNT] }, Action: 's3:*', Resource: '*' })) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'NOTPRINC: anonymous callers are never exempted by an AWS principal', principal: anonymous(), policies: { identity: [], resource: resourcePolicy(doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }, { Effect: 'Deny', NotPrincipal: { AWS: ACCOUNT }, Action: 's3:*', Resource: '*' })) }, expect: 'explicit-deny', deniedBy: 'resource' },
  { name: 'NOTPRINC: Allow with NotPrincipal grants everyone else', principal: user('bob'), policies: { identity: [], resource: resourcePolicy(doc({ Effect: 'Allow', NotPrincipal: { AWS: alice.arn }, Action: 's3:GetObject', Resource: '*' })) }, expect: 'allowed' },

  // Principal forms.
  { name: 'PRINC: an assumed-role session ARN names that session', principal: dev, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: dev.arn })) }, expect: 'allowed' },
  { name: 'PRINC: another session of the same role is not named', principal: roleSession('Dev', 'other'), policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: dev.arn })) }, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'PRINC: a different role ARN does not match', principal: dev, policies: { identity: [], resource: resourcePolicy(grantTo({ AWS: `arn:aws:iam::${ACCOUNT}:role/Other` })) }, expect: 'implicit-deny', deniedBy: 'identity' },
  { name: 'PRINC: CanonicalUser names the account (delegation)', principal: { ...alice, canonicalUserId: 'abc123' }, policies: { identity: [identity(allowGet)], resource: resourcePolicy(grantTo({ CanonicalUser: 'abc123' })) }, resourceAccount: OTHER, expect: 'allowed' },
];

describe('evaluate: AWS evaluation logic', () => {
  it.each(cases)('$name', (c) => {
    const d = evaluate(request(c.principal, c.action ?? 's3:GetObject', c.resource ?? OBJECT, ctx(), c.resourceAccount), c.policies);
    expect(d.outcome).toBe(c.expect);
    expect(d.allowed).toBe(c.expect === 'allowed');
    if (c.expect !== 'allowed') expect(d.deniedBy).toBe(c.deniedBy);
    else expect(d.deniedBy).toBeUndefined();
  });

  it('has a large table', () => {
    expect(cases.length).toBeGreaterThan(80);
  });
});

describe('evaluate: what the decision reports', () => {
  it('deciding is the Allow that let the request through; matched lists every matching statement', () => {
    const a = identity(doc({ Sid: 'One', Effect: 'Allow', Action: 's3:*', Resource: '*' }), 'A');
    const b = managed(doc({ Sid: 'Two', Effect: 'Allow', Action: 's3:GetObject', Resource: OBJECT }, { Sid: 'Three', Effect: 'Allow', Action: 'sqs:*', Resource: '*' }), 'B');
    const d = evaluate(request(alice, 's3:GetObject', OBJECT), { identity: [a, b] });
    expect(d.deciding?.statement.sid).toBe('One');
    expect(d.matched.map((m) => `${m.source.name}#${m.statement.sid}`)).toEqual(['A#One', 'B#Two']);
  });

  it('deciding is the Deny that denied', () => {
    const p = identity(doc({ Sid: 'Allow', Effect: 'Allow', Action: '*', Resource: '*' }, { Sid: 'NoGet', Effect: 'Deny', Action: 's3:Get*', Resource: '*' }));
    const d = evaluate(request(alice, 's3:GetObject', OBJECT), { identity: [p] });
    expect(d.deciding?.statement.sid).toBe('NoGet');
    expect(d.deciding?.statement.effect).toBe('Deny');
    expect(d.matched).toHaveLength(2);
  });

  it('an implicit deny has no deciding statement and may have matched Allows of other policy types', () => {
    const d = evaluate(request(alice, 's3:GetObject', OBJECT), { identity: [identity(allowGet)], boundary: boundary(allowPut) });
    expect(d.deciding).toBeUndefined();
    expect(d.matched).toHaveLength(1);
    expect(d.matched[0]?.source.type).toBe('identity');
  });

  it('a resource-policy grant decides when identity policies do not allow', () => {
    const d = evaluate(request(alice, 's3:GetObject', OBJECT), { identity: [], resource: resourcePolicy(grantTo({ AWS: alice.arn })) });
    expect(d.deciding?.source.type).toBe('resource');
  });

  it('missingContextKeys lists condition keys of matching statements that the request lacked', () => {
    const p = identity(
      doc(
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 's3:ExistingObjectTag/team': 'a' }, Bool: { 'aws:SecureTransport': 'true' } } },
        { Effect: 'Allow', Action: 'sqs:*', Resource: '*', Condition: { StringEquals: { 'sqs:Unrelated': 'x' } } },
      ),
    );
    const d = evaluate(request(alice, 's3:GetObject', OBJECT, ctx({ 'aws:SecureTransport': 'true' })), { identity: [p] });
    expect(d.allowed).toBe(false);
    expect(d.missingContextKeys).toEqual(['s3:ExistingObjectTag/team']);
  });

  it('missingContextKeys covers keys after the first failing condition too', () => {
    const p = identity(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:username': 'bob' }, StringLike: { 's3:prefix': 'x*' } } }));
    const d = evaluate(request(alice, 's3:GetObject', OBJECT, ctx({ 'aws:username': 'alice' })), { identity: [p] });
    expect(d.missingContextKeys).toEqual(['s3:prefix']);
  });

  it('reads the context only through get()', () => {
    const asked: string[] = [];
    const lazy = {
      get(key: string) {
        asked.push(key);
        return key === 'aws:sourceip' ? ['10.0.0.1'] : undefined;
      },
    };
    const strict = new Proxy(lazy, {
      get(target, prop) {
        if (prop !== 'get') throw new Error(`evaluate used context.${String(prop)}`);
        return target.get;
      },
    }) as unknown as ReadonlyMap<string, readonly string[]>;
    const p = identity(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, Null: { 'aws:TokenIssueTime': 'true' } } }));
    const d = evaluate(request(alice, 's3:GetObject', OBJECT, strict), { identity: [p], resource: resourcePolicy(grantTo({ AWS: alice.arn })) });
    expect(d.allowed).toBe(true);
    expect(asked).toEqual(['aws:sourceip', 'aws:tokenissuetime']);
  });

  it('evaluates the same compiled policy for many principals and sources', () => {
    const policy = identity(allowGet).policy;
    for (const name of ['a', 'b', 'c']) {
      const d = evaluate(request(user(name), 's3:GetObject', OBJECT), { identity: [{ policy, source: { type: 'identity', name } }] });
      expect(d.matched[0]?.source.name).toBe(name);
    }
  });

  it('accepts a Policy object that parsePolicy did not build (compiled from its text)', () => {
    const text = JSON.stringify(allowGet);
    const handMade = { text, version: '2012-10-17' as const, statements: [] };
    const d = evaluate(request(alice, 's3:GetObject', OBJECT), { identity: [{ policy: handMade, source: { type: 'identity', name: 'x' } }] });
    expect(d.allowed).toBe(true);
  });

  it('the bucket ARN itself is not matched by bucket/*', () => {
    const d = evaluate(request(alice, 's3:ListBucket', BUCKET), { identity: [identity(doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' }))] });
    expect(d.allowed).toBe(false);
  });
});
