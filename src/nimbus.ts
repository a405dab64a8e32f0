/** Assembles a running Nimbus: storage, services, gateway and the HTTP listener. */
import type { NimbusConfig } from './config/config.js';
import type { Gateway } from './gateway/gateway.js';
import { assembleIdentity } from './gateway/identity.js';
import { ServiceRegistry } from './gateway/services.js';
import { listen, type RunningServer } from './server/http-server.js';
import { SERVICES } from './services/index.js';
import { systemClock, type Clock } from './shared/clock.js';
import { createLogger, type Logger } from './shared/logger.js';
import { openStorage } from './storage/index.js';

export interface NimbusInstance {
  readonly config: NimbusConfig;
  readonly gateway: Gateway;
  /** `http://host:port`. */
  readonly endpoint: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface NimbusOptions {
  clock?: Clock;
  log?: Logger;
}

export async function createNimbus(config: NimbusConfig, options: NimbusOptions = {}): Promise<NimbusInstance> {
  const log = options.log ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const storage = openStorage({ dataDir: config.dataDir, ephemeral: config.ephemeral });
  let server: RunningServer;
  try {
    const env = { db: storage.db, blobs: storage.blobs, clock, log };
    const registry = new ServiceRegistry(SERVICES, env);
    const referenced = new Set<string>();
    for (const s of registry.all) for (const id of s.definition?.referencedBlobs?.(s.store) ?? []) referenced.add(id);
    const swept = await storage.blobs.sweep(referenced);
    if (swept) log.info(`removed ${swept} blob files no record refers to (left by an interrupted write)`);
    const identity = assembleIdentity(registry);
    const gateway: Gateway = { config, registry, identity, storage, log, clock, startedAt: Date.now(), metrics: new Map(), inFlight: 0 };
    server = await listen(gateway, config.host, config.port);
    // Background work (S3's lifecycle sweep) starts once requests can be served.
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const listenAddress = `${host === '0.0.0.0' ? '127.0.0.1' : host}:${server.port}`;
    const background = registry.all.flatMap((s) => s.definition?.start?.(s.store, { ...env, config, listenAddress }) ?? []);
    return {
      config,
      gateway,
      endpoint: `http://${listenAddress}`,
      port: server.port,
      async close() {
        for (const work of background) await work.stop();
        await server.close();
        for (const s of registry.all) await s.definition?.stop?.(s.store);
        await storage.close();
        log.flush();
      },
    };
  } catch (e) {
    await storage.close();
    throw e;
  }
}
