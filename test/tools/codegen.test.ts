/** Generated files must match the vendored models: a model refresh without `npm run codegen` fails here. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('codegen', () => {
  it('generated types, errors, operations and the catalog are up to date', async () => {
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const c = spawn(process.execPath, ['--import', 'tsx', 'tools/codegen.ts', '--check'], { cwd: root });
      let out = '';
      c.stdout.on('data', (d: Buffer) => (out += d));
      c.stderr.on('data', (d: Buffer) => (out += d));
      c.on('close', (code) => resolve({ code, out }));
    });
    expect(result.out).not.toContain('stale');
    expect(result.code).toBe(0);
  });
});
