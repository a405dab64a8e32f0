/** domain/website.ts: how a website configuration answers requests to the website endpoint. */
import { describe, expect, it } from 'vitest';
import { folderRedirect, resolveWebsiteError, resolveWebsiteRequest } from '../../../../src/services/s3/domain/website.js';
import type { WebsiteConfiguration } from '../../../../src/services/s3/generated/types.js';

const site: WebsiteConfiguration = {
  IndexDocument: { Suffix: 'index.html' },
  ErrorDocument: { Key: 'error.html' },
  RoutingRules: [
    { Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { ReplaceKeyPrefixWith: 'documents/' } },
    { Condition: { KeyPrefixEquals: 'old/', HttpErrorCodeReturnedEquals: '404' }, Redirect: { HostName: 'archive.example.com', Protocol: 'https', HttpRedirectCode: '302' } },
    { Condition: { HttpErrorCodeReturnedEquals: '403' }, Redirect: { ReplaceKeyWith: 'login.html' } },
  ],
};
const request = (path: string) => ({ path, host: 'site.s3-website.localhost', protocol: 'http' as const });

describe('resolveWebsiteRequest', () => {
  it('serves the index document for the root and for folders', () => {
    expect(resolveWebsiteRequest(site, request(''))).toEqual({ kind: 'serve', key: 'index.html' });
    expect(resolveWebsiteRequest(site, request('blog/'))).toEqual({ kind: 'serve', key: 'blog/index.html' });
    expect(resolveWebsiteRequest(site, request('blog/post.html'))).toEqual({ kind: 'serve', key: 'blog/post.html' });
  });

  it('applies prefix routing rules before the lookup, replacing the prefix', () => {
    expect(resolveWebsiteRequest(site, request('docs/a b.html'))).toEqual({ kind: 'redirect', location: 'http://site.s3-website.localhost/documents/a%20b.html', status: 301 });
  });

  it('redirects everything with RedirectAllRequestsTo', () => {
    expect(resolveWebsiteRequest({ RedirectAllRequestsTo: { HostName: 'www.example.com', Protocol: 'https' } }, request('a/b'))).toEqual({
      kind: 'redirect',
      location: 'https://www.example.com/a/b',
      status: 301,
    });
  });
});

describe('resolveWebsiteError', () => {
  const failed = (key: string, status: number) => ({ key, status, host: 'site.s3-website.localhost', protocol: 'http' as const });

  it('applies error-code routing rules, then the error document', () => {
    expect(resolveWebsiteError(site, failed('old/page.html', 404))).toEqual({ kind: 'redirect', location: 'https://archive.example.com/old/page.html', status: 302 });
    expect(resolveWebsiteError(site, failed('private/x', 403))).toEqual({ kind: 'redirect', location: 'http://site.s3-website.localhost/login.html', status: 301 });
    expect(resolveWebsiteError(site, failed('new/page.html', 404))).toEqual({ kind: 'error-document', key: 'error.html' });
    expect(resolveWebsiteError({ IndexDocument: { Suffix: 'index.html' } }, failed('x', 404))).toBeUndefined();
  });
});

describe('folderRedirect', () => {
  it('probes key/ + index document for a path without a trailing slash', () => {
    expect(folderRedirect(site, 'blog')).toEqual({ probeKey: 'blog/index.html', location: '/blog/', status: 302 });
    expect(folderRedirect(site, 'blog/')).toBeUndefined();
  });
});
