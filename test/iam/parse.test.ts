/**
 * parsePolicy: IAM's MalformedPolicyDocument messages for each kind of mistake, in IAM's order
 * of checks, and what a parsed policy carries. The messages are IAM's, verbatim (see
 * src/iam/policy/malformed.ts); the grammar is
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { describe, expect, it } from 'vitest';
import { MalformedPolicyError, parsePolicy, type PolicyKind } from '../../src/iam/index.js';

const SYNTAX = 'Syntax errors in policy.';
const LEGACY = 'The policy failed legacy parsing';
const VERSION = 'Policy document must be version 2012-10-17 or greater.';
const NO_ACTIONS = 'Policy statement must contain actions.';
const NO_RESOURCES = 'Policy statement must contain resources.';
const VENDOR = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';

const ok = { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example_bucket' };
const v12 = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });
const withPrincipal = (s: Record<string, unknown>) => ({ ...s, Principal: { AWS: '111122223333' } });

interface Bad {
  name: string;
  doc: unknown;
  kind?: PolicyKind;
  managed?: boolean;
  message: string;
}

const bad: Bad[] = [
  // Grammar.
  { name: 'not JSON', doc: 'This is not a json document', message: SYNTAX },
  { name: 'empty text', doc: '', message: SYNTAX },
  { name: 'a byte-order mark', doc: `\uFEFF${JSON.stringify(v12(ok))}`, message: SYNTAX },
  { name: 'a trailing comma', doc: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},]}', message: SYNTAX },
  { name: 'a JSON array', doc: [v12(ok)], message: SYNTAX },
  { name: 'no Statement', doc: { Version: '2012-10-17' }, message: SYNTAX },
  { name: 'an empty Statement list', doc: v12(), message: SYNTAX },
  { name: 'a statement that is a string', doc: { Version: '2012-10-17', Statement: ['afd'] }, message: SYNTAX },
  { name: 'an unknown top-level field', doc: { ...v12(ok), 'Extra field': 'value' }, message: SYNTAX },
  { name: 'an unknown statement field', doc: v12({ ...ok, 'Extra field': 'value' }), message: SYNTAX },
  { name: 'a statement field in the wrong case', doc: v12({ effect: 'Allow', Action: 's3:*', Resource: '*' }), message: SYNTAX },
  { name: 'Id that is not a string', doc: { ...v12(ok), Id: ['x'] }, message: SYNTAX },
  { name: 'an unknown Version', doc: { Version: '2013-10-17', Statement: ok }, message: SYNTAX },
  { name: 'an Effect other than Allow or Deny', doc: v12({ ...ok, Effect: 'invalid' }), message: SYNTAX },
  { name: 'no Effect', doc: v12({ Action: 's3:ListBucket', Resource: '*' }), message: SYNTAX },
  { name: 'both Action and NotAction', doc: v12({ ...ok, NotAction: 'iam:dsf' }), message: SYNTAX },
  { name: 'both Resource and NotResource', doc: v12({ ...ok, NotResource: '*' }), message: SYNTAX },
  { name: 'both Principal and NotPrincipal', doc: v12({ ...ok, Principal: '*', NotPrincipal: '*' }), kind: 'resource', message: SYNTAX },
  { name: 'Action as an object', doc: v12({ ...ok, Action: {} }), message: SYNTAX },
  { name: 'Action as a nested list', doc: v12({ ...ok, Action: [[]] }), message: SYNTAX },
  { name: 'Resource holding an object', doc: v12({ ...ok, Resource: ['adfdf', {}] }), message: SYNTAX },
  { name: 'Sid that is not a string', doc: v12({ ...ok, Sid: {} }), message: SYNTAX },
  { name: 'Condition as a list', doc: v12({ ...ok, Condition: [] }), message: SYNTAX },
  { name: 'Condition as a string', doc: v12({ ...ok, Condition: 'a' }), message: SYNTAX },
  { name: 'an operator whose value is not an object', doc: v12({ ...ok, Condition: { a: 'b' } }), message: SYNTAX },
  { name: 'an operator whose value is a list', doc: v12({ ...ok, Condition: { DateGreaterThan: [] } }), message: SYNTAX },
  { name: 'a condition value that is an object', doc: v12({ ...ok, Condition: { DateGreaterThan: { a: {} } } }), message: SYNTAX },
  { name: 'a condition value that is null', doc: v12({ ...ok, Condition: { StringEquals: { a: null } } }), message: SYNTAX },
  { name: 'an unknown condition operator', doc: v12({ ...ok, Condition: { x: { a: '1' } } }), message: SYNTAX },
  { name: 'a malformed set qualifier', doc: v12({ ...ok, Condition: { 'ForAnyValue::StringEqualsIfExists': { a: 'asf' } } }), message: SYNTAX },
  { name: 'Null has no IfExists form', doc: v12({ ...ok, Condition: { NullIfExists: { a: 'true' } } }), message: SYNTAX },
  { name: 'a principal value that is a number', doc: v12({ ...ok, Principal: { AWS: 123456789012 } }), kind: 'resource', message: SYNTAX },

  // Managed policies need Version 2012-10-17.
  { name: 'a managed policy without Version', doc: { Statement: ok }, managed: true, message: VERSION },
  { name: 'a managed policy with Version 2008-10-17', doc: { Version: '2008-10-17', Statement: ok }, managed: true, message: VERSION },
  { name: 'the version check comes before the legacy parser', doc: { Statement: { ...ok, Effect: 'denY' } }, managed: true, message: VERSION },

  // What each kind of policy requires or forbids.
  { name: 'an identity-based policy with Principal', doc: v12(withPrincipal(ok)), kind: 'identity', message: 'Policy document should not specify a principal.' },
  { name: 'a permissions boundary with NotPrincipal', doc: v12({ ...ok, NotPrincipal: { AWS: '111122223333' } }), kind: 'boundary', message: 'Policy document should not specify a principal.' },
  { name: 'a session policy with Principal', doc: v12(withPrincipal(ok)), kind: 'session', message: 'Has prohibited field Principal' },
  { name: 'a trust policy with Resource', doc: v12(withPrincipal({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' })), kind: 'trust', message: 'Has prohibited field Resource' },
  {
    name: 'a trust policy statement without Principal',
    doc: v12({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
    kind: 'trust',
    message: 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
  },
  { name: 'a resource-based policy statement without Principal', doc: v12(ok), kind: 'resource', message: 'Missing required field Principal' },

  // IAM's legacy parser.
  { name: 'Effect in lower case', doc: v12({ ...ok, Effect: 'allow' }), message: LEGACY },
  { name: 'Effect in mixed case', doc: v12({ ...ok, Effect: 'denY' }), message: LEGACY },
  { name: 'a date it cannot read', doc: v12({ ...ok, Condition: { DateGreaterThan: { a: 'sdfdsf' } } }), message: LEGACY },
  { name: 'a date with a one-digit offset', doc: v12({ ...ok, Condition: { DateLessThanEquals: { a: '2016-12-13t2:00:00.593194+1' } } }), message: LEGACY },
  { name: 'an epoch beyond 64 bits', doc: v12({ ...ok, Condition: { DateLessThan: { a: '9223372036854775808' } } }), message: LEGACY },
  { name: 'an ARN with five parts', doc: v12({ ...ok, Resource: 'arn:aws:s3::example_bucket' }), message: LEGACY },
  { name: 'an ARN with four parts', doc: v12({ ...ok, Resource: 'arn:aws::fdsasf' }), message: LEGACY },
  { name: 'an ARN with an empty service', doc: v12({ ...ok, NotAction: 's3:ListBucket', Action: undefined, Resource: 'arn:aws::::example_bucket' }), message: LEGACY },
  { name: 'the legacy parser runs before the actions check', doc: v12({ Effect: 'Allow', Resource: 'arn:aws:s3::example_bucket' }), message: LEGACY },
  { name: 'the legacy parser runs before the Sid checks', doc: v12({ ...ok, Sid: 'sdf', Effect: 'aLLow' }, { Sid: 'sdf', Effect: 'Allow' }), message: LEGACY },

  // Statement ids.
  { name: 'two statements with the same Sid', doc: v12({ ...ok, Sid: 'sdf' }, { Sid: 'sdf', Effect: 'Allow' }), message: 'Statement IDs (SID) in a single policy must be unique.' },
  { name: 'a Sid with a hyphen (IAM policies)', doc: v12({ ...ok, Sid: 'autogenerated-id' }), message: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*' },

  // Actions.
  { name: 'no Action', doc: v12({ Effect: 'Allow', Resource: 'arn:aws:s3:::example_bucket' }), message: NO_ACTIONS },
  { name: 'an empty Action list', doc: v12({ ...ok, Action: [] }), message: NO_ACTIONS },
  { name: 'a statement with only Effect', doc: v12({ Effect: 'Deny' }, ok), message: NO_ACTIONS },
  { name: 'an action without vendor', doc: v12({ ...ok, Action: 'invalid' }), message: VENDOR },
  { name: 'an empty NotAction', doc: v12({ Effect: 'Allow', NotAction: '', Resource: 'arn:aws:s3:::example_bucket' }), message: VENDOR },
  { name: 'an action with two colons', doc: v12({ ...ok, Action: 's3:List:Bucket' }), message: 'Actions/Condition can contain only one colon.' },
  { name: 'a vendor with a space', doc: v12({ ...ok, Action: 'a a:ListBucket' }), message: 'Vendor a a is not valid' },

  // Resources.
  { name: 'no Resource in an identity-based policy', doc: v12({ Effect: 'Allow', Action: 's3:ListBucket' }), message: NO_RESOURCES },
  { name: 'an empty Resource list', doc: v12({ ...ok, Resource: [] }), message: NO_RESOURCES },
  { name: 'no Resource in a resource-based policy', doc: v12({ Effect: 'Allow', Principal: '*', Action: 's3:ListBucket' }), kind: 'resource', message: NO_RESOURCES },
  { name: 'missing resources is reported before a bad action vendor', doc: v12({ Effect: 'Allow', Action: 'invalid' }), message: NO_RESOURCES },
  { name: 'a resource that is no ARN', doc: v12({ ...ok, Resource: 'invalid resource' }), message: 'Resource invalid resource must be in ARN format or "*".' },
  { name: 'an empty resource', doc: v12({ ...ok, Resource: '' }), message: 'Resource  must be in ARN format or "*".' },
  { name: 'a resource without arn: and an unknown partition', doc: v12({ ...ok, Resource: 'a:bsdfdsafsad' }), message: 'Partition "bsdfdsafsad" is not valid for resource "arn:bsdfdsafsad:*:*:*:*".' },
  { name: 'a resource missing its arn: prefix', doc: v12({ ...ok, Resource: 'aws:s3:::example_bucket' }), message: 'Partition "s3" is not valid for resource "arn:s3:::example_bucket:*".' },
  { name: 'an unknown partition', doc: v12({ ...ok, Resource: ['arn:error:s3:::example_bucket', 'arn:error:s3::example_bucket'] }), message: 'Partition "error" is not valid for resource "arn:error:s3:::example_bucket".' },
  { name: 'an ARN without service', doc: v12({ ...ok, Resource: 'arn:aws' }), message: 'Resource vendor must be fully qualified and cannot contain regexes.' },
  { name: 'a wildcard service', doc: v12({ ...ok, Resource: 'arn:aws:s3*:::b' }), message: 'Resource vendor must be fully qualified and cannot contain regexes.' },
  { name: 'an IAM resource with a region', doc: v12({ ...ok, Resource: 'arn:aws:iam:us-east-1::example_bucket' }), message: 'IAM resource arn:aws:iam:us-east-1::example_bucket cannot contain region information.' },
  { name: 'an S3 bucket with a region', doc: v12({ ...ok, Resource: 'arn:aws:s3:us-east-1::example_bucket' }), message: 'Resource arn:aws:s3:us-east-1::example_bucket can not contain region information.' },
  {
    name: 'an IAM resource of no known type',
    doc: v12({ ...ok, Resource: 'arn:aws:iam:::example_bucket' }),
    message: 'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  },
  { name: 'resource format is reported before action colons', doc: v12({ ...ok, Action: 's:3:ListBucket', Resource: 'sdfsadf' }), message: 'Resource sdfsadf must be in ARN format or "*".' },

  // Principals in resource-based and trust policies.
  { name: 'Principal as a string other than "*"', doc: v12({ ...ok, Principal: 'someone' }), kind: 'resource', message: 'Invalid principal in policy' },
  { name: 'an empty Principal object', doc: v12({ ...ok, Principal: {} }), kind: 'resource', message: 'Invalid principal in policy' },
  { name: 'an unknown principal type', doc: v12({ ...ok, Principal: { Users: 'x' } }), kind: 'resource', message: 'Invalid principal in policy' },
  { name: 'an AWS principal that is no account or ARN', doc: v12({ ...ok, Principal: { AWS: 'alice' } }), kind: 'resource', message: 'Invalid principal in policy: "AWS":"alice"' },
  { name: 'an AWS principal with a short account id', doc: v12({ ...ok, Principal: { AWS: 'arn:aws:iam::123:user/x' } }), kind: 'resource', message: 'Invalid principal in policy: "AWS":"arn:aws:iam::123:user/x"' },
  { name: 'a wildcard inside an AWS principal', doc: v12({ ...ok, Principal: { AWS: 'arn:aws:iam::*:root' } }), kind: 'resource', message: 'Invalid principal in policy: "AWS":"arn:aws:iam::*:root"' },
  { name: 'a wildcard for all sessions of a role', doc: v12({ Effect: 'Allow', Principal: { AWS: 'arn:aws:sts::111122223333:assumed-role/R/*' }, Action: 'sts:AssumeRole' }), kind: 'trust', message: 'Invalid principal in policy: "AWS":"arn:aws:sts::111122223333:assumed-role/R/*"' },
  { name: 'a service principal that is no host name', doc: v12({ ...ok, Principal: { Service: 'not a service' } }), kind: 'resource', message: 'Invalid principal in policy: "SERVICE":"not a service"' },
];

function parse(b: Pick<Bad, 'doc' | 'kind' | 'managed'>) {
  const text = typeof b.doc === 'string' ? b.doc : JSON.stringify(b.doc);
  return parsePolicy(text, b.kind ?? 'identity', b.managed ? { managed: true } : undefined);
}

describe('parsePolicy: malformed documents', () => {
  it.each(bad)('$name', (b) => {
    let error: unknown;
    try {
      parse(b);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MalformedPolicyError);
    expect((error as Error).message).toBe(b.message);
  });
});

const good: { name: string; doc: unknown; kind?: PolicyKind }[] = [
  { name: 'a single statement object', doc: v12(ok) },
  { name: 'no Version in an inline policy (2008-10-17)', doc: { Statement: ok } },
  { name: 'Version 2008-10-17', doc: { Version: '2008-10-17', Statement: [ok] } },
  { name: 'an Id', doc: { ...v12(ok), Id: 'sdfsdfsdf' } },
  { name: 'a vendor with a hyphen or a dot', doc: v12({ ...ok, Action: ['s3-s:ListBucket', 's3.s:ListBucket'] }) },
  { name: 'an action name with spaces', doc: v12({ ...ok, Action: 'iam: asdf safdsf af ' }) },
  { name: '"*" among resources', doc: v12({ ...ok, Resource: ['arn:aws:s3:::example_bucket', '*'] }) },
  { name: 'a three-part ARN', doc: v12({ ...ok, Resource: 'arn:aws:fdsasf' }) },
  { name: 'an unknown service in an ARN', doc: v12({ ...ok, Resource: 'arn:aws:invalid-service:us-east-1::example_bucket' }) },
  { name: 'an IAM user ARN', doc: v12({ ...ok, Resource: 'arn:aws:iam::111122223333:user/x' }) },
  { name: 'an S3 access point (region and account)', doc: v12({ ...ok, Resource: 'arn:aws:s3:us-west-2:111122223333:accesspoint/ap' }) },
  { name: 'an empty Condition', doc: v12({ ...ok, Condition: {} }) },
  { name: 'an operator with no keys', doc: v12({ ...ok, Condition: { DateGreaterThan: {} } }) },
  { name: 'an unknown operator with no keys', doc: v12({ ...ok, Condition: { x: {}, y: {} } }) },
  { name: 'a key with no values', doc: v12({ ...ok, Condition: { DateGreaterThan: { a: [] } } }) },
  { name: 'set qualifiers and IfExists', doc: v12({ ...ok, Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'Department' }, 'ForAnyValue:StringEqualsIfExists': { a: 'asf' } } }) },
  { name: 'dates IAM reads', doc: v12({ ...ok, Condition: { DateLessThanEquals: { a: ['2019-07-01T13:20:15Z', '2016-12-13T21:20:37.593194+00:00', '2016-12-13t2:00:00.593194+23', '-292275054'] } } }) },
  { name: 'numbers and booleans as condition values', doc: v12({ ...ok, Condition: { NumericLessThan: { 's3:max-keys': 10 }, Bool: { 'aws:SecureTransport': true } } }) },
  { name: 'NotAction with NotResource "*"', doc: v12({ Effect: 'Allow', NotAction: 's3:ListBucket', NotResource: '*' }) },
  { name: 'statements with and without Sid', doc: v12({ ...ok, Sid: 'sdf' }, ok) },
  { name: 'two statements with empty Sids', doc: v12({ ...ok, Sid: '' }, { ...ok, Sid: '' }) },
  { name: 'a resource-based policy Sid with spaces', doc: v12({ ...ok, Sid: 'Allow public read', Principal: '*' }), kind: 'resource' },
  { name: 'Principal forms', doc: v12({ ...ok, Principal: { AWS: ['111122223333', 'arn:aws:iam::111122223333:root', 'arn:aws:iam::111122223333:role/path/R', 'arn:aws:sts::111122223333:assumed-role/R/s', 'AIDAJQABLZS4A3QDU576Q', '*'], Service: 'ec2.amazonaws.com', CanonicalUser: 'abc', Federated: 'accounts.google.com' } }), kind: 'resource' },
  { name: 'a trust policy', doc: v12({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }), kind: 'trust' },
  { name: 'a session policy', doc: v12(ok), kind: 'session' },
  { name: 'JSON with any whitespace and escapes', doc: '{ "Version" : "2012-10-17",\r\n\t"Statement" : { "Effect":"Allow", "Action":"s3:\\u004cistBucket", "Resource":"*" } }' },
];

describe('parsePolicy: valid documents', () => {
  it.each(good)('$name', (g) => {
    expect(() => parse({ doc: g.doc, kind: g.kind })).not.toThrow();
  });
});

describe('parsePolicy: what a policy carries', () => {
  const text = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Id": "P1",',
    '  "Statement": [',
    '    {"Sid": "First", "Effect": "Allow", "Action": "s3:*", "Resource": "*"},',
    '    {',
    '      "Effect": "Deny",',
    '      "Action": "iam:*",',
    '      "Resource": "*"',
    '    }',
    '  ]',
    '}',
  ].join('\n');
  const policy = parsePolicy(text, 'identity');

  it('keeps the text, version and id', () => {
    expect(policy.text).toBe(text);
    expect(policy.version).toBe('2012-10-17');
    expect(policy.id).toBe('P1');
  });

  it('numbers statements from 0 and keeps Sid, Effect and the raw statement', () => {
    expect(policy.statements.map((s) => [s.index, s.sid, s.effect])).toEqual([
      [0, 'First', 'Allow'],
      [1, undefined, 'Deny'],
    ]);
    expect(policy.statements[1]?.raw).toEqual({ Effect: 'Deny', Action: 'iam:*', Resource: '*' });
  });

  it('records 1-based line and column of each statement’s { and }', () => {
    expect(policy.statements[0]?.position).toEqual({ start: { line: 5, column: 5 }, end: { line: 5, column: 74 } });
    expect(policy.statements[1]?.position).toEqual({ start: { line: 6, column: 5 }, end: { line: 10, column: 5 } });
  });

  it('positions count CRLF line ends once', () => {
    const crlf = parsePolicy('{"Version":"2012-10-17",\r\n"Statement":\r\n  {"Effect":"Allow","Action":"s3:*","Resource":"*"}}', 'identity');
    expect(crlf.statements[0]?.position.start).toEqual({ line: 3, column: 3 });
  });

  it('a document without Version is 2008-10-17', () => {
    expect(parsePolicy(JSON.stringify({ Statement: ok }), 'identity').version).toBe('2008-10-17');
  });
});
