/**
 * The two load generators — autocannon replaying one signed request, and N concurrent loops of a
 * real SDK client — and the measurement around them: the server's CPU time from /proc across the
 * window, the generator's own CPU time, wall time, status codes and every latency.
 */
import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { cpuSeconds } from './processes.js';
import { sdkErrorStatus, type WireRequest } from './requests.js';

export interface Load {
  ops: number;
  /** Response count per HTTP status; `0` counts calls that got no HTTP answer. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts (autocannon) or calls without an HTTP answer (SDK). */
  errors: number;
  latenciesMs: Float64Array;
}

export interface Window extends Load {
  wallS: number;
  /** The server's utime + stime across the window, and the stime part alone. */
  serverCpuS: number;
  serverSysS: number;
  generatorCpuS: number;
}

/** Runs `load` and measures the server process `pid` and this process across it. */
export async function measure(pid: number, load: () => Promise<Load>): Promise<Window> {
  const cpu0 = cpuSeconds(pid);
  const gen0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await load();
  const wallS = (performance.now() - t0) / 1000;
  const gen = process.cpuUsage(gen0);
  const cpu = cpuSeconds(pid);
  return {
    ...result,
    wallS,
    serverCpuS: cpu.user + cpu.sys - (cpu0.user + cpu0.sys),
    serverSysS: cpu.sys - cpu0.sys,
    generatorCpuS: (gen.user + gen.system) / 1e6,
  };
}

/** Adds up windows measured in slices (interleaved rounds) into one. */
export function mergeWindows(ws: Window[]): Window {
  const statuses: Record<string, number> = {};
  for (const w of ws) for (const [code, n] of Object.entries(w.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const latenciesMs = new Float64Array(ws.reduce((n, w) => n + w.latenciesMs.length, 0));
  let at = 0;
  for (const w of ws) {
    latenciesMs.set(w.latenciesMs, at);
    at += w.latenciesMs.length;
  }
  const sum = (k: 'ops' | 'errors' | 'wallS' | 'serverCpuS' | 'serverSysS' | 'generatorCpuS') => ws.reduce((n, w) => n + w[k], 0);
  return { ops: sum('ops'), statuses, errors: sum('errors'), latenciesMs, wallS: sum('wallS'), serverCpuS: sum('serverCpuS'), serverSysS: sum('serverSysS'), generatorCpuS: sum('generatorCpuS') };
}

/** A growable list of latencies. */
class Latencies {
  private buf = new Float64Array(1 << 16);
  length = 0;
  push(ms: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = ms;
  }
  done(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
}

export function autocannonLoad(endpoint: string, req: WireRequest, connections: number, durationS: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const latencies = new Latencies();
    const instance = autocannon(
      {
        url: endpoint + req.path,
        connections,
        duration: durationS,
        sampleInt: 100,
        method: req.method,
        headers: req.headers,
        body: req.body,
      },
      (err, result) => {
        if (err) return reject(err);
        const statuses: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = Number(count);
        resolve({ ops: latencies.length, statuses, errors: result.errors + result.timeouts, latenciesMs: latencies.done() });
      },
    );
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

/** `connections` loops, each awaiting `call()` back to back until `durationS` has passed. */
export async function sdkLoad(call: () => Promise<unknown>, connections: number, durationS: number): Promise<Load> {
  const latencies = new Latencies();
  const statuses: Record<string, number> = {};
  let errors = 0;
  const deadline = performance.now() + durationS * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      let status: number;
      try {
        const out = (await call()) as { $metadata?: { httpStatusCode?: number } };
        status = out.$metadata?.httpStatusCode ?? 200;
      } catch (e) {
        status = sdkErrorStatus(e);
        if (status === 0) errors++;
      }
      latencies.push(performance.now() - t);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  return { ops: latencies.length, statuses, errors, latenciesMs: latencies.done() };
}
