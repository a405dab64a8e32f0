/**
 * The AWS SDK for JavaScript v3's own signer (@smithy/signature-v4) as an independent reference:
 * sign or presign a request with it, then hand the result to the verifier the way node:http would
 * deliver it (path and query as the SDK puts them on the wire, lower-case header names).
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest as SdkRequest, QueryParameterBag } from '@smithy/types';
import { nodeHeaders, type RawRequest } from './raw-request.js';

/** The SDK's Checksum interface over node:crypto. */
export class Sha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    const key = typeof this.secret === 'string' ? this.secret : Buffer.from(this.secret as ArrayBuffer);
    return createHmac('sha256', key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data as ArrayBuffer));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** The SDK's URI escaping (encodeURIComponent plus ! ' ( ) *). */
export function escapeUri(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

export interface SdkSignerOptions {
  service: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** S3 signs the path as sent; every other service encodes it again. */
  s3?: boolean;
}

export function sdkSigner(o: SdkSignerOptions): SignatureV4 {
  return new SignatureV4({
    service: o.service,
    region: o.region,
    credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey, sessionToken: o.sessionToken },
    sha256: Sha256,
    uriEscapePath: !o.s3,
    applyChecksum: o.s3 === true,
  });
}

export interface PlainRequest {
  method: string;
  hostname: string;
  /** The path as the SDK puts it on the wire (already escaped). */
  path: string;
  query?: QueryParameterBag;
  headers: Record<string, string>;
  body?: Buffer;
}

export function toSdk(r: PlainRequest): SdkRequest {
  return { method: r.method, protocol: 'https:', hostname: r.hostname, path: r.path, query: r.query ?? {}, headers: { ...r.headers }, body: r.body };
}

/** The query string the SDK would send for `query` (insertion order, SDK escaping). */
export function wireQuery(query: QueryParameterBag | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === null || v === undefined) parts.push(escapeUri(k));
    else for (const one of Array.isArray(v) ? v : [v]) parts.push(`${escapeUri(k)}=${escapeUri(one)}`);
  }
  return parts.join('&');
}

/** What the gateway sees of a request the SDK signed. */
export function received(signed: SdkRequest): RawRequest {
  const rawHeaders: string[] = [];
  for (const [name, value] of Object.entries(signed.headers)) rawHeaders.push(name, value);
  const body = signed.body === undefined ? Buffer.alloc(0) : Buffer.from(signed.body as Buffer);
  return { method: signed.method, path: signed.path, rawPath: signed.path, rawQuery: wireQuery(signed.query), headers: nodeHeaders(rawHeaders), rawHeaders, body };
}
