/**
 * Nimbus's own endpoints under /_nimbus/ (never AWS's): health with per-service coverage, and a
 * reset that wipes all state at once, as test suites need between tests.
 */
import type { ServerResponse } from 'node:http';
import type { Received } from '../gateway/context.js';
import type { Gateway } from '../gateway/gateway.js';
import { NIMBUS_VERSION } from '../shared/version.js';

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function healthReport(gw: Gateway): Record<string, unknown> {
  const services = gw.registry.all.map((s) => {
    const implemented = s.implemented();
    const m = gw.metrics.get(s.entry.id);
    return {
      name: s.entry.id,
      serviceId: s.entry.serviceId,
      protocols: s.entry.protocols,
      operations: s.entry.operationCount,
      implemented: implemented.length,
      implementedOperations: implemented,
      requests: m?.requests ?? 0,
      notImplementedRequests: m?.notImplemented ?? 0,
    };
  });
  return {
    status: 'ok',
    version: NIMBUS_VERSION,
    uptimeSeconds: Math.round((Date.now() - gw.startedAt) / 100) / 10,
    region: gw.config.region,
    storage: gw.storage.dataDir ? { ephemeral: false, dataDir: gw.storage.dataDir } : { ephemeral: true },
    services,
  };
}

export async function handleAdmin(gw: Gateway, rx: Received, res: ServerResponse): Promise<void> {
  const { method, path } = rx.http;
  for await (const _ of rx.raw) {
    // drain any body
  }
  if (path === '/_nimbus/health' && (method === 'GET' || method === 'HEAD')) {
    json(res, 200, healthReport(gw));
  } else if (path === '/_nimbus/reset' && method === 'POST') {
    await gw.storage.db.wipe();
    await gw.storage.blobs.wipe();
    gw.log.info('state reset');
    json(res, 200, { reset: true });
  } else {
    json(res, 404, { error: 'NotFound', message: `No Nimbus endpoint ${method} ${path}. Try GET /_nimbus/health or POST /_nimbus/reset.` });
  }
}
