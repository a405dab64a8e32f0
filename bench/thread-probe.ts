/** Dev aid: where a server's CPU goes by thread (main, V8 workers, libuv) under a fixed load. */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT, freePort } from './processes.js';
import { OPERATIONS, signedRequest } from './requests.js';

function threads(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out.set(`${tid} ${name}`, Number(f[11]) + Number(f[12]));
  }
  return out;
}

const kind = process.argv[2] ?? 'nimbus';
const extra = process.argv.slice(3);
const port = await freePort();
const dist = process.env.DIST ?? join(ROOT, 'dist');
const args = kind === 'nimbus' ? [join(dist, 'nimbus.mjs'), 'start', '--ephemeral', '--port', String(port), '--log-level', 'warn'] : [join(ROOT, 'bench/bare-server.mjs'), String(port)];
const child = spawn(process.execPath, [...extra, ...args], { stdio: 'ignore' });
const endpoint = `http://127.0.0.1:${port}`;
for (let i = 0; i < 200; i++) {
  try { await fetch(kind === 'nimbus' ? `${endpoint}/_nimbus/health` : endpoint); break; } catch { await new Promise((r) => setTimeout(r, 50)); }
}
const op = OPERATIONS[0]!;
if (kind === 'nimbus') await op.setup?.(endpoint);
const req = await signedRequest(op, endpoint);
const run = (amount: number) => new Promise<void>((res) => autocannon({ url: endpoint, connections: 16, amount, method: 'POST', path: req.path, headers: req.headers, body: req.body }, () => res()));
await run(10000);
const before = threads(child.pid!);
const N = 30000;
await run(N);
const after = threads(child.pid!);
let total = 0;
const rows: [string, number][] = [];
for (const [k, v] of after) {
  const d = v - (before.get(k) ?? 0);
  total += d;
  if (d > 0) rows.push([k, d]);
}
rows.sort((a, b) => b[1] - a[1]);
console.log(`${kind}: ${((total * 10_000) / N).toFixed(1)} µs/req in all threads (clock ticks of 10 ms)`);
for (const [k, d] of rows) console.log(`  ${k.padEnd(28)} ${((d * 10_000) / N).toFixed(1)} µs/req`);
child.kill('SIGKILL');
