/**
 * Where Nimbus's own files are. The code runs from src/ (tests), dist/ (tsc output) and the
 * single-file bundle dist/nimbus.mjs alike, so the package root is found by walking up from this
 * module to the folder holding Nimbus's package.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'nimbus') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the nimbus package root above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

export const PACKAGE_ROOT = findRoot();
