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
  /**
   * Accept only credentials Nimbus knows: IAM access keys, STS sessions and the root key pair
   * below, all with verified signatures. Off by default: any other key then acts as an account
   * root and its signature is not checked (what existing tools expect).
   */
  strictAuth: boolean;
  /** `enforce`: IAM principals' requests are allowed or denied by policy; `audit`: decided and logged, never denied; `off`: not evaluated. */
  iam: IamMode;
  /** The default account's root key pair (always accepted; its signature is checked under strictAuth). */
  rootAccessKeyId: string;
  rootSecretAccessKey: string;
  /** Seconds between S3 lifecycle sweeps (expirations, transitions, aborted uploads); 0 turns the sweep off. */
  s3LifecycleInterval: number;
  /** Seconds between DynamoDB sweeps (TTL expiry, 24-hour stream trim); 0 turns them off. */
  dynamodbSweepInterval: number;
}

export type IamMode = 'enforce' | 'audit' | 'off';

export const DEFAULTS: NimbusConfig = {
  port: 4566,
  host: '127.0.0.1',
  dataDir: './.nimbus',
  ephemeral: false,
  region: 'us-east-1',
  logLevel: 'info',
  defaultAccountId: '000000000000',
  strictAuth: false,
  iam: 'enforce',
  rootAccessKeyId: 'test',
  rootSecretAccessKey: 'test',
  s3LifecycleInterval: 60,
  dynamodbSweepInterval: 30,
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
  strictAuth: 'NIMBUS_STRICT_AUTH',
  iam: 'NIMBUS_IAM',
  rootAccessKeyId: 'NIMBUS_ROOT_ACCESS_KEY_ID',
  rootSecretAccessKey: 'NIMBUS_ROOT_SECRET_ACCESS_KEY',
  s3LifecycleInterval: 'NIMBUS_S3_LIFECYCLE_INTERVAL',
  dynamodbSweepInterval: 'NIMBUS_DYNAMODB_SWEEP_INTERVAL',
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
  const iam = String(pick('iam') ?? DEFAULTS.iam);
  if (iam !== 'enforce' && iam !== 'audit' && iam !== 'off') throw new ConfigError(`--iam must be enforce, audit or off; got ${iam}`);
  const rootAccessKeyId = String(pick('rootAccessKeyId') ?? DEFAULTS.rootAccessKeyId);
  if (!/^[\w]{1,128}$/.test(rootAccessKeyId)) throw new ConfigError(`root access key id must be 1-128 letters, digits or _, got ${rootAccessKeyId}`);
  const rootSecretAccessKey = String(pick('rootSecretAccessKey') ?? DEFAULTS.rootSecretAccessKey);
  if (!rootSecretAccessKey) throw new ConfigError('root secret access key must not be empty');
  const s3LifecycleInterval = seconds(pick('s3LifecycleInterval'), DEFAULTS.s3LifecycleInterval, 'S3 lifecycle interval');
  const dynamodbSweepInterval = seconds(pick('dynamodbSweepInterval'), DEFAULTS.dynamodbSweepInterval, 'DynamoDB sweep interval');
  return {
    port,
    host: String(pick('host') ?? DEFAULTS.host),
    dataDir: String(pick('dataDir') ?? DEFAULTS.dataDir),
    ephemeral: bool(pick('ephemeral'), '--ephemeral') ?? DEFAULTS.ephemeral,
    region,
    logLevel,
    defaultAccountId: account,
    strictAuth: bool(pick('strictAuth'), '--strict-auth') ?? DEFAULTS.strictAuth,
    iam,
    rootAccessKeyId,
    rootSecretAccessKey,
    s3LifecycleInterval,
    dynamodbSweepInterval,
  };
}

/** An interval in seconds for a background sweep; 0 turns the sweep off. */
function seconds(raw: string | boolean | number | undefined, fallback: number, what: string): number {
  const n = Number(raw ?? fallback);
  if (!Number.isFinite(n) || n < 0) throw new ConfigError(`${what} must be a number of seconds (0 turns the sweep off), got ${JSON.stringify(raw)}`);
  return n;
}
