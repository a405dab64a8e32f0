/** Writes a protocol response to the socket: status, headers (with request ids), body or stream. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { HttpResponse } from '../protocol/protocols/types.js';
import { isReadable } from '../protocol/protocols/rest-bindings.js';
import { s3HostId, s3RequestId } from '../shared/ids.js';

/** Adds AWS's request-id headers; S3 names its own differently from every other service. */
export function addRequestIdHeaders(headers: HttpResponse['headers'], requestId: string, serviceId: string | undefined): void {
  if (serviceId === 'S3') {
    // Kept when the answer already names them (S3's website error pages print the ids they carry).
    headers['x-amz-request-id'] ??= s3RequestId();
    headers['x-amz-id-2'] ??= s3HostId();
  } else {
    headers['x-amzn-RequestId'] = requestId;
  }
}

/**
 * Whether the request's body has been read to its end. When Nimbus answers before that (an early
 * error, a 413), the connection must close: otherwise the unread bytes would be taken for the
 * next request on a kept-alive socket.
 */
export function bodyFullyRead(raw: IncomingMessage): boolean {
  if (raw.complete) return true;
  return raw.headers['transfer-encoding'] === undefined && (raw.headers['content-length'] ?? '0') === '0';
}

/** Writes the response; returns a promise only while a streamed body is still flowing. */
export function writeResponse(res: ServerResponse, response: HttpResponse, isHead: boolean, closeConnection: boolean): Promise<void> | undefined {
  const headers = response.headers;
  if (closeConnection) headers.connection = 'close';
  const body = response.body;
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
    if (headers['content-length'] === undefined) {
      headers['content-length'] = String(body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length);
    }
    res.writeHead(response.statusCode, headers);
    res.end(isHead ? undefined : body);
    return undefined;
  }
  res.writeHead(response.statusCode, headers);
  if (isHead || !isReadable(body)) {
    res.end();
    return undefined;
  }
  // The client went away or the source failed after the headers were sent: all we can do is cut
  // the connection so the client sees a truncated response, never a silent success.
  return pipeline(body, res).catch(() => {
    res.destroy();
  });
}
