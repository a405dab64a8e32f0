/**
 * A/B comparison of server builds or settings, for judging one hot-path change on a noisy machine:
 * every variant runs at once and is loaded in turn, round after round, with the same replayed
 * SDK-signed GetParameter at 16 connections; each variant's CPU µs/request is the median over the
 * rounds (and the bare node:http server is always one of them, as the yardstick).
 *
 *   npx tsx bench/ab.ts [--rounds 8] [--requests 4000] 'name:ENV=value,NODE_FLAGS=--flag@dist-dir' …
 * With no variant arguments it compares the current build (dist) with the bare server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ROOT, cpuSeconds, freePort } from './processes.js';
import { OPERATIONS, signedRequest, type WireRequest } from './requests.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string', default: '8' }, requests: { type: 'string', default: '4000' } } });
const ROUNDS = Number(values.rounds);
const REQUESTS = Number(values.requests);

interface Variant { name: string; env: Record<string, string>; dist?: string; child?: ChildProcess; endpoint?: string; req?: WireRequest; samples: number[]; sys: number[]; faults: number[] }

const variants: Variant[] = [{ name: 'bare', env: {}, dist: 'bare', samples: [], sys: [], faults: [] }];
for (const spec of positionals.length ? positionals : ['nimbus:']) {
  const [head, dist] = spec.split('@');
  const [name, envText = ''] = head!.split(':');
  const env = Object.fromEntries(envText.split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
  variants.push({ name: name!, env, dist: dist ?? 'dist', samples: [], sys: [], faults: [] });
}

for (const v of variants) {
  const port = await freePort();
  const args = v.dist === 'bare' ? [join(ROOT, 'bench/bare-server.mjs'), String(port)] : [join(ROOT, v.dist!, 'nimbus.mjs'), 'start', '--ephemeral', '--port', String(port), '--log-level', 'warn'];
  // NODE_FLAGS in a variant's settings are node command-line flags (some are not allowed in NODE_OPTIONS).
  const { NODE_FLAGS: flags = '', ...env } = v.env;
  v.child = spawn(process.execPath, [...flags.split(' ').filter(Boolean), ...args], { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
  v.endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(v.dist === 'bare' ? v.endpoint : `${v.endpoint}/_nimbus/health`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  if (v.dist !== 'bare') await OPERATIONS[0]!.setup?.(v.endpoint);
}

const load = (v: Variant, amount: number) =>
  new Promise<void>((resolve, reject) =>
    autocannon({ url: v.endpoint!, connections: 16, amount, method: 'POST', path: v.req!.path, headers: v.req!.headers, body: v.req!.body }, (err, r) =>
      err ? reject(err) : r.non2xx ? reject(new Error(`${v.name}: ${r.non2xx} non-2xx`)) : resolve()));

for (const v of variants) {
  v.req = await signedRequest(OPERATIONS[0]!, v.endpoint!);
  await load(v, REQUESTS); // warm-up
}
for (let r = 0; r < ROUNDS; r++) {
  for (const v of variants) {
    const c0 = cpuSeconds(v.child!.pid!);
    const f0 = minorFaults(v.child!.pid!);
    await load(v, REQUESTS);
    const c1 = cpuSeconds(v.child!.pid!);
    v.samples.push(((c1.user + c1.sys - c0.user - c0.sys) * 1e6) / REQUESTS);
    v.sys.push(((c1.sys - c0.sys) * 1e6) / REQUESTS);
    v.faults.push((minorFaults(v.child!.pid!) - f0) / REQUESTS);
  }
}
/** Minor page faults of the whole process so far (/proc/<pid>/stat field 10). */
function minorFaults(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const bare = median(variants[0]!.samples);
for (const v of variants) {
  const m = median(v.samples);
  console.log(`${v.name.padEnd(16)} ${m.toFixed(1).padStart(7)} µs/req (sys ${median(v.sys).toFixed(1)}, ${median(v.faults).toFixed(2)} minor faults/req)  ${(m / bare).toFixed(2)}× bare   rounds ${v.samples.map((x) => x.toFixed(0)).join(' ')}`);
  v.child!.kill('SIGKILL');
}
