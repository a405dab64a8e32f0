/**
 * A/B and profiling for S3's small-object hot path, with durable storage as the S3 phase runs it:
 * every variant (and the bare node:http server) runs at once and is loaded in turn, round after
 * round, with replayed SDK-signed 1 KiB PutObject and GetObject; prints the median CPU µs/request.
 *
 *   npx tsx bench/s3-ab.ts [--rounds 6] [--requests 3000] [--connections 16] [--op put|get|both] ['name@dist-dir' …]
 *   npx tsx bench/s3-ab.ts --profile get     # one Nimbus (dist) under --cpu-prof, then its summary
 *
 * With no variants it compares dist with the bare server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ROOT, cpuSeconds, freePort } from './processes.js';
import { summarizeProfile } from './profile.js';
import { signedRequest, type WireRequest } from './requests.js';
import { getSmall, putSmall, setupSmall } from './s3.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '6' },
    requests: { type: 'string', default: '3000' },
    connections: { type: 'string', default: '16' },
    op: { type: 'string', default: 'both' },
    profile: { type: 'string' },
  },
});
const ROUNDS = Number(values.rounds);
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);
const ops = values.profile ? [values.profile] : values.op === 'both' ? ['put', 'get'] : [values.op!];
const dataRoot = mkdtempSync(join(tmpdir(), 'nimbus-s3-ab-'));
const profileDir = join(ROOT, 'bench/results/profile-s3');

interface Variant { name: string; dist: string; child?: ChildProcess; endpoint?: string; reqs: Map<string, WireRequest>; samples: Map<string, number[]> }

const variants: Variant[] = [{ name: 'bare', dist: 'bare', reqs: new Map(), samples: new Map() }];
for (const spec of values.profile ? ['nimbus@dist'] : positionals.length ? positionals : ['nimbus@dist']) {
  const [name, dist] = spec.split('@');
  variants.push({ name: name!, dist: dist ?? 'dist', reqs: new Map(), samples: new Map() });
}
if (values.profile) {
  mkdirSync(profileDir, { recursive: true });
  for (const f of readdirSync(profileDir)) rmSync(join(profileDir, f));
}

for (const v of variants) {
  const port = await freePort();
  const flags = values.profile && v.dist !== 'bare' ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '50'] : [];
  const args = v.dist === 'bare'
    ? [join(ROOT, 'bench/bare-server.mjs'), String(port)]
    : [join(ROOT, v.dist, 'nimbus.mjs'), 'start', '--data-dir', join(dataRoot, v.name), '--port', String(port), '--log-level', 'warn'];
  v.child = spawn(process.execPath, [...flags, ...args], { env: { PATH: process.env.PATH }, stdio: 'ignore' });
  v.endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(v.dist === 'bare' ? v.endpoint : `${v.endpoint}/_nimbus/health`);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  if (v.dist !== 'bare') await setupSmall(v.endpoint);
}

const load = (v: Variant, op: string, amount: number) =>
  new Promise<void>((resolve, reject) => {
    const req = v.reqs.get(op)!;
    autocannon({ url: v.endpoint! + req.path, connections: CONNECTIONS, amount, method: req.method, headers: req.headers, body: req.body }, (err, r) =>
      err ? reject(err) : r.non2xx ? reject(new Error(`${v.name} ${op}: ${r.non2xx} non-2xx`)) : resolve());
  });

for (const v of variants) {
  for (const op of ops) {
    v.reqs.set(op, await signedRequest(op === 'put' ? putSmall : getSmall, variants[1]!.endpoint!));
    v.samples.set(op, []);
    await load(v, op, Math.min(REQUESTS, 1000)); // warm-up
  }
}
try {
  for (let r = 0; r < ROUNDS; r++) {
    for (const op of ops) {
      for (const v of variants) {
        const c0 = cpuSeconds(v.child!.pid!);
        await load(v, op, REQUESTS);
        const c1 = cpuSeconds(v.child!.pid!);
        v.samples.get(op)!.push(((c1.user + c1.sys - c0.user - c0.sys) * 1e6) / REQUESTS);
      }
    }
  }
} finally {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const op of ops) {
    const bare = median(variants[0]!.samples.get(op)!);
    console.log(`\n${op} 1 KiB, c${CONNECTIONS}, ${REQUESTS} requests × ${ROUNDS} rounds:`);
    for (const v of variants) {
      const m = median(v.samples.get(op)!);
      console.log(`  ${v.name.padEnd(14)} ${m.toFixed(1).padStart(7)} µs/req  ${(m / bare).toFixed(2)}× bare   rounds ${v.samples.get(op)!.map((x) => x.toFixed(0)).join(' ')}`);
    }
  }
  for (const v of variants) {
    const exited = new Promise((r) => v.child!.once('exit', r));
    v.child!.kill('SIGTERM');
    await exited;
  }
  rmSync(dataRoot, { recursive: true, force: true });
  if (values.profile) {
    const file = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
    console.log(file ? summarizeProfile(join(profileDir, file), 40) : 'no .cpuprofile was written');
  }
}
