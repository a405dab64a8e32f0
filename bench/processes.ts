/**
 * The servers under test, each in its own child process so its CPU time is measured apart from
 * the load generator's: spawning, waiting for health, reading CPU time and RSS from /proc, stopping.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

export type ServerKind = 'nimbus' | 'bare';

export interface RunningServer {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly port: number;
  readonly endpoint: string;
  /** Milliseconds from spawn to the first 200 from GET /_nimbus/health. */
  readonly readyMs: number;
  /** What the child printed so far (Nimbus reports its own "ready in N ms"). */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of running) c.kill('SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function healthStatus(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/_nimbus/health', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

export interface SpawnOptions {
  /** Extra node flags for the child (e.g. --cpu-prof). */
  nodeFlags?: string[];
  /** Extra `nimbus start` arguments (e.g. --iam off). */
  args?: string[];
  /** Durable storage in this folder instead of `--ephemeral`. */
  dataDir?: string;
}

export async function startServer(kind: ServerKind, options: SpawnOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const script = kind === 'nimbus'
    ? ['dist/nimbus.mjs', 'start', ...(options.dataDir ? ['--data-dir', options.dataDir] : ['--ephemeral']), '--port', String(port), '--log-level', 'warn', ...(options.args ?? [])]
    : ['bench/bare-server.mjs', String(port)];
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  for (const k of Object.keys(env)) if (k.startsWith('NIMBUS_')) delete env[k];

  const t0 = performance.now();
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let gone = false;
  void exited.then(() => {
    gone = true;
    running.delete(child);
  });

  let readyMs = -1;
  while (readyMs < 0) {
    if (gone) throw new Error(`${kind} exited before it was ready:\n${out}`);
    if (performance.now() - t0 > 15_000) {
      child.kill('SIGKILL');
      throw new Error(`${kind} was not ready after 15 s:\n${out}`);
    }
    if ((await healthStatus(port)) === 200) readyMs = performance.now() - t0;
    else await new Promise((r) => setTimeout(r, 2));
  }

  return {
    kind,
    pid: child.pid!,
    port,
    endpoint: `http://127.0.0.1:${port}`,
    readyMs,
    output: () => out,
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** utime and stime of the whole process (all its threads), in seconds; 10 ms resolution. */
export function cpuSeconds(pid: number): { user: number; sys: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]) / CLK_TCK, sys: Number(fields[12]) / CLK_TCK };
}

/** Resident set size in MB, from VmRSS. */
export function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]) / 1024;
}
