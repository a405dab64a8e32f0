/**
 * POST policies as pure logic: parsing (S3's InvalidPolicyDocument messages), conditions and the
 * coverage rule (AccessDenied "Invalid according to Policy: …"), and the SigV4 signature of a
 * policy against the example AWS publishes.
 */
import { describe, expect, it } from 'vitest';
import { checkPostPolicy, parsePostPolicy, type PolicyForm } from '../../../../src/services/s3/domain/post-policy.js';
import { policySignatureV2, policySignatureV4 } from '../../../../src/services/s3/browser/form-auth.js';
import { isServiceError } from '../../../../src/shared/errors.js';

const b64 = (doc: unknown): string => Buffer.from(typeof doc === 'string' ? doc : JSON.stringify(doc)).toString('base64');
const FUTURE = '2030-01-01T00:00:00.000Z';
const NOW = new Date('2026-01-01T00:00:00Z');

function errorOf(fn: () => unknown): { code: string; message: string; status: number } {
  try {
    fn();
  } catch (e) {
    if (!isServiceError(e)) throw e;
    return { code: e.code, message: e.message, status: e.statusCode };
  }
  throw new Error('expected an error');
}

function form(fields: Record<string, string>, bucket = 'uploads'): PolicyForm {
  const lower = new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v] as const));
  const names = new Map(Object.keys(fields).map((k) => [k.toLowerCase(), k] as const));
  return { fields: lower, names, bucket };
}

function check(conditions: unknown[], fields: Record<string, string>, expiration = FUTURE) {
  return checkPostPolicy(parsePostPolicy(b64({ expiration, conditions })), form(fields), NOW, 4);
}

describe('parsing a POST policy', () => {
  it.each<[string, string, string]>([
    ['not base64', 'not base64!', 'Invalid Policy: invalid Base64 encoding.'],
    ['not JSON', b64('{"expiration": '), 'Invalid Policy: Invalid JSON.'],
    ['a JSON array', b64([]), 'Invalid Policy: Invalid JSON.'],
    ['no expiration', b64({ conditions: [] }), 'Invalid Policy: Policy missing expiration.'],
    ['no conditions', b64({ expiration: FUTURE }), 'Invalid Policy: Policy missing conditions.'],
    ['an offset expiration', b64({ expiration: '2030-01-01T00:00:00+02:00', conditions: [] }), "Invalid Policy: Invalid 'expiration' value: '2030-01-01T00:00:00+02:00'"],
    ['a spaced expiration', b64({ expiration: '2030-01-01 00:00:00 UTC', conditions: [] }), "Invalid Policy: Invalid 'expiration' value: '2030-01-01 00:00:00 UTC'"],
    ['an unknown member', b64({ expiration: FUTURE, conditions: [], Statement: [] }), "Invalid Policy: Unexpected: 'statement'"],
    ['conditions not a list', b64({ expiration: FUTURE, conditions: {} }), "Invalid Policy: Invalid 'conditions' value: must be a List."],
    ['a two-property simple condition', b64({ expiration: FUTURE, conditions: [{ bucket: 'b', acl: 'private' }] }), 'Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.'],
    ['a numeric simple condition', b64({ expiration: FUTURE, conditions: [{ 'Content-Length': 6199034 }] }), 'Invalid Policy: Invalid Simple-Condition: value must be a string.'],
    ['a fractional length bound', b64({ expiration: FUTURE, conditions: [['content-length-range', 0, 512.5]] }), 'Invalid Policy: Invalid JSON.'],
    ['an empty condition', b64({ expiration: FUTURE, conditions: [[]] }), 'Invalid Policy: Invalid Condition: missing operation identifier.'],
  ])('refuses %s with InvalidPolicyDocument', (_what, policy, message) => {
    expect(errorOf(() => parsePostPolicy(policy))).toEqual({ code: 'InvalidPolicyDocument', message, status: 400 });
  });

  it('accepts expirations with and without milliseconds', () => {
    expect(parsePostPolicy(b64({ expiration: '2030-01-01T00:00:00Z', conditions: [] })).expiration.toISOString()).toBe('2030-01-01T00:00:00.000Z');
    expect(parsePostPolicy(b64({ expiration: FUTURE, conditions: [] })).conditions).toEqual([]);
  });
});

describe('checking a form against its policy', () => {
  it('passes exact, eq and starts-with conditions, names compared case-insensitively', () => {
    const range = check(
      [{ bucket: 'uploads' }, ['eq', '$Content-Type', 'image/png'], ['starts-with', '$KEY', 'user/eric/'], { 'x-amz-meta-Tag': 'a' }, ['content-length-range', 1, '10']],
      { key: 'user/eric/cat.png', 'content-type': 'image/png', 'X-Amz-Meta-Tag': 'a' },
    );
    expect(range).toEqual({ min: 1, max: 10 });
  });

  it('is expired after its expiration', () => {
    expect(errorOf(() => check([], {}, '2025-12-31T23:59:59Z'))).toEqual({ code: 'AccessDenied', message: 'Invalid according to Policy: Policy expired.', status: 403 });
  });

  it('prints a failed simple condition as an eq list, with the policy’s spelling', () => {
    expect(errorOf(() => check([{ acl: 'public-read' }], { acl: 'private' })).message).toBe('Invalid according to Policy: Policy Condition failed: ["eq", "$acl", "public-read"]');
    expect(errorOf(() => check([['starts-with', '$Content-Type', 'image/']], { 'Content-Type': 'text/plain' })).message).toBe(
      'Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Type", "image/"]',
    );
  });

  it('fails a condition on an absent field, even starts-with ""', () => {
    expect(errorOf(() => check([['starts-with', '$Content-Type', '']], {})).message).toBe('Invalid according to Policy: Policy Condition failed: ["starts-with", "$Content-Type", ""]');
  });

  it('fails a reference without its $, and compares values case-sensitively', () => {
    expect(errorOf(() => check([['eq', 'success_action_redirect', 'http://x/']], { success_action_redirect: 'http://x/' })).code).toBe('AccessDenied');
    expect(errorOf(() => check([['eq', '$key', 'A']], { key: 'a' })).message).toBe('Invalid according to Policy: Policy Condition failed: ["eq", "$key", "A"]');
  });

  it('tests the bucket condition against the bucket posted to', () => {
    expect(errorOf(() => check([{ bucket: 'other' }], {})).message).toBe('Invalid according to Policy: Policy Condition failed: ["eq", "$bucket", "other"]');
  });

  it('reads a Content-Type list item by item for starts-with', () => {
    expect(check([['starts-with', '$Content-Type', 'image/']], { 'Content-Type': 'image/jpg,image/png' })).toBeUndefined();
    expect(errorOf(() => check([['starts-with', '$Content-Type', 'image/']], { 'Content-Type': 'image/jpg,text/plain' })).code).toBe('AccessDenied');
    // Other fields are plain strings, commas or not.
    expect(check([['starts-with', '$key', 'a']], { key: 'a,b' })).toBeUndefined();
  });

  it('fails a content-length-range whose bounds are not numbers', () => {
    expect(errorOf(() => check([['content-length-range', 'test', '10']], {})).message).toBe('Invalid according to Policy: Policy Condition failed: ["content-length-range", "test", "10"]');
  });

  it('requires every field but the exempt ones to be covered', () => {
    expect(errorOf(() => check([['starts-with', '$key', '']], { key: 'k', Filename: 'cat.png' }))).toEqual({
      code: 'AccessDenied',
      message: 'Invalid according to Policy: Extra input fields: Filename',
      status: 403,
    });
    expect(check([['starts-with', '$key', '']], { key: 'k', policy: 'p', 'x-amz-signature': 's', 'x-ignore-flash': 'f', file: '' })).toBeUndefined();
  });
});

describe('the signature of a POST policy', () => {
  it('matches the SigV4 example of the S3 API reference', () => {
    // https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-post-example.html (the policy has CRLF line ends)
    const policy = [
      '{ "expiration": "2015-12-30T12:00:00.000Z",',
      '  "conditions": [',
      '    {"bucket": "sigv4examplebucket"},',
      '    ["starts-with", "$key", "user/user1/"],',
      '    {"acl": "public-read"},',
      '    {"success_action_redirect": "http://sigv4examplebucket.s3.amazonaws.com/successful_upload.html"},',
      '    ["starts-with", "$Content-Type", "image/"],',
      '    {"x-amz-meta-uuid": "14365123651274"},',
      '    {"x-amz-server-side-encryption": "AES256"},',
      '    ["starts-with", "$x-amz-meta-tag", ""],',
      '',
      '    {"x-amz-credential": "AKIAIOSFODNN7EXAMPLE/20151229/us-east-1/s3/aws4_request"},',
      '    {"x-amz-algorithm": "AWS4-HMAC-SHA256"},',
      '    {"x-amz-date": "20151229T000000Z" }',
      '  ]',
      '}',
    ].join('\r\n');
    const base64 = Buffer.from(policy).toString('base64');
    expect(base64.startsWith('eyAiZXhwaXJhdGlvbiI6ICIyMDE1LTEyLTMwVDEyOjAwOjAwLjAwMFoiLA0K')).toBe(true);
    expect(policySignatureV4(base64, 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '20151229', 'us-east-1', 's3')).toBe(
      '8afdbf4008c03f22c2cd3cdb72e4afbb1f6a588f3255ac628749a66d7f09699e',
    );
    // The same document parses as a policy with eleven conditions.
    expect(parsePostPolicy(base64).conditions).toHaveLength(11);
  });

  it('signs SigV2 policies with base64 HMAC-SHA1', () => {
    expect(policySignatureV2('cG9saWN5', 'secret')).toMatch(/^[A-Za-z0-9+/]{27}=$/);
  });
});
