/**
 * Loads a vendored model (models/<id>/<api-version>/service-2.json.gz), applies its patches
 * (models/patches/<id>.json) and compiles it. Models are loaded on first use, never at start-up:
 * EC2's alone is 4 MB of JSON.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PACKAGE_ROOT } from '../../shared/paths.js';
import type { RawModel } from './raw.js';
import { compileModel, type ServiceModel } from './shapes.js';

/** The package's models/ folder. */
export const modelsDir = join(PACKAGE_ROOT, 'models');

const cache = new Map<string, ServiceModel>();

interface Patch { reason: string; path: string[]; merge?: Record<string, unknown>; remove?: boolean }

export function readRawModel(id: string): RawModel {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`model id ${JSON.stringify(id)} is not a vendored model name`);
  const dir = join(modelsDir, id);
  const versions = readdirSync(dir).filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v)).sort();
  const version = versions.at(-1);
  if (!version) throw new Error(`no vendored model for ${id}`);
  const raw = JSON.parse(gunzipSync(readFileSync(join(dir, version, 'service-2.json.gz'))).toString('utf8')) as RawModel;
  const patchFile = join(modelsDir, 'patches', `${id}.json`);
  if (existsSync(patchFile)) {
    const patches = (JSON.parse(readFileSync(patchFile, 'utf8')) as { patches: Patch[] }).patches;
    for (const p of patches) applyPatch(raw as unknown as Record<string, unknown>, p);
  }
  return raw;
}

function applyPatch(root: Record<string, unknown>, p: Patch): void {
  let node: Record<string, unknown> = root;
  for (const key of p.path.slice(0, -1)) {
    node = (node[key] ??= {}) as Record<string, unknown>;
  }
  const last = p.path.at(-1)!;
  if (p.remove) {
    delete node[last];
  } else {
    node[last] = { ...((node[last] as Record<string, unknown>) ?? {}), ...p.merge };
  }
}

export function loadModel(id: string): ServiceModel {
  let model = cache.get(id);
  if (!model) {
    model = compileModel(id, readRawModel(id));
    cache.set(id, model);
  }
  return model;
}
