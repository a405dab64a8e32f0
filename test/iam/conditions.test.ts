/**
 * Condition operators, one row each: the operator, the key, the policy values, the request's
 * values (undefined: the key is absent) and whether the condition holds. Rules cited:
 *   OPS   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 *   COND  https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 *   MULTI https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 *   LOGIC https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/iam/index.js';
import { ctx, doc, identity, request, user } from './helpers.js';

type Values = string | number | boolean | (string | number | boolean)[];

interface Row {
  rule: string;
  op: string;
  key: string;
  policy: Values;
  request: string | string[] | undefined;
  holds: boolean;
}

const T = true;
const F = false;

const rows: Row[] = [
  // String operators (OPS#Conditions_String).
  { rule: 'OPS: StringEquals exact match', op: 'StringEquals', key: 'aws:username', policy: 'alice', request: 'alice', holds: T },
  { rule: 'OPS: StringEquals is case-sensitive', op: 'StringEquals', key: 'aws:username', policy: 'Alice', request: 'alice', holds: F },
  { rule: 'OPS: StringEquals does not treat * as a wildcard', op: 'StringEquals', key: 'aws:username', policy: 'al*', request: 'alice', holds: F },
  { rule: 'COND: a positive operator on an absent key is false', op: 'StringEquals', key: 'aws:username', policy: 'alice', request: undefined, holds: F },
  { rule: 'LOGIC: several values for one key are ORed', op: 'StringEquals', key: 'aws:username', policy: ['bob', 'alice'], request: 'alice', holds: T },
  { rule: 'OPS: StringNotEquals holds for a different value', op: 'StringNotEquals', key: 'aws:username', policy: 'bob', request: 'alice', holds: T },
  { rule: 'OPS: StringNotEquals fails for an equal value', op: 'StringNotEquals', key: 'aws:username', policy: 'alice', request: 'alice', holds: F },
  { rule: 'LOGIC: a negated operator with several values holds only if none matches', op: 'StringNotEquals', key: 'aws:username', policy: ['bob', 'alice'], request: 'alice', holds: F },
  { rule: 'COND: a negated operator on an absent key is true', op: 'StringNotEquals', key: 'aws:username', policy: 'alice', request: undefined, holds: T },
  { rule: 'OPS: StringEqualsIgnoreCase ignores case', op: 'StringEqualsIgnoreCase', key: 'aws:username', policy: 'ALICE', request: 'alice', holds: T },
  { rule: 'OPS: StringEqualsIgnoreCase still compares the text', op: 'StringEqualsIgnoreCase', key: 'aws:username', policy: 'BOB', request: 'alice', holds: F },
  { rule: 'OPS: StringNotEqualsIgnoreCase fails for a case variant', op: 'StringNotEqualsIgnoreCase', key: 'aws:username', policy: 'ALICE', request: 'alice', holds: F },
  { rule: 'OPS: StringNotEqualsIgnoreCase holds for another value', op: 'StringNotEqualsIgnoreCase', key: 'aws:username', policy: 'BOB', request: 'alice', holds: T },
  { rule: 'OPS: StringLike with *', op: 'StringLike', key: 's3:prefix', policy: 'home/*', request: 'home/alice/docs', holds: T },
  { rule: 'OPS: StringLike with ?', op: 'StringLike', key: 's3:prefix', policy: 'a?c', request: 'abc', holds: T },
  { rule: 'OPS: StringLike ? is exactly one character', op: 'StringLike', key: 's3:prefix', policy: 'a?c', request: 'abbc', holds: F },
  { rule: 'OPS: StringLike is case-sensitive', op: 'StringLike', key: 's3:prefix', policy: 'Home/*', request: 'home/x', holds: F },
  { rule: 'OPS: StringLike * matches the empty string', op: 'StringLike', key: 's3:prefix', policy: 'home/*', request: 'home/', holds: T },
  { rule: 'OPS: StringNotLike fails for a match', op: 'StringNotLike', key: 's3:prefix', policy: 'home/*', request: 'home/x', holds: F },
  { rule: 'COND: StringNotLike on an absent key is true', op: 'StringNotLike', key: 's3:prefix', policy: 'home/*', request: undefined, holds: T },
  { rule: 'MULTI: without a set operator, a multi-valued key holds when any value matches', op: 'StringEquals', key: 'aws:TagKeys', policy: 'team', request: ['env', 'team'], holds: T },
  { rule: 'MULTI: without a set operator, a negated operator holds only when no value matches', op: 'StringNotEquals', key: 'aws:TagKeys', policy: 'team', request: ['env', 'team'], holds: F },
  { rule: 'OPS: a number in the policy is compared as its text', op: 'StringEquals', key: 's3:max-keys', policy: 10, request: '10', holds: T },

  // Numeric operators (OPS#Conditions_Numeric).
  { rule: 'OPS: NumericEquals compares numbers, not text', op: 'NumericEquals', key: 's3:max-keys', policy: '10', request: '10.0', holds: T },
  { rule: 'OPS: NumericEquals mismatch', op: 'NumericEquals', key: 's3:max-keys', policy: '10', request: '11', holds: F },
  { rule: 'OPS: NumericNotEquals', op: 'NumericNotEquals', key: 's3:max-keys', policy: '10', request: '11', holds: T },
  { rule: 'OPS: NumericNotEquals of an equal number', op: 'NumericNotEquals', key: 's3:max-keys', policy: '10', request: '10', holds: F },
  { rule: 'COND: NumericNotEquals on an absent key is true', op: 'NumericNotEquals', key: 's3:max-keys', policy: '10', request: undefined, holds: T },
  { rule: 'OPS: NumericLessThan', op: 'NumericLessThan', key: 's3:max-keys', policy: '10', request: '9', holds: T },
  { rule: 'OPS: NumericLessThan is strict', op: 'NumericLessThan', key: 's3:max-keys', policy: '10', request: '10', holds: F },
  { rule: 'OPS: NumericLessThanEquals', op: 'NumericLessThanEquals', key: 's3:max-keys', policy: 10, request: '10', holds: T },
  { rule: 'OPS: NumericGreaterThan', op: 'NumericGreaterThan', key: 's3:max-keys', policy: '10', request: '10.5', holds: T },
  { rule: 'OPS: NumericGreaterThanEquals', op: 'NumericGreaterThanEquals', key: 's3:max-keys', policy: '10', request: '9', holds: F },
  { rule: 'OPS: a non-numeric request value never matches', op: 'NumericLessThan', key: 's3:max-keys', policy: '10', request: 'abc', holds: F },
  { rule: 'COND: NumericLessThan on an absent key is false', op: 'NumericLessThan', key: 's3:max-keys', policy: '10', request: undefined, holds: F },
  { rule: 'OPS: negative and decimal numbers', op: 'NumericGreaterThan', key: 's3:max-keys', policy: '-1.5', request: '-1', holds: T },

  // Date operators (OPS#Conditions_Date).
  { rule: 'OPS: DateGreaterThan with ISO 8601', op: 'DateGreaterThan', key: 'aws:CurrentTime', policy: '2026-01-01T00:00:00Z', request: '2026-06-01T12:00:00Z', holds: T },
  { rule: 'OPS: DateLessThan with ISO 8601', op: 'DateLessThan', key: 'aws:CurrentTime', policy: '2026-01-01T00:00:00Z', request: '2026-06-01T12:00:00Z', holds: F },
  { rule: 'OPS: DateEquals across time zones', op: 'DateEquals', key: 'aws:CurrentTime', policy: '2026-01-01T02:00:00+02:00', request: '2026-01-01T00:00:00Z', holds: T },
  { rule: 'OPS: DateNotEquals', op: 'DateNotEquals', key: 'aws:CurrentTime', policy: '2026-01-01T00:00:00Z', request: '2026-01-01T00:00:01Z', holds: T },
  { rule: 'OPS: dates as epoch seconds (aws:EpochTime)', op: 'DateLessThanEquals', key: 'aws:EpochTime', policy: '1767225600', request: '1767225600', holds: T },
  { rule: 'OPS: epoch request value against an ISO policy value', op: 'DateGreaterThanEquals', key: 'aws:EpochTime', policy: '2026-01-01T00:00:00Z', request: '1767225600', holds: T },
  { rule: 'OPS: a date-only value is midnight UTC', op: 'DateLessThan', key: 'aws:CurrentTime', policy: '2026-01-02', request: '2026-01-01T23:59:59Z', holds: T },
  { rule: 'OPS: fractional seconds count', op: 'DateGreaterThan', key: 'aws:CurrentTime', policy: '2026-01-01T00:00:00.100Z', request: '2026-01-01T00:00:00.200Z', holds: T },
  { rule: 'OPS: an unreadable request date never matches', op: 'DateGreaterThan', key: 'aws:CurrentTime', policy: '2026-01-01T00:00:00Z', request: 'yesterday', holds: F },
  { rule: 'COND: DateNotEquals on an absent key is true', op: 'DateNotEquals', key: 'aws:TokenIssueTime', policy: '2026-01-01T00:00:00Z', request: undefined, holds: T },

  // Bool and Binary (OPS#Conditions_Boolean, #Conditions_BinaryEquals).
  { rule: 'OPS: Bool true', op: 'Bool', key: 'aws:SecureTransport', policy: 'true', request: 'true', holds: T },
  { rule: 'OPS: Bool false vs true', op: 'Bool', key: 'aws:SecureTransport', policy: 'false', request: 'true', holds: F },
  { rule: 'OPS: Bool with a JSON boolean', op: 'Bool', key: 'aws:MultiFactorAuthPresent', policy: true, request: 'true', holds: T },
  { rule: 'OPS: Bool values are not case-sensitive', op: 'Bool', key: 'aws:MultiFactorAuthPresent', policy: 'True', request: 'true', holds: T },
  { rule: 'COND: Bool on an absent key is false', op: 'Bool', key: 'aws:MultiFactorAuthPresent', policy: 'false', request: undefined, holds: F },
  { rule: 'OPS: BinaryEquals compares base64 values', op: 'BinaryEquals', key: 'ec2:UserData', policy: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', request: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', holds: T },
  { rule: 'OPS: BinaryEquals mismatch', op: 'BinaryEquals', key: 'ec2:UserData', policy: 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', request: 'b3RoZXI=', holds: F },

  // IP addresses (OPS#Conditions_IPAddress).
  { rule: 'OPS: IpAddress within an IPv4 CIDR', op: 'IpAddress', key: 'aws:SourceIp', policy: '203.0.113.0/24', request: '203.0.113.7', holds: T },
  { rule: 'OPS: IpAddress outside the CIDR', op: 'IpAddress', key: 'aws:SourceIp', policy: '203.0.113.0/24', request: '203.0.114.7', holds: F },
  { rule: 'OPS: an address without prefix length is /32', op: 'IpAddress', key: 'aws:SourceIp', policy: '203.0.113.7', request: '203.0.113.7', holds: T },
  { rule: 'OPS: /0 matches every IPv4 address', op: 'IpAddress', key: 'aws:SourceIp', policy: '0.0.0.0/0', request: '198.51.100.1', holds: T },
  { rule: 'OPS: odd prefix lengths', op: 'IpAddress', key: 'aws:SourceIp', policy: '10.0.0.0/9', request: '10.127.255.255', holds: T },
  { rule: 'OPS: odd prefix lengths (outside)', op: 'IpAddress', key: 'aws:SourceIp', policy: '10.0.0.0/9', request: '10.128.0.0', holds: F },
  { rule: 'OPS: IpAddress with an IPv6 CIDR', op: 'IpAddress', key: 'aws:SourceIp', policy: '2001:DB8:1234:5678::/64', request: '2001:db8:1234:5678:abcd::1', holds: T },
  { rule: 'OPS: IPv6 outside the CIDR', op: 'IpAddress', key: 'aws:SourceIp', policy: '2001:DB8:1234:5678::/64', request: '2001:db8:1234:5679::1', holds: F },
  { rule: 'OPS: several CIDRs are ORed', op: 'IpAddress', key: 'aws:SourceIp', policy: ['192.0.2.0/24', '203.0.113.0/24'], request: '203.0.113.9', holds: T },
  { rule: 'OPS: an IPv4-mapped IPv6 address matches an IPv4 CIDR', op: 'IpAddress', key: 'aws:SourceIp', policy: '203.0.113.0/24', request: '::ffff:203.0.113.7', holds: T },
  { rule: 'OPS: NotIpAddress outside the CIDR', op: 'NotIpAddress', key: 'aws:SourceIp', policy: '203.0.113.0/24', request: '198.51.100.1', holds: T },
  { rule: 'OPS: NotIpAddress inside the CIDR', op: 'NotIpAddress', key: 'aws:SourceIp', policy: '203.0.113.0/24', request: '203.0.113.1', holds: F },
  { rule: 'COND: NotIpAddress on an absent key is true', op: 'NotIpAddress', key: 'aws:SourceIp', policy: '203.0.113.0/24', request: undefined, holds: T },
  { rule: 'OPS: a request value that is no address never matches', op: 'IpAddress', key: 'aws:SourceIp', policy: '0.0.0.0/0', request: 'localhost', holds: F },

  // ARN operators (OPS#Conditions_ARN).
  { rule: 'OPS: ArnEquals exact', op: 'ArnEquals', key: 'aws:SourceArn', policy: 'arn:aws:sns:us-east-1:111122223333:topic', request: 'arn:aws:sns:us-east-1:111122223333:topic', holds: T },
  { rule: 'OPS: ArnLike with wildcards in parts', op: 'ArnLike', key: 'aws:SourceArn', policy: 'arn:aws:sns:*:111122223333:*', request: 'arn:aws:sns:eu-west-1:111122223333:topic', holds: T },
  { rule: 'OPS: ArnEquals also takes wildcards', op: 'ArnEquals', key: 'aws:SourceArn', policy: 'arn:aws:sns:*:111122223333:*', request: 'arn:aws:sns:eu-west-1:111122223333:topic', holds: T },
  { rule: 'OPS: ArnLike checks each part on its own — * does not span colons', op: 'ArnLike', key: 'aws:SourceArn', policy: 'arn:aws:sns:*:111122223333:topic', request: 'arn:aws:sns:us-east-1:999:111122223333:topic', holds: F },
  { rule: 'OPS: ArnLike is case-sensitive', op: 'ArnLike', key: 'aws:SourceArn', policy: 'arn:aws:sns:*:111122223333:Topic', request: 'arn:aws:sns:us-east-1:111122223333:topic', holds: F },
  { rule: 'OPS: ArnLike against a value that is no ARN', op: 'ArnLike', key: 'aws:SourceArn', policy: 'arn:aws:sns:*:*:*', request: 'not-an-arn', holds: F },
  { rule: 'OPS: ArnNotLike for another account', op: 'ArnNotLike', key: 'aws:SourceArn', policy: 'arn:aws:sns:*:111122223333:*', request: 'arn:aws:sns:us-east-1:444455556666:t', holds: T },
  { rule: 'OPS: ArnNotEquals for the same ARN', op: 'ArnNotEquals', key: 'aws:SourceArn', policy: 'arn:aws:sns:us-east-1:111122223333:t', request: 'arn:aws:sns:us-east-1:111122223333:t', holds: F },
  { rule: 'COND: ArnNotLike on an absent key is true', op: 'ArnNotLike', key: 'aws:SourceArn', policy: 'arn:aws:sns:*:*:*', request: undefined, holds: T },

  // Null (OPS#Conditions_Null).
  { rule: 'OPS: Null true holds when the key is absent', op: 'Null', key: 'aws:TokenIssueTime', policy: 'true', request: undefined, holds: T },
  { rule: 'OPS: Null true fails when the key is present', op: 'Null', key: 'aws:TokenIssueTime', policy: 'true', request: '2026-01-01T00:00:00Z', holds: F },
  { rule: 'OPS: Null false holds when the key is present', op: 'Null', key: 'aws:TokenIssueTime', policy: 'false', request: '2026-01-01T00:00:00Z', holds: T },
  { rule: 'OPS: Null false fails when the key is absent', op: 'Null', key: 'aws:TokenIssueTime', policy: 'false', request: undefined, holds: F },
  { rule: 'MULTI: an empty multi-valued key counts as null', op: 'Null', key: 'aws:TagKeys', policy: 'true', request: [], holds: T },

  // …IfExists (OPS#Conditions_IfExists).
  { rule: 'OPS: StringEqualsIfExists holds when the key is absent', op: 'StringEqualsIfExists', key: 'ec2:InstanceType', policy: 't3.micro', request: undefined, holds: T },
  { rule: 'OPS: StringEqualsIfExists compares when present', op: 'StringEqualsIfExists', key: 'ec2:InstanceType', policy: 't3.micro', request: 'm5.large', holds: F },
  { rule: 'OPS: StringNotEqualsIfExists compares when present', op: 'StringNotEqualsIfExists', key: 'ec2:InstanceType', policy: 't3.micro', request: 't3.micro', holds: F },
  { rule: 'OPS: BoolIfExists holds when absent', op: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', policy: 'false', request: undefined, holds: T },
  { rule: 'OPS: BoolIfExists compares when present', op: 'BoolIfExists', key: 'aws:MultiFactorAuthPresent', policy: 'false', request: 'true', holds: F },
  { rule: 'OPS: NumericLessThanIfExists when absent', op: 'NumericLessThanIfExists', key: 's3:max-keys', policy: '10', request: undefined, holds: T },
  { rule: 'OPS: NumericLessThanIfExists when present', op: 'NumericLessThanIfExists', key: 's3:max-keys', policy: '10', request: '50', holds: F },
  { rule: 'OPS: IpAddressIfExists when absent', op: 'IpAddressIfExists', key: 'aws:SourceIp', policy: '10.0.0.0/8', request: undefined, holds: T },
  { rule: 'OPS: ArnLikeIfExists when present and different', op: 'ArnLikeIfExists', key: 'aws:SourceArn', policy: 'arn:aws:sns:*:*:a', request: 'arn:aws:sns:us-east-1:1:b', holds: F },
  { rule: 'OPS: DateGreaterThanIfExists when absent', op: 'DateGreaterThanIfExists', key: 'aws:TokenIssueTime', policy: '2026-01-01T00:00:00Z', request: undefined, holds: T },
  { rule: 'OPS: StringLikeIfExists when present and matching', op: 'StringLikeIfExists', key: 's3:prefix', policy: 'a*', request: 'abc', holds: T },

  // Set operators (MULTI).
  { rule: 'MULTI: ForAllValues holds when every request value is listed', op: 'ForAllValues:StringEquals', key: 'aws:TagKeys', policy: ['env', 'team', 'cost'], request: ['env', 'team'], holds: T },
  { rule: 'MULTI: ForAllValues fails when one request value is not listed', op: 'ForAllValues:StringEquals', key: 'aws:TagKeys', policy: ['env', 'team'], request: ['env', 'owner'], holds: F },
  { rule: 'MULTI: ForAllValues holds for an empty key', op: 'ForAllValues:StringEquals', key: 'aws:TagKeys', policy: ['env'], request: [], holds: T },
  { rule: 'MULTI: ForAllValues holds for a missing key', op: 'ForAllValues:StringEquals', key: 'aws:TagKeys', policy: ['env'], request: undefined, holds: T },
  { rule: 'MULTI: ForAllValues:StringLike with patterns', op: 'ForAllValues:StringLike', key: 'aws:TagKeys', policy: ['env*', 'team'], request: ['env-a', 'envB', 'team'], holds: T },
  { rule: 'MULTI: ForAllValues:StringNotEquals holds when no request value is listed', op: 'ForAllValues:StringNotEquals', key: 'aws:TagKeys', policy: ['secret'], request: ['env', 'team'], holds: T },
  { rule: 'MULTI: ForAllValues:StringNotEquals fails when one request value is listed', op: 'ForAllValues:StringNotEquals', key: 'aws:TagKeys', policy: ['secret'], request: ['env', 'secret'], holds: F },
  { rule: 'MULTI: ForAnyValue holds when one request value is listed', op: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', policy: ['team'], request: ['env', 'team'], holds: T },
  { rule: 'MULTI: ForAnyValue fails when none is listed', op: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', policy: ['team'], request: ['env', 'owner'], holds: F },
  { rule: 'MULTI: ForAnyValue fails for an empty key', op: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', policy: ['team'], request: [], holds: F },
  { rule: 'MULTI: ForAnyValue fails for a missing key', op: 'ForAnyValue:StringEquals', key: 'aws:TagKeys', policy: ['team'], request: undefined, holds: F },
  { rule: 'MULTI: ForAnyValue:StringNotEquals holds when at least one request value is not listed', op: 'ForAnyValue:StringNotEquals', key: 'aws:TagKeys', policy: ['env'], request: ['env', 'team'], holds: T },
  { rule: 'MULTI: ForAnyValue:StringNotEquals fails when every request value is listed', op: 'ForAnyValue:StringNotEquals', key: 'aws:TagKeys', policy: ['env', 'team'], request: ['env', 'team'], holds: F },
  { rule: 'MULTI: ForAnyValue:StringEqualsIfExists holds for a missing key', op: 'ForAnyValue:StringEqualsIfExists', key: 'aws:TagKeys', policy: ['team'], request: undefined, holds: T },
  { rule: 'MULTI: ForAnyValue with a single-valued key', op: 'ForAnyValue:StringLike', key: 'aws:username', policy: 'a*', request: 'alice', holds: T },
  { rule: 'MULTI: ForAllValues:NumericLessThan on each value', op: 'ForAllValues:NumericLessThan', key: 'dynamodb:Limit', policy: '10', request: ['1', '9', '12'], holds: F },

  // Key names are case-insensitive, values are not (COND).
  { rule: 'COND: condition key names are case-insensitive', op: 'StringEquals', key: 'AWS:UserName', policy: 'alice', request: 'alice', holds: T },
];

function holds(row: Row): boolean {
  const policy = identity(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { [row.op]: { [row.key]: row.policy } } }));
  const context = row.request === undefined ? ctx() : ctx({ [row.key]: row.request });
  return evaluate(request(user('alice'), 's3:GetObject', 'arn:aws:s3:::b/k', context), { identity: [policy] }).allowed;
}

describe('condition operators', () => {
  it.each(rows)('$rule ($op)', (row) => {
    expect(holds(row)).toBe(row.holds);
  });

  it('has a large table', () => {
    expect(rows.length).toBeGreaterThan(90);
  });
});

describe('combining conditions', () => {
  const allowed = (condition: Record<string, unknown>, context: Record<string, string | string[]>) =>
    evaluate(request(user('alice'), 's3:GetObject', 'arn:aws:s3:::b/k', ctx(context)), {
      identity: [identity(doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: condition }))],
    }).allowed;

  it('LOGIC: several keys under one operator are ANDed', () => {
    const c = { StringEquals: { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue' } };
    expect(allowed(c, { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'blue' })).toBe(true);
    expect(allowed(c, { 'aws:username': 'alice', 'aws:PrincipalTag/team': 'red' })).toBe(false);
  });

  it('LOGIC: several operators are ANDed', () => {
    const c = { StringEquals: { 'aws:username': 'alice' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } };
    expect(allowed(c, { 'aws:username': 'alice', 'aws:SourceIp': '10.1.2.3' })).toBe(true);
    expect(allowed(c, { 'aws:username': 'alice', 'aws:SourceIp': '192.168.1.1' })).toBe(false);
  });

  it('COND: an empty Condition block, or an unknown operator with no keys, constrains nothing', () => {
    expect(allowed({}, {})).toBe(true);
    expect(allowed({ SomethingNew: {} }, {})).toBe(true);
  });

  it('OPS: a Deny with a negated operator fires when the key is absent', () => {
    const policy = identity(doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-east-1' } } }));
    const d = evaluate(request(user('alice'), 's3:GetObject', 'arn:aws:s3:::b/k', ctx()), { identity: [policy] });
    expect(d.outcome).toBe('explicit-deny');
  });

  it('OPS: the classic MFA guard — BoolIfExists false denies long-term keys only when MFA is known absent', () => {
    const policy = identity(
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }),
    );
    const decide = (mfa?: string) => evaluate(request(user('alice'), 's3:GetObject', 'arn:aws:s3:::b/k', ctx(mfa ? { 'aws:MultiFactorAuthPresent': mfa } : {})), { identity: [policy] }).outcome;
    expect(decide('false')).toBe('explicit-deny');
    expect(decide('true')).toBe('allowed');
    expect(decide()).toBe('explicit-deny');
  });
});
