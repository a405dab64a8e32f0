/**
 * Nimbus benchmark: `npm run bench [-- --quick] [-- --duration 5] [-- --only sts,startup] [-- --profile]`
 *
 * Everything is compared within one run, because these machines are noisy:
 *   1. time-to-ready and idle RSS of `nimbus start --ephemeral`, next to a bare node:http server's;
 *   2. for ssm.GetParameter and sts.GetCallerIdentity, at 1 and 16 connections, driven by autocannon
 *      (replaying a request the real SDK signed) and by real SDK v3 clients: Nimbus's CPU time per
 *      operation (from /proc, Nimbus runs in its own process), throughput and latency;
 *   3. the same for a bare node:http server answering a canned 200 (autocannon only).
 * At each concurrency all of these run in interleaved rounds of short slices, so a noisy
 * neighbour slows them alike; the spread of the per-round ratios shows how noisy the run was.
 * Figures for a phase whose responses were not all 2xx are not reported. Results also go to
 * bench/results/latest.json.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { iamPhase, printIamSummary, type IamComparison } from './iam.js';
import { printS3Summary, s3Phase, type S3Figures } from './s3.js';
import { dynamodbPhase, printDynamoDbSummary, type DynamoDbFigures } from './dynamodb.js';
import { ROOT, rssMb, startServer, type RunningServer, type ServerKind } from './processes.js';
import { summarizeProfile } from './profile.js';
import { TARGETS, compare, comparisonTable, median, phaseLine, round, table, type PhaseResult } from './report.js';
import { OPERATIONS, type Operation } from './requests.js';
import { autocannonTarget, runInterleaved, sdkTarget } from './targets.js';

const USAGE = `npm run bench -- [--quick] [--duration <s>] [--only <phases>] [--profile]
  --quick          short phases and fewer starts: a smoke run
  --duration <s>   seconds per measured phase (default 5; --quick: 1)
  --only <phases>  comma-separated; each item is words joined by '+', all of which a phase must have:
                   startup, load, ssm, sts, GetParameter, GetCallerIdentity, autocannon, sdk, c1, c16,
                   iam (enforcement on vs off, as an IAM user with a 10-statement policy),
                   s3 (1 KiB PutObject/GetObject CPU, large-object PUT/GET rates, upload RSS, listing)
                   dynamodb (GetItem/PutItem/Query CPU, BatchWriteItem load, Query p50 on a 1M-item table)
                   e.g. --only startup   --only sts+autocannon   --only ssm,c16
                   (the bare baseline runs wherever a selected Nimbus phase needs it)
  --profile        run the load Nimbus under node --cpu-prof and print where it spends CPU
                   (figures from a profiled run are distorted and not written to latest.json)`;

const CONNECTIONS = [1, 16] as const;

interface Options {
  durationS: number;
  warmupS: number;
  warmupRequests: number;
  starts: number;
  only: string[][] | undefined;
  profile: boolean;
  quick: boolean;
}

function usageError(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  quick: { type: 'boolean' },
  duration: { type: 'string' },
  only: { type: 'string' },
  profile: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function options(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS }));
  } catch (e) {
    usageError((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick ?? false;
  const durationS = values.duration !== undefined ? Number(values.duration) : quick ? 1 : 5;
  if (!(durationS > 0)) usageError(`--duration must be a positive number of seconds, not ${values.duration}`);
  const only = values.only?.split(',').map((item) => item.split('+').map((w) => w.trim().toLowerCase()).filter(Boolean)).filter((ws) => ws.length);
  return { durationS, warmupS: quick ? 0.5 : 1, warmupRequests: quick ? 1000 : 5000, starts: quick ? 3 : 7, only, profile: values.profile ?? false, quick };
}

function selected(opts: Options, tags: string[]): boolean {
  if (!opts.only) return true;
  const have = new Set(tags.map((t) => t.toLowerCase()));
  return opts.only.some((words) => words.every((w) => have.has(w)));
}

function opTags(op: Operation, driver: string, c: number): string[] {
  const [service, name] = op.name.split('.') as [string, string];
  return ['load', op.name, service, name, driver, `c${c}`];
}

// --- 1. startup --------------------------------------------------------------------------

interface StartupFigures {
  readyMs: number[];
  medianReadyMs: number;
  idleRssMb: number;
  /** Nimbus's own "ready in N ms" (createNimbus only, without node's boot and module loading). */
  selfReportedMs?: number[];
}

/** Starts Nimbus and the bare server alternately (so both see the same noise); the last pair idles ~1 s for RSS. */
async function startup(starts: number): Promise<Record<ServerKind, StartupFigures>> {
  const out: Record<ServerKind, StartupFigures> = {
    nimbus: { readyMs: [], medianReadyMs: NaN, idleRssMb: NaN, selfReportedMs: [] },
    bare: { readyMs: [], medianReadyMs: NaN, idleRssMb: NaN },
  };
  for (let i = 0; i < starts; i++) {
    const last = i === starts - 1;
    const running: RunningServer[] = [];
    for (const kind of ['nimbus', 'bare'] as const) {
      const s = await startServer(kind);
      out[kind].readyMs.push(round(s.readyMs, 1));
      const m = /ready in (\d+) ms/.exec(s.output());
      if (m) out[kind].selfReportedMs?.push(Number(m[1]));
      if (last) running.push(s);
      else await s.stop();
    }
    if (last) {
      await new Promise((r) => setTimeout(r, 1000));
      for (const s of running) {
        out[s.kind].idleRssMb = round(rssMb(s.pid), 1);
        await s.stop();
      }
    }
  }
  for (const f of Object.values(out)) f.medianReadyMs = round(median(f.readyMs), 1);
  return out;
}

// --- 2./3. load phases --------------------------------------------------------------------

// --- main ---------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  console.log(`Nimbus bench — ${new Date().toISOString()}  commit ${commit || '?'}  node ${process.version}  ${opts.durationS} s/phase (after ≥ ${opts.warmupS} s and ≥ ${opts.warmupRequests} requests of warm-up)${opts.quick ? '  [quick]' : ''}${opts.profile ? '  [profiling]' : ''}`);

  // Startup.
  let startupResult: { nimbus: StartupFigures; bare: StartupFigures } | undefined;
  if (selected(opts, ['startup'])) {
    console.log(`\n▸ startup: ${opts.starts} starts each`);
    startupResult = await startup(opts.starts);
    const { nimbus, bare } = startupResult;
    console.log(`  nimbus  ready ${nimbus.readyMs.join(', ')} ms  (self-reported ${nimbus.selfReportedMs?.join(', ')} ms)`);
    console.log(`  bare    ready ${bare.readyMs.join(', ')} ms`);
  }

  // Load.
  const plan: { c: number; any: boolean; ac: Operation[]; sdk: Operation[] }[] = CONNECTIONS.map((c) => {
    const ac = OPERATIONS.filter((op) => selected(opts, opTags(op, 'autocannon', c)));
    const sdk = OPERATIONS.filter((op) => selected(opts, opTags(op, 'sdk', c)));
    return { c, ac, sdk, any: ac.length + sdk.length > 0 };
  });
  const iamSelected = selected(opts, ['iam']);
  const s3Selected = selected(opts, ['s3']);
  const dynamodbSelected = selected(opts, ['dynamodb']);
  if (!selected(opts, ['startup']) && !iamSelected && !s3Selected && !dynamodbSelected && !plan.some((p) => p.any)) usageError('--only selects nothing');
  const phases: PhaseResult[] = [];
  const setups: Record<string, string> = {};
  let rssAfterLoadMb: number | undefined;
  let profileText: string | undefined;
  if (plan.some((p) => p.any)) {
    const profileDir = join(ROOT, 'bench/results/profile');
    const nodeFlags = opts.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '50'] : [];
    if (opts.profile) {
      mkdirSync(profileDir, { recursive: true });
      for (const f of readdirSync(profileDir)) if (f.endsWith('.cpuprofile')) rmSync(join(profileDir, f));
    }
    const nimbus = await startServer('nimbus', { nodeFlags });
    const bare = await startServer('bare');
    const used = new Set(plan.flatMap((p) => [...p.ac, ...p.sdk]));
    for (const op of used) if (op.setup) setups[op.name] = await op.setup(nimbus.endpoint);
    for (const [name, line] of Object.entries(setups)) console.log(`\n▸ setup for ${name}: ${line}`);
    const bareOp = OPERATIONS[0]!; // under autocannon, the bare server is sent the same bytes as GetParameter
    try {
      for (const { c, any, ac, sdk } of plan) {
        if (!any) continue;
        console.log(`\n▸ ${c} connection${c > 1 ? 's' : ''}`);
        const targets = [
          ...(ac.length ? [autocannonTarget(bare, bareOp, c, opts)] : []),
          ...ac.map((op) => autocannonTarget(nimbus, op, c, opts)),
          // The SDK clients' own cost limits these phases, and a server's CPU per request depends on
          // how busy it is: so SDK phases are compared with the bare server driven the same way.
          ...sdk.map((op) => sdkTarget(bare, op, c, opts)),
          ...sdk.map((op) => sdkTarget(nimbus, op, c, opts)),
        ];
        for (const r of await runInterleaved(targets, opts)) {
          phases.push(r);
          console.log(`  ${phaseLine(r)}`);
          if ((r.refused || r.probe.includes('UNEXPECTED')) && r.probe) console.log(`      probe answered ${r.probe}`);
        }
      }
      rssAfterLoadMb = round(rssMb(nimbus.pid), 1);
    } finally {
      await nimbus.stop();
      await bare.stop();
    }
    if (opts.profile) {
      const file = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1);
      profileText = file ? summarizeProfile(join(profileDir, file)) : 'no .cpuprofile was written';
    }
  }

  // IAM enforcement (not under the profiler: it starts its own two processes).
  let iam: { phases: PhaseResult[]; comparisons: IamComparison[] } | undefined;
  if (iamSelected && !opts.profile) iam = await iamPhase(opts, CONNECTIONS);

  // S3 (its own Nimbus, with durable storage).
  let s3: { phases: PhaseResult[]; figures: S3Figures } | undefined;
  if (s3Selected && !opts.profile) s3 = await s3Phase(opts, CONNECTIONS);

  // DynamoDB (its own Nimbus, with durable storage).
  let dynamodb: { phases: PhaseResult[]; figures: DynamoDbFigures } | undefined;
  if (dynamodbSelected && !opts.profile) dynamodb = await dynamodbPhase(opts, CONNECTIONS);

  // Summary.
  console.log('\n══ Summary (ratios are Nimbus ÷ bare node:http, same run) ══');
  const summary: Record<string, unknown> = {};
  if (iam) {
    printIamSummary(iam.comparisons);
    summary.iam = iam;
  }
  if (s3) {
    printS3Summary(s3.figures);
    summary.s3 = s3;
  }
  if (dynamodb) {
    printDynamoDbSummary(dynamodb.figures);
    summary.dynamodb = dynamodb;
  }
  if (startupResult) {
    const { nimbus, bare } = startupResult;
    const readyOk = nimbus.medianReadyMs <= TARGETS.readyMs;
    const rssOk = nimbus.idleRssMb <= TARGETS.idleRssMb;
    console.log(table(['startup', 'Nimbus', 'target', '', 'bare', 'ratio'], [
      ['time-to-ready (median)', `${nimbus.medianReadyMs} ms`, `≤ ${TARGETS.readyMs} ms`, readyOk ? '✓' : '✗', `${bare.medianReadyMs} ms`, `${(nimbus.medianReadyMs / bare.medianReadyMs).toFixed(2)}×`],
      ['idle RSS (after ~1 s)', `${nimbus.idleRssMb} MB`, `≤ ${TARGETS.idleRssMb} MB`, rssOk ? '✓' : '✗', `${bare.idleRssMb} MB`, `${(nimbus.idleRssMb / bare.idleRssMb).toFixed(2)}×`],
    ]));
    summary.startup = { ...startupResult, readyOk, rssOk };
  }
  if (phases.length) {
    const order = (r: PhaseResult) => `${r.driver === 'autocannon' ? 0 : 1} ${r.op} ${String(r.connections).padStart(3)}`;
    const nimbusPhases = phases.filter((r) => r.server === 'nimbus').sort((a, b) => order(a).localeCompare(order(b)));
    const bareFor = (r: PhaseResult) =>
      phases.find((b) => b.server === 'bare' && b.connections === r.connections && b.driver === r.driver && (r.driver === 'autocannon' || b.op === r.op));
    const bareAt = (c: number) => phases.find((b) => b.server === 'bare' && b.connections === c && b.driver === 'autocannon');
    const rows = nimbusPhases.map((r) => compare(r, bareFor(r)));
    console.log('');
    console.log(comparisonTable(rows));
    for (const c of CONNECTIONS) {
      const b = bareAt(c);
      if (b?.figures) console.log(`bare c${c}: ${b.figures.cpuUsPerOp} µs/req, ${b.figures.opsPerS} req/s, server ${b.figures.serverCpuPct}% CPU; per round ${b.rounds!.map((x) => x.cpuUsPerOp.toFixed(0)).join(' ')} µs/req`);
    }
    console.log('ratios: median over the interleaved rounds of Nimbus ÷ bare measured seconds apart; (rounds): lowest-highest of them, the noise of this run.');
    console.log(`targets: CPU per ssm.GetParameter ≤ ${TARGETS.cpuRatioMax}× bare (✓/✗ on GetParameter rows); throughput under autocannon ≥ ${TARGETS.throughputRatioMin * 100}% of bare (✓/✗ on autocannon rows).`);
    console.log('SDK rows are compared with the bare server driven by the same SDK client; the SDK\'s own CPU cost (the generator, this process) limits their throughput.');
    if (rssAfterLoadMb !== undefined) console.log(`Nimbus RSS after the load phases: ${rssAfterLoadMb} MB`);
    Object.assign(summary, { setups, comparisons: rows, phases, rssAfterLoadMb });
  }
  if (profileText) console.log(`\n══ CPU profile of the load Nimbus (all phases) ══\n${profileText}`);

  if (opts.profile) {
    console.log('\n(profiled run: figures are distorted by the profiler; bench/results/latest.json left as it was)');
  } else {
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const out = {
      date: new Date().toISOString(), commit, node: process.version, options: { durationS: opts.durationS, warmupS: opts.warmupS, warmupRequests: opts.warmupRequests, starts: opts.starts, only: opts.only, quick: opts.quick },
      targets: TARGETS, ...summary,
    };
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(out, null, 2) + '\n');
    console.log(`\nwritten: bench/results/latest.json`);
  }
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exit(1);
});
