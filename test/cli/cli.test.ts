/**
 * The `nimbus` command as users run it (the built dist/nimbus.mjs that `npm start` runs):
 * start prints what a user needs, status/reset talk to a running instance, SIGTERM lets
 * in-flight requests finish.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../dist/nimbus.mjs', import.meta.url));
if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build (npm test does)`);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [MAIN, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    c.stdout.on('data', (d: Buffer) => (stdout += d));
    c.stderr.on('data', (d: Buffer) => (stderr += d));
    c.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `nimbus start …` and resolves with the endpoint once the banner is printed. */
function start(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; endpoint: string; banner: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, 'start', ...args], { env: { PATH: process.env.PATH, ...env } });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /export AWS_ENDPOINT_URL=(\S+)/.exec(out);
      if (m) resolve({ child, endpoint: m[1]!, banner: out });
    });
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => reject(new Error(`nimbus exited ${code}: ${out}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code))));
}

describe('nimbus start', () => {
  it('prints the endpoint, the credentials and how to point the AWS CLI and SDKs at it', async () => {
    const { banner, endpoint } = await start(['--port', '0', '--ephemeral', '--region', 'eu-central-1']);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(banner).toContain(`endpoint     ${endpoint}`);
    expect(banner).toContain('access key "test" (root of account 000000000000)');
    expect(banner).toContain('IAM          policies enforced for IAM users and roles');
    expect(banner).toContain('region       eu-central-1');
    expect(banner).toContain(`export AWS_ENDPOINT_URL=${endpoint} AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=eu-central-1 AWS_DEFAULT_REGION=eu-central-1`);
    const health = (await (await fetch(`${endpoint}/_nimbus/health`)).json()) as { region: string; storage: { ephemeral: boolean } };
    expect(health).toMatchObject({ region: 'eu-central-1', storage: { ephemeral: true } });
  });

  it('takes its settings from NIMBUS_* environment variables', async () => {
    const { banner } = await start([], { NIMBUS_PORT: '0', NIMBUS_EPHEMERAL: 'true', NIMBUS_REGION: 'ap-south-1', NIMBUS_LOG_LEVEL: 'warn' });
    expect(banner).toContain('region       ap-south-1');
    expect(banner).toContain('in memory');
  });

  it('takes --strict-auth and --iam', async () => {
    const { banner } = await start(['--port', '0', '--ephemeral', '--strict-auth', '--iam', 'audit']);
    expect(banner).toContain('signatures verified (--strict-auth)');
    expect(banner).toContain('IAM          audit: decisions logged, nothing denied');
    const bad = await run(['start', '--iam', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--iam must be enforce, audit or off; got sometimes');
  });

  it('rejects bad options with exit code 2 and a message', async () => {
    const bad = await run(['start', '--port', 'eleven']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('port must be 0-65535');
    const unknown = await run(['start', '--colour', 'blue']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
    const region = await run(['start', '--region', 'moon']);
    expect(region.code).toBe(2);
  });

  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    const { child, endpoint } = await start(['--port', '0', '--ephemeral']);
    const url = new URL(endpoint);
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const socket = connect(Number(url.port), url.hostname);
    let response = '';
    socket.on('data', (d) => (response += d));
    const done = new Promise<void>((r) => socket.on('end', () => r()));
    await new Promise<void>((r) => socket.on('connect', () => r()));
    socket.write(`POST / HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Authorization: AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=00\r\n` +
      `Content-Length: ${body.length}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((r) => setTimeout(r, 200));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    socket.write(body.slice(10));
    await done;
    expect(response).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(response).toContain('<Arn>arn:aws:iam::000000000000:root</Arn>');
    expect(await exited(child)).toBe(0);
  });

  it('exits on SIGTERM after S3 has hashed a large upload (its MD5 worker ends too)', async () => {
    const { child, endpoint } = await start(['--port', '0', '--ephemeral']);
    const s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    await s3.send(new CreateBucketCommand({ Bucket: 'cli-large' }));
    const put = await s3.send(new PutObjectCommand({ Bucket: 'cli-large', Key: 'k', Body: Buffer.alloc(3 * 1024 * 1024, 7) }));
    expect(put.ETag).toBe('"1dc9719247f1c59ffa4bd1bc78da7dd7"');
    s3.destroy();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
  });
});

describe('nimbus status and reset', () => {
  it('report on and reset a running instance', async () => {
    const { endpoint } = await start(['--port', '0', '--ephemeral']);
    const status = await run(['status', '--endpoint', endpoint]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/sts\s+\d+ of \d+ operations/);
    const reset = await run(['reset'], { NIMBUS_ENDPOINT: endpoint });
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('all state wiped');
  });

  it('fail with exit 1 when nothing answers', async () => {
    const status = await run(['status', '--endpoint', 'http://127.0.0.1:9']);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('no Nimbus answering at http://127.0.0.1:9');
  });
});

describe('nimbus help and version', () => {
  it('prints usage and the version', async () => {
    const help = await run(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('nimbus start  [--port 4566]');
    const version = await run(['version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const wrong = await run(['launch']);
    expect(wrong.code).toBe(2);
  });
});
