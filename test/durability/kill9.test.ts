/**
 * Crash safety: `kill -9` Nimbus in the middle of a concurrent write load, restart it on the same
 * data dir, and every write it acknowledged must be there, exactly as acknowledged, with no
 * half-written state (each parameter's history is the acknowledged versions 1..n, in order).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GetParameterHistoryCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../dist/nimbus.mjs', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-kill9-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<{ child: ChildProcess; endpoint: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, 'start', '--port', '0', '--data-dir', dataDir, '--log-level', 'warn'], { env: { PATH: process.env.PATH } });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /export AWS_ENDPOINT_URL=(\S+)/.exec(out);
      if (m) resolve({ child, endpoint: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`nimbus exited ${code}: ${out}`)));
  });
}

const client = (endpoint: string) =>
  new SSMClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

describe('kill -9 during a write load', () => {
  it('loses no acknowledged write and leaves no half-written state', async () => {
    const first = await start();
    const ssm = client(first.endpoint);
    // Each writer owns 4 parameters and stops before any reaches 90 versions: SSM keeps only the
    // last 100 versions, and dropping old ones legitimately would hide what this test looks for.
    const WRITERS = 16;
    const PARAMS_PER_WRITER = 4;
    const MAX_WRITES = PARAMS_PER_WRITER * 90;
    // acknowledged[name] = values acknowledged, index = version - 1
    const acknowledged = new Map<string, Map<number, string>>();
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop && i < MAX_WRITES; i++) {
        const name = `/load/w${w}/p${i % PARAMS_PER_WRITER}`;
        const value = `w${w}-i${i}`;
        try {
          const out = await ssm.send(new PutParameterCommand({ Name: name, Value: value, Type: 'String', Overwrite: true }));
          const versions = acknowledged.get(name) ?? new Map<number, string>();
          versions.set(out.Version!, value);
          acknowledged.set(name, versions);
        } catch {
          return; // the process died under us: this write was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 1500));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    const total = [...acknowledged.values()].reduce((n, v) => n + v.size, 0);
    expect(total).toBeGreaterThan(50);
    if (process.env.NIMBUS_TEST_VERBOSE) console.log(`acknowledged writes before kill -9: ${total}`);

    const second = await start();
    const after = client(second.endpoint);
    for (const [name, versions] of acknowledged) {
      const history = [];
      let token: string | undefined;
      do {
        const page = await after.send(new GetParameterHistoryCommand({ Name: name, NextToken: token, MaxResults: 50 }));
        history.push(...page.Parameters!);
        token = page.NextToken;
      } while (token);
      // Versions are 1..n with no gap: nothing half-written, nothing lost in the middle.
      expect(history.map((p) => p.Version)).toEqual(history.map((_, i) => i + 1));
      for (const [version, value] of versions) {
        expect(history[version - 1]?.Value, `${name} v${version}`).toBe(value);
      }
    }
    second.child.kill('SIGTERM');
  }, 60_000);
});
