/** Dev aid: GC activity per request under load (node --trace-gc on the Nimbus child). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT, freePort } from './processes.js';
import { OPERATIONS, signedRequest } from './requests.js';

const port = await freePort();
const flags = process.argv.slice(2);
const child = spawn(process.execPath, [...flags, '--trace-gc', join(ROOT, 'dist/nimbus.mjs'), 'start', '--ephemeral', '--port', String(port), '--log-level', 'warn']);
let log = '';
child.stdout.on('data', (d: Buffer) => (log += d));
for (let i = 0; i < 100 && !log.includes('AWS_ENDPOINT_URL'); i++) await new Promise((r) => setTimeout(r, 50));
const endpoint = `http://127.0.0.1:${port}`;
const op = OPERATIONS[0]!;
await op.setup?.(endpoint);
const req = await signedRequest(op, endpoint);
const run = (amount: number) => new Promise<void>((res) => autocannon({ url: endpoint, connections: 16, amount, method: 'POST', path: req.path, headers: req.headers, body: req.body }, () => res()));
await run(5000);
const before = log.length;
await run(20000);
const window = log.slice(before);
const scavenges = (window.match(/Scavenge/g) ?? []).length;
const marks = (window.match(/Mark-Compact|Mark-sweep/gi) ?? []).length;
const sample = window.split('\n').filter((l) => l.includes('Scavenge')).slice(0, 3).join('\n');
console.log(`per 1000 requests: ${(scavenges / 20).toFixed(1)} scavenges, ${(marks / 20).toFixed(2)} mark-compacts\n${sample}`);
child.kill('SIGKILL');
