/**
 * Nimbus as a library: start a real local AWS inside a test suite.
 *
 *   const nimbus = await startNimbus();
 *   const ssm = new SSMClient({ endpoint: nimbus.endpoint, region: nimbus.region, credentials: nimbus.credentials });
 *   …
 *   await nimbus.stop();
 */
import { resolveConfig, type IamMode } from './config/config.js';
import type { Clock } from './shared/clock.js';
import type { LogLevel } from './shared/logger.js';
import { createNimbus } from './nimbus.js';

export interface StartNimbusOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
  region?: string;
  /** Keep everything in memory (default true). With false, state lives under `dataDir`. */
  ephemeral?: boolean;
  dataDir?: string;
  /** Default `warn`: a test suite does not want an access log. */
  logLevel?: LogLevel;
  /** Accept only IAM/STS-issued keys and the root key pair, all with verified signatures. */
  strictAuth?: boolean;
  /** IAM policy enforcement for IAM users and roles: `enforce` (default), `audit` or `off`. */
  iam?: IamMode;
  /** The time Nimbus works with (default: the system clock); tests use it to expire sessions. */
  clock?: Clock;
}

export interface StartedNimbus {
  /** `http://127.0.0.1:<port>`: pass it as `endpoint` to any AWS SDK client. */
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Wipes all state (what `POST /_nimbus/reset` does). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

export async function startNimbus(options: StartNimbusOptions = {}): Promise<StartedNimbus> {
  const config = resolveConfig({
    port: options.port ?? 0,
    host: options.host,
    region: options.region,
    ephemeral: options.ephemeral ?? true,
    dataDir: options.dataDir,
    logLevel: options.logLevel ?? 'warn',
    strictAuth: options.strictAuth,
    iam: options.iam,
  });
  const nimbus = await createNimbus(config, { clock: options.clock });
  return {
    endpoint: nimbus.endpoint,
    region: config.region,
    credentials: { accessKeyId: config.rootAccessKeyId, secretAccessKey: config.rootSecretAccessKey },
    async reset() {
      await nimbus.gateway.storage.db.wipe();
      await nimbus.gateway.storage.blobs.wipe();
    },
    stop: () => nimbus.close(),
  };
}

export type { IamMode, NimbusConfig } from './config/config.js';
export type { Clock } from './shared/clock.js';
