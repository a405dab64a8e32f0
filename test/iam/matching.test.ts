/**
 * Action / NotAction, Resource / NotResource and policy variables. Rules cited:
 *   ACTION    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 *   NOTACTION https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html
 *   RESOURCE  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 *   NOTRES    https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html
 *   VARS      https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 *   VERSION   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
 */
import { describe, expect, it } from 'vitest';
import { evaluate, type ConditionContext, type PrincipalInfo } from '../../src/iam/index.js';
import { ACCOUNT, ctx, doc, identity, request, roleSession, user } from './helpers.js';

interface Row {
  rule: string;
  statement: Record<string, unknown>;
  action: string;
  resource: string;
  allowed: boolean;
  principal?: PrincipalInfo;
  context?: ConditionContext;
}

const P = `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter`;
const allow = (extra: Record<string, unknown>) => ({ Effect: 'Allow', ...extra });

const rows: Row[] = [
  // Action.
  { rule: 'ACTION: names match case-insensitively', statement: allow({ Action: 'SSM:getparameter', Resource: '*' }), action: 'ssm:GetParameter', resource: `${P}/a`, allowed: true },
  { rule: 'ACTION: a trailing * matches every action with that prefix', statement: allow({ Action: 'ssm:Get*', Resource: '*' }), action: 'ssm:GetParametersByPath', resource: `${P}/a`, allowed: true },
  { rule: 'ACTION: ssm:Get* does not match ssm:PutParameter', statement: allow({ Action: 'ssm:Get*', Resource: '*' }), action: 'ssm:PutParameter', resource: `${P}/a`, allowed: false },
  { rule: 'ACTION: * in the middle', statement: allow({ Action: 'iam:*AccessKey*', Resource: '*' }), action: 'iam:ListAccessKeys', resource: '*', allowed: true },
  { rule: 'ACTION: a leading * within the action name', statement: allow({ Action: 'ssm:*Parameter', Resource: '*' }), action: 'ssm:DeleteParameter', resource: '*', allowed: true },
  { rule: 'ACTION: ? matches one character', statement: allow({ Action: 'ssm:Get?arameter', Resource: '*' }), action: 'ssm:GetParameter', resource: '*', allowed: true },
  { rule: 'ACTION: "*" matches every action of every service', statement: allow({ Action: '*', Resource: '*' }), action: 'dynamodb:PutItem', resource: '*', allowed: true },
  { rule: 'ACTION: service:* is limited to that service', statement: allow({ Action: 'ssm:*', Resource: '*' }), action: 'ssmx:GetParameter', resource: '*', allowed: false },
  { rule: 'ACTION: a list of actions is ORed', statement: allow({ Action: ['sqs:SendMessage', 'ssm:GetParameter'], Resource: '*' }), action: 'ssm:GetParameter', resource: '*', allowed: true },
  { rule: 'ACTION: wildcards in the service prefix', statement: allow({ Action: 's?s:Send*', Resource: '*' }), action: 'sqs:SendMessage', resource: '*', allowed: true },
  { rule: 'NOTACTION: Allow + NotAction allows everything else', statement: allow({ NotAction: 'iam:*', Resource: '*' }), action: 's3:GetObject', resource: '*', allowed: true },
  { rule: 'NOTACTION: Allow + NotAction does not allow the listed actions', statement: allow({ NotAction: 'iam:*', Resource: '*' }), action: 'iam:CreateUser', resource: '*', allowed: false },
  { rule: 'NOTACTION: NotAction matches case-insensitively', statement: allow({ NotAction: ['IAM:CREATEUSER'], Resource: '*' }), action: 'iam:CreateUser', resource: '*', allowed: false },

  // Resource.
  { rule: 'RESOURCE: ARNs are case-sensitive', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::Bucket/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k', allowed: false },
  { rule: 'RESOURCE: exact ARN', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::bucket/k' }), action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/k', allowed: true },
  { rule: 'RESOURCE: * in the resource part spans / and :', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/a/b:c', allowed: true },
  { rule: 'RESOURCE: "*" matches every resource', statement: allow({ Action: 's3:*', Resource: '*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::x/y', allowed: true },
  { rule: 'RESOURCE: "*" matches actions without a resource', statement: allow({ Action: 'sts:GetCallerIdentity', Resource: '*' }), action: 'sts:GetCallerIdentity', resource: '*', allowed: true },
  { rule: 'RESOURCE: an ARN pattern does not match the "*" of a resource-less action', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::*' }), action: 's3:ListAllMyBuckets', resource: '*', allowed: false },
  { rule: 'RESOURCE: a wildcard region', statement: allow({ Action: 'ssm:*', Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/a` }), action: 'ssm:GetParameter', resource: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/a`, allowed: true },
  { rule: 'RESOURCE: a partial wildcard in the region', statement: allow({ Action: 'ssm:*', Resource: `arn:aws:ssm:us-*:${ACCOUNT}:parameter/a` }), action: 'ssm:GetParameter', resource: `arn:aws:ssm:eu-west-1:${ACCOUNT}:parameter/a`, allowed: false },
  { rule: 'RESOURCE: a wildcard in one ARN part does not span into the next', statement: allow({ Action: 'iam:*', Resource: 'arn:aws:iam::*:role/x' }), action: 'iam:GetRole', resource: 'arn:aws:iam::111:222:role/x', allowed: false },
  { rule: 'RESOURCE: the service part must match', statement: allow({ Action: '*', Resource: 'arn:aws:s3:::*' }), action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`, allowed: false },
  { rule: 'RESOURCE: ? matches one character', statement: allow({ Action: 'sqs:*', Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:queue-?` }), action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:queue-7`, allowed: true },
  { rule: 'RESOURCE: wildcards for every part', statement: allow({ Action: 'sqs:*', Resource: 'arn:aws:sqs:*:*:*' }), action: 'sqs:SendMessage', resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:q`, allowed: true },
  { rule: 'RESOURCE: a list of resources is ORed', statement: allow({ Action: 's3:*', Resource: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'] }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', allowed: true },
  { rule: 'RESOURCE: the bucket is not bucket/*', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::bucket/*' }), action: 's3:ListBucket', resource: 'arn:aws:s3:::bucket', allowed: false },
  { rule: 'NOTRES: Allow + NotResource allows other resources', statement: allow({ Action: 's3:*', NotResource: 'arn:aws:s3:::hr/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::public/k', allowed: true },
  { rule: 'NOTRES: Allow + NotResource does not allow the listed ones', statement: allow({ Action: 's3:*', NotResource: ['arn:aws:s3:::hr', 'arn:aws:s3:::hr/*'] }), action: 's3:GetObject', resource: 'arn:aws:s3:::hr/payroll', allowed: false },
  { rule: 'NOTRES: NotResource "*" matches nothing', statement: allow({ Action: 's3:*', NotResource: '*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::x/y', allowed: false },

  // Policy variables.
  { rule: 'VARS: ${aws:username} in Resource', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::home/alice/notes', allowed: true, context: ctx({ 'aws:username': 'alice' }) },
  { rule: "VARS: another user's folder is not matched", statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::home/bob/notes', allowed: false, context: ctx({ 'aws:username': 'alice' }) },
  { rule: 'VARS: variable names are case-insensitive', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::home/${AWS:UserName}/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::home/alice/n', allowed: true, context: ctx({ 'aws:username': 'alice' }) },
  { rule: 'VARS: a missing key (no default) makes the statement not apply', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::home//notes', allowed: false, principal: roleSession(), context: ctx() },
  { rule: 'VARS: default value when the key is missing', statement: allow({ Action: 's3:*', Resource: "arn:aws:s3:::home/${aws:username, 'shared'}/*" }), action: 's3:GetObject', resource: 'arn:aws:s3:::home/shared/n', allowed: true, principal: roleSession(), context: ctx() },
  { rule: 'VARS: the default is not used when the key is present', statement: allow({ Action: 's3:*', Resource: "arn:aws:s3:::home/${aws:username, 'shared'}/*" }), action: 's3:GetObject', resource: 'arn:aws:s3:::home/shared/n', allowed: false, context: ctx({ 'aws:username': 'alice' }) },
  { rule: 'VARS: ${*} is a literal asterisk', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::b/${*}' }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/*', allowed: true },
  { rule: 'VARS: ${*} does not act as a wildcard', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::b/${*}' }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/x', allowed: false },
  { rule: 'VARS: ${?} is a literal question mark', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::b/what${?}' }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/what?', allowed: true },
  { rule: 'VARS: ${$} is a literal dollar sign', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::b/${$}x' }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/$x', allowed: true },
  { rule: 'VARS: a substituted value is literal, its * no wildcard', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:PrincipalTag/dir}/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::home/ab/x', allowed: false, context: ctx({ 'aws:PrincipalTag/dir': 'a*' }) },
  { rule: 'VARS: tag variables', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::${aws:PrincipalTag/team}-data/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::blue-data/k', allowed: true, context: ctx({ 'aws:PrincipalTag/team': 'blue' }) },
  { rule: 'VARS: several variables in one resource', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::${aws:PrincipalTag/team}/${aws:username}/*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::blue/alice/k', allowed: true, context: ctx({ 'aws:PrincipalTag/team': 'blue', 'aws:username': 'alice' }) },
  { rule: 'VARS: any context key can be a variable (service keys too)', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::b/${s3:prefix}*' }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/logs/2026', allowed: true, context: ctx({ 's3:prefix': 'logs/' }) },
  { rule: 'VARS: in a string condition value', statement: allow({ Action: 's3:ListBucket', Resource: '*', Condition: { StringLike: { 's3:prefix': 'home/${aws:username}/*' } } }), action: 's3:ListBucket', resource: 'arn:aws:s3:::b', allowed: true, context: ctx({ 'aws:username': 'alice', 's3:prefix': 'home/alice/docs' }) },
  { rule: 'VARS: in a StringEquals value', statement: allow({ Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } } }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', allowed: true, context: ctx({ 'aws:username': 'alice', 'aws:ResourceTag/owner': 'alice' }) },
  { rule: 'VARS: a missing variable in a condition voids the statement, even for a negated operator', statement: allow({ Action: 's3:*', Resource: '*', Condition: { StringNotEquals: { 'aws:ResourceTag/owner': '${aws:username}' } } }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', allowed: false, principal: roleSession(), context: ctx({ 'aws:ResourceTag/owner': 'x' }) },
  { rule: 'VARS: in an ARN condition value', statement: allow({ Action: 'sns:*', Resource: '*', Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sqs:*:*:${aws:username}-*' } } }), action: 'sns:Publish', resource: '*', allowed: true, context: ctx({ 'aws:username': 'alice', 'aws:SourceArn': 'arn:aws:sqs:us-east-1:1:alice-q' }) },
  { rule: 'VARS: not substituted for Numeric operators (the text stays literal)', statement: allow({ Action: 's3:*', Resource: '*', Condition: { NumericEquals: { 's3:max-keys': '${s3:limit}' } } }), action: 's3:ListBucket', resource: '*', allowed: false, context: ctx({ 's3:limit': '5', 's3:max-keys': '5' }) },
  { rule: 'VARS: an unclosed ${ is plain text', statement: allow({ Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username' }), action: 's3:GetObject', resource: 'arn:aws:s3:::b/${aws:username', allowed: true, context: ctx({ 'aws:username': 'alice' }) },
];

describe('matching actions, resources and variables', () => {
  it.each(rows)('$rule', (row) => {
    const d = evaluate(request(row.principal ?? user('alice'), row.action, row.resource, row.context ?? ctx({ 'aws:username': 'alice' })), { identity: [identity(doc(row.statement))] });
    expect(d.allowed).toBe(row.allowed);
  });
});

describe('VERSION: 2008-10-17 has no policy variables', () => {
  const statement = { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' };
  const decide = (version: string | undefined, resource: string) => {
    const d = version ? { Version: version, Statement: [statement] } : { Statement: [statement] };
    return evaluate(request(user('alice'), 's3:GetObject', resource, ctx({ 'aws:username': 'alice' })), { identity: [identity(d)] }).allowed;
  };

  it('2012-10-17 substitutes', () => {
    expect(decide('2012-10-17', 'arn:aws:s3:::home/alice/x')).toBe(true);
  });

  it('2008-10-17 keeps ${…} as literal text', () => {
    expect(decide('2008-10-17', 'arn:aws:s3:::home/alice/x')).toBe(false);
    expect(decide('2008-10-17', 'arn:aws:s3:::home/${aws:username}/x')).toBe(true);
  });

  it('a document without Version is 2008-10-17', () => {
    expect(decide(undefined, 'arn:aws:s3:::home/alice/x')).toBe(false);
    expect(decide(undefined, 'arn:aws:s3:::home/${aws:username}/x')).toBe(true);
  });

  it('2008-10-17 still has wildcards', () => {
    const d = { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::b/*' }] };
    expect(evaluate(request(user(), 's3:GetObject', 'arn:aws:s3:::b/k'), { identity: [identity(d)] }).allowed).toBe(true);
  });

  it('condition values in 2008-10-17 are literal too', () => {
    const d = { Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } } }] };
    const decideOwner = (owner: string) => evaluate(request(user(), 's3:GetObject', 'arn:aws:s3:::b/k', ctx({ 'aws:username': 'alice', 'aws:ResourceTag/owner': owner })), { identity: [identity(d)] }).allowed;
    expect(decideOwner('alice')).toBe(false);
    expect(decideOwner('${aws:username}')).toBe(true);
  });
});

describe('variables and missing context keys', () => {
  it('reports the missing variable key', () => {
    const d = evaluate(request(roleSession(), 's3:GetObject', 'arn:aws:s3:::home/x/y', ctx()), {
      identity: [identity(doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }))],
    });
    expect(d.allowed).toBe(false);
    expect(d.missingContextKeys).toEqual(['aws:username']);
  });

  it('a Deny whose variable cannot be resolved does not apply', () => {
    const d = evaluate(request(roleSession(), 's3:GetObject', 'arn:aws:s3:::b/k', ctx()), {
      identity: [identity(doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}' }))],
    });
    expect(d.outcome).toBe('allowed');
  });

  it('substitutes per request: the same compiled policy for different users', () => {
    const policy = identity(doc({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*' }));
    for (const name of ['alice', 'bob', 'carol']) {
      const own = evaluate(request(user(name), 's3:GetObject', `arn:aws:s3:::home/${name}/k`, ctx({ 'aws:username': name })), { identity: [policy] });
      const other = evaluate(request(user(name), 's3:GetObject', 'arn:aws:s3:::home/dave/k', ctx({ 'aws:username': name })), { identity: [policy] });
      expect([own.allowed, other.allowed]).toEqual([true, false]);
    }
  });
});

describe('the same compiled policy answers repeated and varied requests consistently', () => {
  it('memoized matches agree with fresh ones', () => {
    const policy = identity(
      doc(
        { Effect: 'Allow', Action: ['ssm:Get*', 'sqs:*'], Resource: [`${P}/app/*`, `arn:aws:sqs:*:${ACCOUNT}:app-*`] },
        { Effect: 'Deny', Action: '*', Resource: `${P}/app/secret*` },
      ),
    );
    const probes: [string, string, boolean][] = [
      ['ssm:GetParameter', `${P}/app/db`, true],
      ['ssm:GetParameter', `${P}/app/secret-key`, false],
      ['ssm:PutParameter', `${P}/app/db`, false],
      ['sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:app-q`, true],
      ['sqs:SendMessage', `arn:aws:sqs:eu-west-1:${ACCOUNT}:other`, false],
    ];
    for (let round = 0; round < 3; round++) {
      for (const [action, resource, allowed] of probes) {
        expect(evaluate(request(user(), action, resource), { identity: [policy] }).allowed).toBe(allowed);
      }
    }
  });

  it('actions whose statements all say "Resource": "*" and actions that also have resource-specific statements', () => {
    const policy = identity(
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::keep/*' }, { Effect: 'Deny', Action: 'iam:*', NotResource: '*' }),
    );
    const decide = (action: string, resource: string) => evaluate(request(user(), action, resource), { identity: [policy] }).outcome;
    for (let round = 0; round < 2; round++) {
      expect(decide('s3:DeleteObject', 'arn:aws:s3:::keep/a')).toBe('explicit-deny');
      expect(decide('s3:DeleteObject', 'arn:aws:s3:::other/a')).toBe('allowed');
      expect(decide('s3:GetObject', 'arn:aws:s3:::keep/a')).toBe('allowed');
      expect(decide('iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/x`)).toBe('allowed');
    }
  });

  it('keeps answering correctly past the memo bound', () => {
    const policy = identity(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/even-*' }));
    for (let i = 0; i < 5000; i++) {
      const name = i % 2 === 0 ? `even-${i}` : `odd-${i}`;
      expect(evaluate(request(user(), 's3:GetObject', `arn:aws:s3:::b/${name}`), { identity: [policy] }).allowed).toBe(i % 2 === 0);
    }
  });
});
