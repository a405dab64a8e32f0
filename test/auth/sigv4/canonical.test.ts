/** The canonicalization pieces on their own: URI encoding, query, headers as node delivers them, dates. */
import { describe, expect, it } from 'vitest';
import { canonicalHeaders, canonicalHeaderValue, canonicalQuery, signedHeaderNames } from '../../../src/auth/sigv4/canonical.js';
import { formatAmzDate, parseAmzDate, parseHttpDate } from '../../../src/auth/sigv4/dates.js';
import { canonicalComponent, canonicalUri, normalizePath } from '../../../src/auth/sigv4/uri-encode.js';
import { nodeHeaders } from './raw-request.js';

describe('URI encoding', () => {
  it('re-encodes query components canonically, leaving canonical input untouched', () => {
    const already = 'abc-._~%2F%24%E1%88%B4';
    expect(canonicalComponent(already)).toBe(already);
    expect(canonicalComponent('%7e%7E~')).toBe('~~~');
    expect(canonicalComponent('a b$+ሴ')).toBe('a%20b%24%2B%E1%88%B4');
    expect(canonicalComponent('%2f%zz%')).toBe('%2F%25zz%25');
    expect(canonicalComponent('😀')).toBe('%F0%9F%98%80');
  });

  it('S3 paths: decoded and encoded once, never normalized; %2F stays escaped', () => {
    // AWS: S3 expects `/%3Fa=b%20c` to be signed as `/%3Fa%3Db%20c` (aws/aws-sdk-js#853).
    expect(canonicalUri('/%3Fa=b%20c', false, false)).toBe('/%3Fa%3Db%20c');
    expect(canonicalUri('/test$file.text', false, false)).toBe('/test%24file.text');
    expect(canonicalUri('/a//./../b%2Fc/', false, false)).toBe('/a//./../b%2Fc/');
    expect(canonicalUri('', false, false)).toBe('/');
  });

  it('other services: normalized, then the received path encoded again', () => {
    expect(canonicalUri('/_search/%3Fa=b%20c', true, true)).toBe('/_search/%253Fa%3Db%2520c');
    expect(canonicalUri('/2015-03-31/functions/arn%3Aaws%3Alambda/invocations', true, true)).toBe('/2015-03-31/functions/arn%253Aaws%253Alambda/invocations');
    expect(normalizePath('//a/./b/../c//')).toBe('/a/c/');
    expect(normalizePath('/a/..')).toBe('/');
    expect(normalizePath('/.hidden/x')).toBe('/.hidden/x');
  });
});

describe('canonical query string', () => {
  it('sorts by key then value, keeps empty values, leaves the presigned signature out', () => {
    const params = {};
    expect(canonicalQuery('b=2&a=2&a=1&c&X-Amz-Signature=ff', true, false, params)).toBe('a=1&a=2&b=2&c=');
    expect(canonicalQuery('X-Amz-Signature=ff&b=1', false, false, {})).toBe('X-Amz-Signature=ff&b=1');
  });

  it('sorts on the key alone, not on the joined key=value (a before a-b)', () => {
    expect(canonicalQuery('a=1&a-b=2', false, false, {})).toBe('a=1&a-b=2');
    expect(canonicalQuery('a-b=2&a=1', false, false, {})).toBe('a=1&a-b=2');
  });

  it('notes the X-Amz-* values the verifier needs', () => {
    const params: Record<string, string> = {};
    canonicalQuery('X-Amz-Date=20240301T120000Z&X-Amz-Expires=60&X-Amz-Region-Set=us-east-1%2Cus-west-2&X-Amz-Security-Token=t%2B', true, true, params);
    expect(params).toEqual({ date: '20240301T120000Z', expires: '60', regionSet: 'us-east-1,us-west-2' });
  });
});

describe('canonical headers', () => {
  it('trims and collapses spaces and tabs', () => {
    expect(canonicalHeaderValue('a   b\t\tc')).toBe('a b c');
    expect(canonicalHeaderValue('  x ')).toBe('x');
    const plain = 'application/json';
    expect(canonicalHeaderValue(plain)).toBe(plain);
  });

  it('reads repeated headers from rawHeaders: node joins some with ", " and drops others', () => {
    const raw = ['Host', 'h', 'X-Thing', 'a, b', 'X-Thing', 'c', 'Content-Type', 'text/plain', 'Content-Type', 'text/html'];
    const headers = nodeHeaders(raw);
    expect(headers['content-type']).toBe('text/plain'); // node keeps the first
    expect(headers['x-thing']).toBe('a, b, c');
    expect(canonicalHeaders(headers, raw, ['content-type', 'host', 'x-thing'])).toBe('content-type:text/plain,text/html\nhost:h\nx-thing:a, b,c\n');
    // Without repeats the parsed headers are used as they are.
    expect(canonicalHeaders({ host: 'h', 'x-thing': 'a, b' }, ['Host', 'h', 'X-Thing', 'a, b'], ['host', 'x-thing'])).toBe('host:h\nx-thing:a, b\n');
  });

  it('signs a signed header the request lacks as an empty value', () => {
    expect(canonicalHeaders({ host: 'h' }, undefined, ['host', 'x-amz-acl'])).toBe('host:h\nx-amz-acl:\n');
  });

  it('lower-cases and sorts SignedHeaders', () => {
    expect(signedHeaderNames('X-Amz-Date;Host')).toEqual(['host', 'x-amz-date']);
  });
});

describe('dates', () => {
  it('parses X-Amz-Date strictly', () => {
    expect(parseAmzDate('20150830T123600Z')).toBe(Date.UTC(2015, 7, 30, 12, 36));
    for (const bad of ['2015-08-30T12:36:00Z', '20150830T123600', '20150230T123600Z', '20151330T123600Z', '20150830T246000Z']) expect(parseAmzDate(bad)).toBeUndefined();
    expect(formatAmzDate(Date.UTC(2015, 7, 30, 12, 36))).toBe('20150830T123600Z');
  });

  it('parses an HTTP Date header', () => {
    expect(parseHttpDate('Fri, 24 May 2013 00:00:00 GMT')).toBe(Date.UTC(2013, 4, 24));
    expect(parseHttpDate('Friday, 24-May-13 00:00:00 GMT')).toBeUndefined();
  });
});
