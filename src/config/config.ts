/**
 * Nimbus's configuration: one typed object built from command-line flags and environment
 * variables (flags win). Nothing else in Nimbus reads process.env.
 */
import { isLogLevel, type LogLevel } from '../shared/logger.js';

export interface NimbusConfig {
  port: number;
  host: string;
  /** Where durable state lives (ignored when ephemeral). */
  dataDir: string;
  ephemeral: boolean;
  /** Region used when a request does not name one. */
  region: string;
  logLevel: LogLevel;
  /** The account the conventional `test` key (and any non-numeric key) belongs to. */
  defaultAccountId: string;
}

export const DEFAULTS: NimbusConfig = {
  port: 4566,
  host: '127.0.0.1',
  dataDir: './.nimbus',
  ephemeral: false,
  region: 'us-east-1',
  logLevel: 'info',
  defaultAccountId: '000000000000',
};

export class ConfigError extends Error {}

type Raw = Partial<Record<keyof NimbusConfig, string | boolean | number | undefined>>;

const ENV: Record<keyof NimbusConfig, string> = {
  port: 'NIMBUS_PORT',
  host: 'NIMBUS_HOST',
  dataDir: 'NIMBUS_DATA_DIR',
  ephemeral: 'NIMBUS_EPHEMERAL',
  region: 'NIMBUS_REGION',
  logLevel: 'NIMBUS_LOG_LEVEL',
  defaultAccountId: 'NIMBUS_ACCOUNT_ID',
};

export function envVarFor(key: keyof NimbusConfig): string {
  return ENV[key];
}

function bool(v: string | boolean | number | undefined, name: string): boolean | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  const s = String(v).toLowerCase();
  if (['1', 'true', 'yes', 'on', ''].includes(s)) return true;
  if (['0', 'false', 'no', 'off'].includes(s)) return false;
  throw new ConfigError(`${name} must be true or false, got ${JSON.stringify(v)}`);
}

/** Merges defaults, environment and flags, and checks every value. */
export function resolveConfig(flags: Raw = {}, env: NodeJS.ProcessEnv = {}): NimbusConfig {
  const pick = (k: keyof NimbusConfig) => flags[k] ?? env[ENV[k]];
  const port = Number(pick('port') ?? DEFAULTS.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`port must be 0-65535, got ${JSON.stringify(pick('port'))}`);
  const logLevel = String(pick('logLevel') ?? DEFAULTS.logLevel);
  if (!isLogLevel(logLevel)) throw new ConfigError(`log level must be one of debug, info, warn, error, silent; got ${logLevel}`);
  const region = String(pick('region') ?? DEFAULTS.region);
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new ConfigError(`region must look like us-east-1, got ${region}`);
  const account = String(pick('defaultAccountId') ?? DEFAULTS.defaultAccountId);
  if (!/^\d{12}$/.test(account)) throw new ConfigError(`account id must be 12 digits, got ${account}`);
  return {
    port,
    host: String(pick('host') ?? DEFAULTS.host),
    dataDir: String(pick('dataDir') ?? DEFAULTS.dataDir),
    ephemeral: bool(pick('ephemeral'), '--ephemeral') ?? DEFAULTS.ephemeral,
    region,
    logLevel,
    defaultAccountId: account,
  };
}
