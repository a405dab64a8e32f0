/**
 * Shared bits for the S3 durability tests: requests cut off at the socket, the built `nimbus`
 * CLI run as a child process (so it can be killed with SIGKILL, as the crash tests in
 * test/durability do), and polling for the server's asynchronous clean-up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { sigV4Header } from '../../../helpers/http.js';

/** What a raw request got back: the status line's code (0 when the server sent nothing) and the body. */
export interface CutResult {
  status: number;
  body: string;
}

/**
 * Sends `method path` with `headers` (over defaults: a SigV4 Authorization for the test key,
 * `X-Amz-Content-Sha256: UNSIGNED-PAYLOAD`, `X-Amz-Date`), writes
 * `body`, then — without ever sending the rest of what Content-Length promised — destroys the
 * socket (`close: 'reset'`) or half-closes it (`close: 'end'`, the client saying it has nothing
 * more to send). Resolves with whatever the server answered before the socket closed.
 */
export function cutRequest(endpoint: string, method: string, path: string, headers: Record<string, string | number>, body: Buffer, close: 'reset' | 'end'): Promise<CutResult> {
  const url = new URL(endpoint);
  const all: Record<string, string | number> = { Host: url.host, Authorization: sigV4Header('s3'), 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD', 'X-Amz-Date': amzDate() };
  for (const [k, v] of Object.entries(headers)) {
    for (const known of Object.keys(all)) if (known.toLowerCase() === k.toLowerCase()) delete all[known];
    all[k] = v;
  }
  const head = [`${method} ${path} HTTP/1.1`, ...Object.entries(all).map(([k, v]) => `${k}: ${v}`)];
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const m = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      resolve({ status: m ? Number(m[1]) : 0, body: answer.slice(answer.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    socket.write(body, () => {
      // Let the bytes reach the server (and its handler start streaming them) before the cut.
      setTimeout(() => (close === 'reset' ? socket.destroy() : socket.end()), 100);
      if (close === 'end') setTimeout(() => socket.destroy(), 3000);
    });
  });
}

function amzDate(): string {
  return new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Polls `check` until it returns true (the server cleans up after a disconnect asynchronously). */
export async function eventually(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

/** The bundle `npm start` runs; NIMBUS_CLI_BUNDLE points the crash tests at another build (to try a build fix). */
export const BUILT_CLI = process.env.NIMBUS_CLI_BUNDLE ?? fileURLToPath(new URL('../../../../dist/nimbus.mjs', import.meta.url));
export const hasBuiltCli = existsSync(BUILT_CLI);
if (!hasBuiltCli) console.warn(`${BUILT_CLI} is missing (run npm run build): the S3 kill -9 tests are skipped`);

export interface NimbusProcess {
  child: ChildProcess;
  endpoint: string;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** Starts `node dist/nimbus.mjs start --port 0 --data-dir <dir>` and waits for its endpoint. */
export function startNimbusProcess(dataDir: string): Promise<NimbusProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILT_CLI, 'start', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], {
      env: { PATH: process.env.PATH, NIMBUS_S3_LIFECYCLE_INTERVAL: '0' },
    });
    children.push(child);
    const exited = new Promise<void>((r) => child.on('exit', () => r()));
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /export AWS_ENDPOINT_URL=(\S+)/.exec(out);
      if (m) resolve({ child, endpoint: m[1]!, exited });
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code, signal) => reject(new Error(`nimbus exited (${code ?? signal}) before it was ready: ${out}`)));
  });
}

/** SIGKILL, and wait until the process is gone. */
export async function kill9(p: NimbusProcess): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}
