/** The engine's building blocks: wildcard and ARN matching, CIDRs, dates, the JSON reader. */
import { describe, expect, it } from 'vitest';
import { Pattern, arnMatch, globMatch, hasAt, wildcards } from '../../src/iam/policy/glob.js';
import { cidrContains, parseAddress, parseCidr } from '../../src/iam/policy/conditions/ip.js';
import { parseDate } from '../../src/iam/policy/conditions/dates.js';
import { JsonSyntaxError, readJson } from '../../src/iam/policy/json-reader.js';

describe('glob', () => {
  it.each([
    ['*', '', true],
    ['*', 'anything', true],
    ['a*c', 'abbbc', true],
    ['a*c', 'abbb', false],
    ['a?c', 'abc', true],
    ['a?c', 'ac', false],
    ['*b*', 'abc', true],
    ['**', 'x', true],
    ['a*b*c', 'aXbYbZc', true],
    ['exact', 'exact', true],
    ['exact', 'exact!', false],
  ])('%s ~ %s → %s', (p, v, expected) => {
    expect(globMatch(wildcards(p), v)).toBe(expected);
    expect(new Pattern(wildcards(p), false).matches(v)).toBe(expected);
  });

  it.each([
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x:y/z', true],
    ['arn:aws:iam::*:role/x', 'arn:aws:iam::111:role/x', true],
    ['arn:aws:iam::*:role/x', 'arn:aws:iam::111:222:role/x', false],
    ['arn:aws:*:us-*:*:*', 'arn:aws:sqs:us-west-2:1:q', true],
    ['arn:aws:*:us-*:*:*', 'arn:aws:sqs:eu-west-2:1:q', false],
    ['arn:aws:sqs:*:*:q', 'arn:aws:sqs:r:1', false],
    ['arn:*', 'arn:aws:s3:::b', true],
  ])('ARN %s ~ %s → %s', (p, v, expected) => {
    expect(arnMatch(wildcards(p), v)).toBe(expected);
    expect(new Pattern(wildcards(p), true).matches(v)).toBe(expected);
  });

  it('hasAt compares a block at a position', () => {
    expect(hasAt('arn:aws:s3:::b', 's3:', 8)).toBe(true);
    expect(hasAt('arn:aws:s3:::b', 's3:', 7)).toBe(false);
    expect(hasAt('ab', 'abc', 0)).toBe(false);
  });
});

describe('CIDR', () => {
  const inside = (cidr: string, ip: string) => {
    const c = parseCidr(cidr);
    const a = parseAddress(ip);
    return c !== undefined && a !== undefined && cidrContains(c, a);
  };
  it.each([
    ['192.0.2.0/24', '192.0.2.255', true],
    ['192.0.2.0/24', '192.0.3.0', false],
    ['192.0.2.128/25', '192.0.2.127', false],
    ['10.0.0.1', '10.0.0.1', true],
    ['::/0', '2001:db8::1', true],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::1/128', '::1', true],
    ['192.0.2.0/24', '::ffff:192.0.2.9', true],
  ])('%s contains %s → %s', (cidr, ip, expected) => {
    expect(inside(cidr, ip)).toBe(expected);
  });

  it.each(['300.1.1.1', '1.2.3', '1.2.3.4/33', '2001:db8::/129', '1::2::3', 'g::1', ''])('rejects %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('dates', () => {
  it.each([
    ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
    ['2026-01-01', Date.UTC(2026, 0, 1)],
    ['2026-01-01T01:00:00+01:00', Date.UTC(2026, 0, 1)],
    ['2026-01-01T00:00:00.5Z', Date.UTC(2026, 0, 1) + 500],
    ['2026-01-01t2:00:00-0130', Date.UTC(2026, 0, 1, 3, 30)],
    ['1767225600', Date.UTC(2026, 0, 1)],
    ['-1', -1000],
  ])('%s', (text, ms) => {
    expect(parseDate(text)).toBe(ms);
  });

  it.each(['yesterday', '2026-13-01', '2026-01-01T00:00:00+1', '9223372036854775808', '2026/01/01'])('rejects %s', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });
});

describe('JSON reader', () => {
  it('reads what JSON.parse reads', () => {
    const text = '{"a":[1,-2.5e3,true,false,null,"x\\u0041\\n"],"b":{"__proto__":{"c":1}}}';
    expect(readJson(text).value).toEqual(JSON.parse(text));
  });

  it('records object spans', () => {
    const doc = readJson('{ "s": [ {"x":1}, {} ] }');
    const list = (doc.value as { s: object[] }).s;
    expect(doc.spans.get(list[0] as object)).toEqual({ start: 9, end: 15 });
    expect(doc.spans.get(list[1] as object)).toEqual({ start: 18, end: 19 });
  });

  it.each(['', '{', '{"a":1,}', '[1 2]', '01', '{"a":"\u0001"}', "{'a':1}", '{"a":1} x', 'nul'])('rejects %s', (text) => {
    expect(() => readJson(text)).toThrow(JsonSyntaxError);
  });
});
