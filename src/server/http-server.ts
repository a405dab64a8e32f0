/**
 * The node:http listener: HTTP/1.1 keep-alive, chunked bodies and `Expect: 100-continue` (answered
 * by node:http itself), AWS-shaped errors for requests too malformed to reach the pipeline, and a
 * graceful close that lets in-flight requests finish.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Gateway } from '../gateway/gateway.js';
import { handleRequest } from '../gateway/pipeline.js';
import { answersWritten } from '../gateway/respond.js';
import { requestId } from '../shared/ids.js';

export interface RunningServer {
  readonly host: string;
  readonly port: number;
  close(timeoutMs?: number): Promise<void>;
}

/** Node's default header limit (16 KiB) is smaller than what S3 accepts; AWS allows 8 KiB per header and 64 KiB total. */
const MAX_HEADER_BYTES = 64 * 1024;

function rawError(status: number, reason: string, code: string, message: string): string {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${requestId()}</RequestId></Error>`;
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/xml\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

export function listen(gw: Gateway, host: string, port: number): Promise<RunningServer> {
  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 0, keepAlive: true }, (req, res) => {
    handleRequest(gw, req, res).catch((e) => {
      gw.log.error('unhandled error while answering a request', e);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 70_000;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    if (err.code === 'HPE_HEADER_OVERFLOW') {
      socket.end(rawError(431, 'Request Header Fields Too Large', 'RequestHeaderSectionTooLarge', 'Your request header section exceeds the maximum allowed size.'));
    } else if (err.code === 'ECONNRESET') {
      socket.destroy();
    } else if (err.code === 'HPE_INVALID_EOF_STATE') {
      // The client ended its side before sending the Content-Length it declared.
      socket.end(rawError(400, 'Bad Request', 'IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header'));
    } else {
      socket.end(rawError(400, 'Bad Request', 'BadRequest', 'The HTTP request could not be parsed.'));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const addr = server.address() as AddressInfo;
      resolve({
        host,
        port: addr.port,
        close: (timeoutMs = 10_000) => closeGracefully(server, gw, timeoutMs),
      });
    });
  });
}

async function closeGracefully(server: Server, gw: Gateway, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((r) => server.close(() => r()));
  server.closeIdleConnections();
  const deadline = Date.now() + timeoutMs;
  while (gw.inFlight > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    server.closeIdleConnections();
  }
  await answersWritten();
  server.closeAllConnections();
  await closed;
}
