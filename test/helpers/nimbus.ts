/**
 * Test harness: a real Nimbus on a free port for each test file, plus the settings real clients
 * need to talk to it. Tests use the official SDK v3 clients first; the `aws` CLI and boto3 are
 * cross-checks, skipped with a message where they are not installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startNimbus, type StartNimbusOptions, type StartedNimbus } from '../../src/index.js';

export interface TestNimbus {
  /** Valid inside tests (after beforeAll). */
  readonly current: StartedNimbus;
  /** Config for any `@aws-sdk/client-*` constructor: endpoint, region, test credentials, no retries. */
  clientConfig(overrides?: Record<string, unknown>): {
    endpoint: string;
    region: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    maxAttempts: number;
  };
}

/** Starts one Nimbus for the calling test file; with `resetEach`, wipes state before every test. */
export function useNimbus(options: StartNimbusOptions & { resetEach?: boolean } = {}): TestNimbus {
  let nimbus: StartedNimbus | undefined;
  beforeAll(async () => {
    nimbus = await startNimbus(options);
  });
  afterAll(async () => {
    await nimbus?.stop();
  });
  if (options.resetEach) {
    beforeEach(async () => {
      await nimbus!.reset();
    });
  }
  return {
    get current() {
      if (!nimbus) throw new Error('Nimbus is not started yet (use it inside a test)');
      return nimbus;
    },
    clientConfig(overrides = {}) {
      const n = this.current;
      return { endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1, ...overrides };
    },
  };
}

function probe(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0;
}

export const hasAwsCli = probe('aws', ['--version']);
export const hasBoto3 = probe('python3', ['-c', 'import boto3']);
if (!hasAwsCli) console.warn('the aws CLI is not installed: AWS CLI cross-checks are skipped');
if (!hasBoto3) console.warn('python3 with boto3 is not installed: boto3 cross-checks are skipped');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON, when it is JSON. */
  json?: unknown;
}

function awsEnv(n: StartedNimbus, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ENDPOINT_URL: n.endpoint,
    AWS_ACCESS_KEY_ID: n.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: n.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: n.region,
    AWS_REGION: n.region,
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_MAX_ATTEMPTS: '1',
    ...extra,
  };
}

/**
 * Runs a command without blocking the event loop (the Nimbus under test answers from this same
 * process, so a synchronous spawn would deadlock it).
 */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: code ?? -1, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

function withJson(r: CliResult, text: string): CliResult {
  try {
    return { ...r, json: text.trim() ? JSON.parse(text) : undefined };
  } catch {
    return r;
  }
}

/** Runs `aws <args> --output json` against the Nimbus with only AWS_ENDPOINT_URL and the test credentials set. */
export async function awsCli(n: StartedNimbus, args: string[], extraEnv: Record<string, string> = {}): Promise<CliResult> {
  const r = await run('aws', [...args, '--output', 'json'], awsEnv(n, extraEnv));
  return withJson(r, r.stdout);
}

/**
 * Runs a Python snippet with `boto3` imported and a `client(name)` configured for the Nimbus; the
 * snippet prints JSON with `out(value)`, and the last line printed is returned parsed.
 */
export async function boto3(n: StartedNimbus, snippet: string): Promise<CliResult> {
  const program = `import json, boto3, botocore
session = boto3.session.Session(region_name=${JSON.stringify(n.region)})
def client(name):
    return session.client(name, endpoint_url=${JSON.stringify(n.endpoint)}, config=botocore.config.Config(retries={'max_attempts': 1}))
def out(v):
    print(json.dumps(v, default=str))
${snippet}
`;
  const r = await run('python3', ['-c', program], awsEnv(n));
  return withJson(r, r.stdout.trim().split('\n').at(-1) ?? '');
}
