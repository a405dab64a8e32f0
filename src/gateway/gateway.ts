/** Everything the pipeline needs, built once at start-up. */
import type { NimbusConfig } from '../config/config.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Storage } from '../storage/index.js';
import type { GatewayIdentity } from './identity.js';
import type { ServiceRegistry } from './services.js';

export interface ServiceMetrics {
  requests: number;
  errors: number;
  notImplemented: number;
}

export interface Gateway {
  readonly config: NimbusConfig;
  readonly registry: ServiceRegistry;
  /** IAM's directory and every source of issued credentials (IAM keys, STS sessions). */
  readonly identity: GatewayIdentity;
  readonly storage: Storage;
  readonly log: Logger;
  readonly clock: Clock;
  readonly startedAt: number;
  readonly metrics: Map<string, ServiceMetrics>;
  /** Requests being handled now (graceful shutdown waits for them). */
  inFlight: number;
}

export function countRequest(gw: Gateway, service: string, status: number, notImplemented: boolean): void {
  let m = gw.metrics.get(service);
  if (!m) gw.metrics.set(service, (m = { requests: 0, errors: 0, notImplemented: 0 }));
  m.requests++;
  if (status >= 400) m.errors++;
  if (notImplemented) m.notImplemented++;
}
