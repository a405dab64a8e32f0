/** `nimbus reset`: wipe all state of a running Nimbus. */
import { endpointFrom } from './endpoint.js';

export async function runReset(args: string[]): Promise<number> {
  const endpoint = endpointFrom(args, process.env);
  try {
    const res = await fetch(`${endpoint}/_nimbus/reset`, { method: 'POST' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (e) {
    console.error(`nimbus reset: no Nimbus answering at ${endpoint} (${(e as Error).message})`);
    return 1;
  }
  console.log(`Nimbus at ${endpoint}: all state wiped.`);
  return 0;
}
