/** domain/cors.ts: which rule answers a browser, and with which headers. */
import { describe, expect, it } from 'vitest';
import { corsResponseHeaders, matchCorsRule, parseRequestHeaders } from '../../../../src/services/s3/domain/cors.js';
import type { CORSRule } from '../../../../src/services/s3/generated/types.js';

const rules: CORSRule[] = [
  { ID: 'app', AllowedOrigins: ['https://*.example.com'], AllowedMethods: ['PUT', 'POST'], AllowedHeaders: ['Content-*', 'x-amz-meta-owner'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 600 },
  { ID: 'read', AllowedOrigins: ['*'], AllowedMethods: ['GET', 'HEAD'] },
];

describe('matchCorsRule', () => {
  it('uses the first rule whose origin, method and requested headers all match', () => {
    expect(matchCorsRule(rules, { origin: 'https://app.example.com', method: 'PUT', requestHeaders: ['content-type', 'X-Amz-Meta-Owner'] })?.ID).toBe('app');
    expect(matchCorsRule(rules, { origin: 'https://app.example.com', method: 'GET' })?.ID).toBe('read');
    expect(matchCorsRule(rules, { origin: 'http://anything', method: 'HEAD' })?.ID).toBe('read');
  });

  it('matches nothing for another origin, method or header', () => {
    expect(matchCorsRule(rules, { origin: 'https://example.com', method: 'PUT' })).toBeUndefined();
    expect(matchCorsRule(rules, { origin: 'https://app.example.com', method: 'DELETE' })).toBeUndefined();
    expect(matchCorsRule(rules, { origin: 'https://app.example.com', method: 'PUT', requestHeaders: ['authorization'] })).toBeUndefined();
    expect(matchCorsRule(rules, { origin: 'https://APP.example.com', method: 'get' })).toBeUndefined();
  });
});

describe('corsResponseHeaders', () => {
  it('echoes a specific origin with credentials, and answers a preflight with headers and max age', () => {
    const request = { origin: 'https://app.example.com', method: 'PUT', requestHeaders: parseRequestHeaders('Content-Type, x-amz-meta-owner') };
    expect(corsResponseHeaders(rules[0]!, request, { preflight: true })).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'PUT, POST',
      'access-control-allow-headers': 'content-type, x-amz-meta-owner',
      'access-control-expose-headers': 'ETag',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    });
  });

  it('answers * without credentials for a wildcard rule, and no preflight headers on actual requests', () => {
    expect(corsResponseHeaders(rules[1]!, { origin: 'https://x.test', method: 'GET' }, { preflight: false })).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD',
      vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    });
  });
});
