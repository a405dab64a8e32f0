/** `nimbus status`: is a Nimbus running there, and what does it serve. */
import { endpointFrom } from './endpoint.js';

interface Health {
  version: string;
  uptimeSeconds: number;
  region: string;
  storage: { ephemeral: boolean; dataDir?: string };
  services: { name: string; operations: number; implemented: number }[];
}

export async function runStatus(args: string[]): Promise<number> {
  const endpoint = endpointFrom(args, process.env);
  let health: Health;
  try {
    const res = await fetch(`${endpoint}/_nimbus/health`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    health = (await res.json()) as Health;
  } catch (e) {
    console.error(`nimbus status: no Nimbus answering at ${endpoint} (${(e as Error).message})`);
    return 1;
  }
  const served = health.services.filter((s) => s.implemented > 0);
  console.log(`Nimbus ${health.version} at ${endpoint}, up ${health.uptimeSeconds}s, region ${health.region}`);
  console.log(`state: ${health.storage.ephemeral ? 'in memory' : health.storage.dataDir}`);
  for (const s of served) console.log(`  ${s.name.padEnd(16)} ${String(s.implemented).padStart(4)} of ${s.operations} operations`);
  console.log(`  (${health.services.length - served.length} more services answer NotImplemented for every operation)`);
  return 0;
}
