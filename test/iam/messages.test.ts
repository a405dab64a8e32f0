/**
 * AccessDenied wording for every kind of denial, as AWS documents it:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 * and the policy ARN AWS appends to explicit denies within an account:
 * https://aws.amazon.com/blogs/security/enhanced-access-denied-error-messages-with-policy-arns/
 */
import { describe, expect, it } from 'vitest';
import { accessDeniedMessage, evaluate, type AuthorizationRequest, type PolicySet } from '../../src/iam/index.js';
import { ACCOUNT, OTHER, anonymous, boundary, ctx, doc, identity, managed, request, resourcePolicy, roleSession, session, trustPolicy, user } from './helpers.js';

const PARAM = `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/other`;
const alice = user('alice');
const allowAll = doc({ Effect: 'Allow', Action: '*', Resource: '*' });
const denyAll = doc({ Effect: 'Deny', Action: '*', Resource: '*' });

function message(req: AuthorizationRequest, policies: PolicySet): string {
  const d = evaluate(req, policies);
  expect(d.allowed).toBe(false);
  return accessDeniedMessage(req, d);
}

describe('accessDeniedMessage', () => {
  it('no identity-based policy allows', () => {
    expect(message(request(alice, 'ssm:PutParameter', PARAM), { identity: [] })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ssm:PutParameter on resource: ${PARAM} because no identity-based policy allows the ssm:PutParameter action`,
    );
  });

  it('explicit deny in an inline identity-based policy (no ARN to name)', () => {
    expect(message(request(alice, 'ssm:PutParameter', PARAM), { identity: [identity(denyAll)] })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ssm:PutParameter on resource: ${PARAM} with an explicit deny in an identity-based policy`,
    );
  });

  it('explicit deny in a managed identity-based policy names the policy ARN', () => {
    expect(message(request(alice, 'ssm:PutParameter', PARAM), { identity: [identity(allowAll), managed(denyAll, 'NoWrites')] })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ssm:PutParameter on resource: ${PARAM} with an explicit deny in an identity-based policy: arn:aws:iam::${ACCOUNT}:policy/NoWrites`,
    );
  });

  it('no permissions boundary allows', () => {
    expect(message(request(alice, 'ssm:PutParameter', PARAM), { identity: [identity(allowAll)], boundary: boundary(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })) })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ssm:PutParameter on resource: ${PARAM} because no permissions boundary allows the ssm:PutParameter action`,
    );
  });

  it('explicit deny in a permissions boundary, with its ARN', () => {
    expect(message(request(alice, 'ssm:PutParameter', PARAM), { identity: [identity(allowAll)], boundary: boundary(denyAll, 'Guard') })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ssm:PutParameter on resource: ${PARAM} with an explicit deny in a permissions boundary: arn:aws:iam::${ACCOUNT}:policy/Guard`,
    );
  });

  it('no session policy allows (role session ARN as the user)', () => {
    const dev = roleSession('Dev', 'ci');
    expect(message(request(dev, 'ssm:PutParameter', PARAM), { identity: [identity(allowAll)], session: [session(doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))] })).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/Dev/ci is not authorized to perform: ssm:PutParameter on resource: ${PARAM} because no session policy allows the ssm:PutParameter action`,
    );
  });

  it('explicit deny in a session policy (inline: no ARN)', () => {
    const dev = roleSession('Dev', 'ci');
    expect(message(request(dev, 'ssm:PutParameter', PARAM), { identity: [identity(allowAll)], session: [session(denyAll)] })).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/Dev/ci is not authorized to perform: ssm:PutParameter on resource: ${PARAM} with an explicit deny in a session policy`,
    );
  });

  it('explicit deny in a resource-based policy', () => {
    const bucket = resourcePolicy(doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }));
    expect(message(request(alice, 's3:GetObject', 'arn:aws:s3:::b/k'), { identity: [identity(allowAll)], resource: bucket })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in a resource-based policy`,
    );
  });

  it('no resource-based policy allows (cross-account)', () => {
    const bob = user('bob', OTHER);
    const secret = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-AbCdEf`;
    expect(message(request(bob, 'secretsmanager:GetSecretValue', secret, ctx(), ACCOUNT), { identity: [identity(allowAll)] })).toBe(
      `User: arn:aws:iam::${OTHER}:user/bob is not authorized to perform: secretsmanager:GetSecretValue on resource: ${secret} because no resource-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });

  it('cross-account explicit denies name no policy ARN', () => {
    const bob = user('bob', OTHER);
    const m = message(request(bob, 's3:GetObject', 'arn:aws:s3:::b/k', ctx(), ACCOUNT), { identity: [identity(allowAll), managed(denyAll, 'NoS3')] });
    expect(m).toBe(`User: arn:aws:iam::${OTHER}:user/bob is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in an identity-based policy`);
  });

  it('an action without a resource leaves out "on resource"', () => {
    expect(message(request(alice, 'codecommit:ListRepositories', '*'), { identity: [] })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: codecommit:ListRepositories because no identity-based policy allows the codecommit:ListRepositories action`,
    );
  });

  it('a role trust policy that does not allow: no reason given', () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/Target`;
    const trust = trustPolicy(doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }));
    expect(message(request(alice, 'sts:AssumeRole', role), { identity: [identity(allowAll)], resource: trust })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${role}`,
    );
  });

  it('an explicit deny in a role trust policy', () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/Target`;
    const trust = trustPolicy(doc({ Effect: 'Deny', Principal: { AWS: alice.arn }, Action: 'sts:AssumeRole' }));
    expect(message(request(alice, 'sts:AssumeRole', role), { identity: [identity(allowAll)], resource: trust })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${role} with an explicit deny in the role trust policy`,
    );
  });

  it('AssumeRole denied by the caller’s own policies is worded as an identity-based denial', () => {
    const role = `arn:aws:iam::${OTHER}:role/Target`;
    const trust = trustPolicy(doc({ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }));
    expect(message(request(alice, 'sts:AssumeRole', role, ctx(), OTHER), { identity: [], resource: trust })).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: sts:AssumeRole on resource: ${role} because no identity-based policy allows the sts:AssumeRole action`,
    );
  });

  it('anonymous callers are "anonymous"', () => {
    expect(message(request(anonymous(), 'execute-api:Invoke', 'arn:aws:execute-api:us-east-1:111122223333:abc/prod/GET/'), { identity: [] })).toBe(
      'User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:111122223333:abc/prod/GET/ because no resource-based policy allows the execute-api:Invoke action',
    );
  });

  it('an allowed decision has no message', () => {
    const req = request(alice, 's3:GetObject', 'arn:aws:s3:::b/k');
    expect(accessDeniedMessage(req, evaluate(req, { identity: [identity(allowAll)] }))).toBe('');
  });
});
