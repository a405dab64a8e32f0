/**
 * What the load phases measure: targets (a server driven by autocannon or by SDK clients at one
 * concurrency) and the interleaved rounds that measure them side by side.
 */
import { autocannonLoad, measure, sdkLoad, type Load, type Window } from './load.js';
import type { RunningServer } from './processes.js';
import { toPhaseResult, type PhaseResult, round } from './report.js';
import { sendOnce, signedRequest, describeSdkError, type Operation, type WireRequest } from './requests.js';

/** The timing options targets need. */
export interface TimingOptions {
  durationS: number;
  /** Warm-up before a target is measured: at least this long and at least `warmupRequests` requests. */
  warmupS: number;
  warmupRequests: number;
}

/** Longest a warm-up goes on for, whatever the request count (a slow operation at one connection). */
const MAX_WARMUP_S = 20;

/**
 * Loads the target until it has served `warmupRequests` requests (and for at least `warmupS`): a
 * server's cost per request falls for its first few thousand requests while V8 compiles the hot
 * paths (a 1 KiB PutObject at one connection: ~1,000 µs for the first thousand, ~370 µs from the
 * sixth), and the bench measures the steady state a long-running server is in.
 */
async function warmUp(slice: (seconds: number) => Promise<Load>, opts: TimingOptions): Promise<void> {
  let served = 0;
  let spent = 0;
  do {
    served += (await slice(opts.warmupS)).ops;
    spent += opts.warmupS;
  } while (served < opts.warmupRequests && spent < MAX_WARMUP_S);
}

/**
 * One thing measured at one concurrency. At each concurrency the targets (bare server, Nimbus ×
 * operations × drivers) run in interleaved rounds of short slices, so that a noisy neighbour
 * slows them alike and the same-run ratios hold; each round's ratio shows how noisy it was.
 */
export interface Target {
  readonly base: Omit<PhaseBase, 'probe'>;
  readonly pid: number;
  /** Signs and probes (once), warms up; returns what the probe answered. */
  prepare(): Promise<string>;
  slice(seconds: number): Promise<Load>;
  close(): void;
}

type PhaseBase = Parameters<typeof toPhaseResult>[0];

function probeText(status: number, body: string, expected: boolean): string {
  return `${status}${/^2/.test(String(status)) ? (expected ? ' (expected body)' : ' (UNEXPECTED body)') : ''}: ${body.slice(0, 160)}`;
}

export function autocannonTarget(server: RunningServer, op: Operation, c: number, opts: TimingOptions): Target {
  let req: WireRequest | undefined;
  const isBare = server.kind === 'bare';
  return {
    base: { name: `${isBare ? 'bare' : op.name} autocannon c${c}`, server: server.kind, op: op.name, driver: 'autocannon', connections: c },
    pid: server.pid,
    async prepare() {
      req = await signedRequest(op, server.endpoint);
      const probe = await sendOnce(server.endpoint, req);
      await warmUp((seconds) => autocannonLoad(server.endpoint, req!, c, seconds), opts);
      return probeText(probe.status, probe.body, isBare || op.looksRight(probe.body));
    },
    slice: (seconds) => autocannonLoad(server.endpoint, req!, c, seconds),
    close() {},
  };
}

export function sdkTarget(server: RunningServer, op: Operation, c: number, opts: TimingOptions): Target {
  const client = op.client(server.endpoint);
  const call = () => client.send(op.command());
  return {
    base: { name: `${server.kind === 'bare' ? `bare (${op.name} client)` : op.name} sdk c${c}`, server: server.kind, op: op.name, driver: 'sdk', connections: c },
    pid: server.pid,
    async prepare() {
      let probe: string;
      try {
        probe = probeText(200, JSON.stringify(await call()), true);
      } catch (e) {
        probe = describeSdkError(e);
      }
      await warmUp((seconds) => sdkLoad(call, c, seconds), opts);
      return probe;
    },
    slice: (seconds) => sdkLoad(call, c, seconds),
    close: () => client.destroy(),
  };
}

export async function runInterleaved(targets: Target[], opts: TimingOptions): Promise<PhaseResult[]> {
  const probes: string[] = [];
  for (const t of targets) probes.push(await t.prepare());
  const rounds = Math.max(2, Math.min(10, Math.round(opts.durationS)));
  const windows: Window[][] = targets.map(() => []);
  process.stdout.write(`  ${rounds} rounds × ${targets.length} targets × ${round(opts.durationS / rounds, 2)} s `);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < targets.length; i++) {
      const k = (i + r) % targets.length; // rotate the order, so no target always follows the same one
      const t = targets[k]!;
      windows[k]!.push(await measure(t.pid, () => t.slice(opts.durationS / rounds)));
    }
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  for (const t of targets) t.close();
  return targets.map((t, i) => toPhaseResult({ ...t.base, probe: probes[i]! }, windows[i]!));
}

