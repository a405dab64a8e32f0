/** Raw HTTP for gateway tests: full control of Host, headers and body framing (fetch forbids some). */
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  /** Send the body with `Transfer-Encoding: chunked`, in these pieces. */
  chunks?: (string | Buffer)[];
  agent?: Agent;
}

export function raw(endpoint: string, req: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      { host: url.hostname, port: url.port, method: req.method ?? 'GET', path: req.path ?? '/', headers: req.headers, agent: req.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (req.chunks) {
      for (const c of req.chunks) r.write(c);
      r.end();
    } else {
      r.end(req.body);
    }
  });
}

/** An Authorization header naming a credential scope (the signature itself is not checked for the test key). */
export function sigV4Header(service: string, region = 'us-east-1', accessKey = 'test'): string {
  return `AWS4-HMAC-SHA256 Credential=${accessKey}/20260101/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
}

export const FORM = 'application/x-www-form-urlencoded; charset=utf-8';
