/**
 * Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`): where the process spent its samples, by
 * function (self time) and, for Nimbus's own code, including callees (total time).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './processes.js';
import { table } from './report.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function label(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const file = url.startsWith('file://') ? relative(ROOT, new URL(url).pathname) : url.replace(/^node:/, 'node:');
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/** Top functions by self and total time, as text. `ownCode` picks the frames whose total time is shown. */
export function summarizeProfile(path: string, top = 25, ownCode = /\/dist\//): string {
  const p = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const set = new Map<string, number>(); // samples left out of the percentages
  let all = 0;
  p.samples.forEach((id, i) => {
    const us = p.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    const fn = node.callFrame.functionName;
    if (fn === '(idle)' || fn === 'writev' || fn === '(program)') {
      set.set(fn, (set.get(fn) ?? 0) + us);
      return;
    }
    all += us;
    const own = label(node);
    self.set(own, (self.get(own) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!ownCode.test(n.callFrame.url)) continue;
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + us);
    }
  });
  const pct = (us: number) => `${((us / all) * 100).toFixed(1)}%`;
  const rows = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([l, us]) => [pct(us), l]);
  const sec = (k: string) => `${((set.get(k) ?? 0) / 1e6).toFixed(2)} s`;
  return [
    `profile ${relative(ROOT, path)}: ${(all / 1e6).toFixed(2)} s in JavaScript and runtime (the 100% below);`,
    `left out: ${sec('writev')} in writev (the socket write syscall: kernel time, and time descheduled inside it on a busy`,
    `machine; the bare server spends the same share there), ${sec('(program)')} (program), ${sec('(idle)')} idle.`,
    '',
    'self time:',
    table(['self', 'function'], rows(self)),
    '',
    "total time, Nimbus's own functions (self + callees):",
    table(['total', 'function'], rows(total)),
  ].join('\n');
}
