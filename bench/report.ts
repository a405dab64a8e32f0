/** Figures from measured windows, the same-run comparison with the bare server, and the printed table. */
import { mergeWindows, type Window } from './load.js';

export const TARGETS = {
  readyMs: 300,
  idleRssMb: 80,
  /** Nimbus CPU per GetParameter ÷ bare CPU per request. */
  cpuRatioMax: 2,
  /** Nimbus ops/s ÷ bare req/s, under autocannon. */
  throughputRatioMin: 0.5,
} as const;

export interface Figures {
  /** Server CPU time per operation (µs), user + system. */
  cpuUsPerOp: number;
  /** The system (kernel) part of it: sockets and syscalls, much the same for any node:http server. */
  sysUsPerOp: number;
  opsPerS: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU time ÷ wall time: near 100 % means the server, not the generator, was the limit. */
  serverCpuPct: number;
  /** The load generator's own CPU per operation (µs), this process. */
  generatorCpuUsPerOp: number;
}

export interface PhaseResult {
  name: string;
  server: 'nimbus' | 'bare';
  op: string;
  driver: 'autocannon' | 'sdk';
  connections: number;
  ops: number;
  wallS: number;
  statuses: Record<string, number>;
  errors: number;
  /** One request sent before the phase: its status and whether the body was the expected answer. */
  probe: string;
  /** Why figures are withheld (responses not all 2xx, connection errors); absent when they are reported. */
  refused?: string;
  figures?: Figures;
  /** CPU per op and throughput of each interleaved round (for the spread of same-round ratios). */
  rounds?: { cpuUsPerOp: number; opsPerS: number }[];
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function statusText(statuses: Record<string, number>): string {
  return Object.entries(statuses).map(([code, n]) => `${code}×${n}`).join(' ') || 'none';
}

type PhaseBase = Pick<PhaseResult, 'name' | 'server' | 'op' | 'driver' | 'connections' | 'probe'>;

/** The phase's figures from its rounds' windows, or the reason they are withheld. */
export function toPhaseResult(base: PhaseBase, rounds: Window[]): PhaseResult {
  const w = mergeWindows(rounds);
  const result: PhaseResult = { ...base, ops: w.ops, wallS: round(w.wallS, 3), statuses: w.statuses, errors: w.errors };
  const bad = Object.entries(w.statuses).filter(([code]) => !/^2\d\d$/.test(code));
  if (w.ops === 0) result.refused = 'no responses';
  else if (bad.length) result.refused = `responses not all 2xx (${statusText(Object.fromEntries(bad))})`;
  else if (w.errors) result.refused = `${w.errors} connection errors/timeouts`;
  if (result.refused) return result;
  const sorted = w.latenciesMs.slice().sort();
  result.figures = {
    cpuUsPerOp: round((w.serverCpuS / w.ops) * 1e6, 1),
    sysUsPerOp: round((w.serverSysS / w.ops) * 1e6, 1),
    opsPerS: Math.round(w.ops / w.wallS),
    p50Ms: round(percentile(sorted, 50), 3),
    p99Ms: round(percentile(sorted, 99), 3),
    serverCpuPct: Math.round((w.serverCpuS / w.wallS) * 100),
    generatorCpuUsPerOp: round((w.generatorCpuS / w.ops) * 1e6, 1),
  };
  result.rounds = rounds.map((r) => ({ cpuUsPerOp: round((r.serverCpuS / r.ops) * 1e6, 1), opsPerS: Math.round(r.ops / r.wallS) }));
  return result;
}

export function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export interface Comparison {
  op: string;
  driver: 'autocannon' | 'sdk';
  connections: number;
  statuses: string;
  refused?: string;
  nimbus?: Figures;
  bare?: Figures;
  /**
   * Nimbus ÷ bare: the median of the per-round ratios (each round measured Nimbus and bare seconds
   * apart, so a noisy neighbour affects both alike); with a single round, the pooled ratio.
   */
  cpuRatio?: number;
  throughputRatio?: number;
  /** Lowest and highest per-round ratio: how noisy the run was. */
  cpuRatioRange?: [number, number];
  throughputRatioRange?: [number, number];
  /** Whole-phase figures divided (all rounds pooled). */
  cpuRatioPooled?: number;
  throughputRatioPooled?: number;
  /** Against the targets; undefined where no target applies. */
  cpuOk?: boolean;
  throughputOk?: boolean;
}

/** Per-round ratios' median and range, or undefined without paired rounds. */
function roundRatios(nimbus: number[], bare: number[], digits: number): { median: number; range: [number, number] } | undefined {
  if (nimbus.length !== bare.length || nimbus.length < 2) return undefined;
  const ratios = nimbus.map((v, i) => v / bare[i]!);
  return { median: round(median(ratios), digits), range: [round(Math.min(...ratios), digits), round(Math.max(...ratios), digits)] };
}

export function compare(r: PhaseResult, bare: PhaseResult | undefined): Comparison {
  const c: Comparison = { op: r.op, driver: r.driver, connections: r.connections, statuses: statusText(r.statuses), refused: r.refused };
  if (!bare?.figures) c.refused ??= `no bare baseline (${bare?.refused ?? 'not run'})`;
  if (!r.figures || !bare?.figures) return c;
  c.nimbus = r.figures;
  c.bare = bare.figures;
  c.cpuRatioPooled = round(r.figures.cpuUsPerOp / bare.figures.cpuUsPerOp, 2);
  c.throughputRatioPooled = round(r.figures.opsPerS / bare.figures.opsPerS, 3);
  const nr = r.rounds ?? [];
  const br = bare.rounds ?? [];
  const cpu = roundRatios(nr.map((x) => x.cpuUsPerOp), br.map((x) => x.cpuUsPerOp), 2);
  const tput = roundRatios(nr.map((x) => x.opsPerS), br.map((x) => x.opsPerS), 3);
  c.cpuRatio = cpu?.median ?? c.cpuRatioPooled;
  c.cpuRatioRange = cpu?.range;
  c.throughputRatio = tput?.median ?? c.throughputRatioPooled;
  c.throughputRatioRange = tput?.range;
  if (r.op === 'ssm.GetParameter') c.cpuOk = c.cpuRatio <= TARGETS.cpuRatioMax;
  if (r.driver === 'autocannon') c.throughputOk = c.throughputRatio >= TARGETS.throughputRatioMin;
  return c;
}

// --- text output --------------------------------------------------------------------------

export function flag(ok: boolean | undefined): string {
  return ok === undefined ? '' : ok ? ' ✓' : ' ✗';
}

/**
 * A plain text table; numeric-looking cells are right-aligned. A row shorter than the header ends
 * in a note that runs on past the columns (it does not widen them).
 */
export function table(header: string[], rows: string[][]): string {
  const full = rows.filter((r) => r.length >= header.length);
  const widths = header.map((h, i) => Math.max(h.length, ...full.map((r) => (r[i] ?? '').length)));
  const numeric = (s: string) => /^[\d.,×%✓✗ <>=/-]+$/.test(s) && /\d/.test(s);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 && cells.length < header.length ? c : numeric(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function ms(v: number): string {
  return v < 10 ? v.toFixed(2) : v.toFixed(1);
}

export function comparisonTable(rows: Comparison[]): string {
  const header = ['operation', 'driver', 'conns', 'Nimbus µs/op', 'bare µs/req', 'CPU ratio', '(rounds)', 'Nimbus ops/s', 'bare ops/s', 'tput ratio', '(rounds)', 'Nimbus p50/p99 ms', 'bare p50/p99 ms'];
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const body = rows.map((c) => {
    const head = [c.op, c.driver, String(c.connections)];
    if (!c.nimbus || !c.bare) return [...head, `— not reported: ${c.refused ?? 'no baseline'}`];
    return [
      ...head,
      c.nimbus.cpuUsPerOp.toFixed(1),
      c.bare.cpuUsPerOp.toFixed(1),
      `${c.cpuRatio!.toFixed(2)}×${flag(c.cpuOk)}`,
      c.cpuRatioRange ? `${c.cpuRatioRange[0].toFixed(2)}-${c.cpuRatioRange[1].toFixed(2)}` : '',
      String(c.nimbus.opsPerS),
      String(c.bare.opsPerS),
      `${pct(c.throughputRatio!)}${flag(c.throughputOk)}`,
      c.throughputRatioRange ? `${pct(c.throughputRatioRange[0])}-${pct(c.throughputRatioRange[1])}` : '',
      `${ms(c.nimbus.p50Ms)} / ${ms(c.nimbus.p99Ms)}`,
      `${ms(c.bare.p50Ms)} / ${ms(c.bare.p99Ms)}`,
    ];
  });
  return table(header, body);
}

export function phaseLine(r: PhaseResult): string {
  const head = `${r.name.padEnd(42)} ${String(r.ops).padStart(7)} ops  ${statusText(r.statuses)}`;
  if (!r.figures) return `${head}  — NOT REPORTED: ${r.refused}`;
  const f = r.figures;
  return `${head}  server ${f.cpuUsPerOp.toFixed(1)} µs/op (sys ${f.sysUsPerOp.toFixed(0)}; ${f.serverCpuPct}% CPU)  ${f.opsPerS} ops/s  p50 ${ms(f.p50Ms)} ms  p99 ${ms(f.p99Ms)} ms  [generator ${f.generatorCpuUsPerOp.toFixed(0)} µs/op]`;
}

/** One operation's CPU per request against the bare server's, the median of the per-round ratios, and its target. */
export interface CpuFigure {
  op: string;
  connections: number;
  nimbusUs: number;
  bareUs: number;
  ratio: number;
  rounds: string;
  target: number;
}

/** The CPU figure of `r` against the bare server's phase `bare` measured in the same rounds; undefined if either has none. */
export function cpuFigure(r: PhaseResult, bare: PhaseResult, connections: number, target: number): CpuFigure | undefined {
  if (!r.figures || !bare.figures) return undefined;
  const ratios = r.rounds!.map((x, i) => x.cpuUsPerOp / bare.rounds![i]!.cpuUsPerOp).sort((x, y) => x - y);
  return { op: r.op, connections, nimbusUs: r.figures.cpuUsPerOp, bareUs: bare.figures.cpuUsPerOp, ratio: round(ratios[Math.floor(ratios.length / 2)]!, 2), rounds: `${ratios[0]!.toFixed(2)}-${ratios.at(-1)!.toFixed(2)}`, target };
}

/** Summary table rows for CPU figures. */
export function cpuRows(figures: readonly CpuFigure[]): string[][] {
  return figures.map((c) => [`CPU per ${c.op}, c${c.connections}`, `${c.nimbusUs} µs`, `${c.bareUs} µs`, `${c.ratio.toFixed(2)}×`, `≤ ${c.target}×`, c.ratio <= c.target ? '✓' : '✗', c.rounds]);
}
