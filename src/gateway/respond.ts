/** Writes a protocol response to the socket: status, headers (with request ids), body or stream. */
import type { ServerResponse } from 'node:http';
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
 * Answers that are complete (not streamed) wait for the end of the event loop's current turn and
 * then go out together. Each socket write wakes the client's process; when the answers to every
 * request that arrived together are written back to back, the clients (on this machine: Nimbus
 * listens on localhost) wake once for all of them instead of once each — at 16 connections a
 * GetItem cost 30% less CPU this way (README, Performance). An answer waits no longer than it takes
 * to handle the other requests of the same turn.
 */
let batch: { res: ServerResponse; status: number; headers: HttpResponse['headers']; body: string | Buffer | undefined }[] = [];

function answerSoon(res: ServerResponse, status: number, headers: HttpResponse['headers'], body: string | Buffer | undefined): void {
  if (batch.length === 0) setImmediate(writeBatch);
  batch.push({ res, status, headers, body });
}

function writeBatch(): void {
  const answers = batch;
  batch = [];
  for (const a of answers) {
    try {
      a.res.writeHead(a.status, a.headers);
      a.res.end(a.body);
    } catch {
      // Headers node:http refuses (a service bug): the client gets a 500, never a hang.
      if (!a.res.headersSent) a.res.writeHead(500).end();
      else a.res.destroy();
    }
  }
}

/** Resolves once the answers waiting to go out have been written (a graceful close waits for them). */
export function answersWritten(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A large text answer (a Query page of 100 KB) as bytes. Given text, node:http joins it to the
 * response head, flattens the two, measures the UTF-8 length and encodes it: three passes over
 * the body. As bytes it is one: measured once here, then copied — byte for byte (latin1) when
 * every character is ASCII, which the measured length tells.
 */
const LARGE_TEXT = 16 * 1024;

function largeTextBytes(text: string): Buffer {
  return Buffer.from(text, Buffer.byteLength(text, 'utf8') === text.length ? 'latin1' : 'utf8');
}

/** Writes the response; returns a promise only while a streamed body is still flowing. */
export function writeResponse(res: ServerResponse, response: HttpResponse, isHead: boolean, closeConnection: boolean): Promise<void> | undefined {
  const headers = response.headers;
  if (closeConnection) headers.connection = 'close';
  let body = response.body;
  if (typeof body === 'string' && body.length >= LARGE_TEXT) body = largeTextBytes(body);
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
    if (headers['content-length'] === undefined) {
      headers['content-length'] = String(body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length);
    }
    answerSoon(res, response.statusCode, headers, isHead ? undefined : body);
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
