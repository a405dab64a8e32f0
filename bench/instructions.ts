/**
 * A noise-free companion to the benchmark: user-space instructions per request, counted by
 * valgrind's callgrind, for Nimbus and for the bare node:http server, over the same replayed
 * SDK-signed request. CPU time on a shared machine swings by tens of percent between runs;
 * instruction counts do not, so this is the instrument for judging one hot-path change.
 * It leaves out kernel time (the two servers make the same system calls per request).
 *
 *   npx tsx bench/instructions.ts [--requests 2000] [--op ssm.GetParameter|sts.GetCallerIdentity]
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ROOT, freePort } from './processes.js';
import { OPERATIONS, signedRequest, type WireRequest } from './requests.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { requests: { type: 'string', default: '2000' }, op: { type: 'string', default: 'ssm.GetParameter' } } });
const REQUESTS = Number(values.requests);
const op = OPERATIONS.find((o) => o.name === values.op);
if (!op) throw new Error(`unknown --op ${values.op}`);

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} never answered`);
}

function fire(port: number, req: WireRequest, amount: number): Promise<void> {
  return new Promise((resolve, reject) => {
    autocannon({ url: `http://127.0.0.1:${port}`, connections: 16, amount, method: req.method as 'POST', path: req.path, headers: req.headers, body: req.body }, (err, result) => {
      if (err) reject(err);
      else if (result.non2xx) reject(new Error(`${result.non2xx} non-2xx answers`));
      else resolve();
    });
  });
}

async function count(kind: 'nimbus' | 'bare', env: Record<string, string> = {}, dist = 'dist'): Promise<number> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-ir-'));
  const program = kind === 'nimbus' ? [join(ROOT, dist, 'nimbus.mjs'), 'start', '--ephemeral', '--port', String(port), '--log-level', 'warn'] : [join(ROOT, 'bench/bare-server.mjs'), String(port)];
  const child = spawn('valgrind', ['--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file', `--callgrind-out-file=${dir}/cg.%p`, process.execPath, ...program], { stdio: 'ignore', env: { PATH: process.env.PATH, ...env } });
  try {
    const endpoint = `http://127.0.0.1:${port}`;
    await waitReady(kind === 'nimbus' ? `${endpoint}/_nimbus/health` : endpoint);
    if (kind === 'nimbus') await op!.setup?.(endpoint);
    const req = await signedRequest(op!, endpoint);
    await fire(port, req, REQUESTS); // warm-up: JIT, caches
    execFileSync('callgrind_control', ['-i', 'on', String(child.pid)]);
    await fire(port, req, REQUESTS);
    execFileSync('callgrind_control', ['-d', String(child.pid)]);
    execFileSync('callgrind_control', ['-i', 'off', String(child.pid)]);
    const dump = readdirSync(dir).filter((f) => f.startsWith('cg.')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    const totals = [...dump.matchAll(/^(?:summary|totals): (\d+)/gm)].map((m) => Number(m[1]));
    return Math.max(...totals) / REQUESTS;
  } finally {
    child.kill('SIGKILL');
  }
}

// Positionals: extra Nimbus variants as `name:ENV=value,…@dist-dir` (see bench/ab.ts).
const bare = await count('bare');
const variants = positionals.length ? positionals : ['nimbus:'];
for (const spec of variants) {
  const [head, dist] = spec.split('@');
  const [name, envText = ''] = head!.split(':');
  const env = Object.fromEntries(envText.split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  const n = await count('nimbus', env, dist ?? 'dist');
  console.log(`${op!.name} ${name}: ${Math.round(n)} instructions/request, bare ${Math.round(bare)}, ratio ${(n / bare).toFixed(2)}× (user space, ${REQUESTS} requests after ${REQUESTS} warm-up)`);
}
