/**
 * Loads the AWS protocol compliance vectors (../shared/testdata/protocols, see its README) and
 * provides the conversions between their value conventions and handler values.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileModel, type Operation, type Shape } from '../../src/protocol/model/shapes.js';
import type { RawModel, RawOperation } from '../../src/protocol/model/raw.js';
import { FLOAT_TYPES } from '../../src/protocol/codecs/scalars.js';

export const vectorsDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/testdata/protocols');
export const haveVectors = existsSync(vectorsDir);
if (!haveVectors) console.warn(`protocol vectors not found at ${vectorsDir}: the protocol compliance tests are skipped`);

export interface VectorCase {
  id?: string;
  description?: string;
  given: RawOperation;
  params?: Record<string, unknown>;
  serialized?: {
    method?: string; uri: string; headers?: Record<string, string>; body?: string; host?: string;
    requireHeaders?: string[]; forbidHeaders?: string[];
  };
  result?: Record<string, unknown>;
  response?: { status_code: number; headers?: Record<string, string>; body?: string };
  errorCode?: string;
  errorMessage?: string;
  error?: Record<string, unknown>;
}

export interface VectorSuite {
  description: string;
  metadata: RawModel['metadata'];
  shapes: RawModel['shapes'];
  cases: VectorCase[];
  clientEndpoint?: string;
}

export interface LoadedCase {
  file: string;
  stem: string;
  key: string;
  suite: VectorSuite;
  c: VectorCase;
  op: Operation;
}

export function protocolNameForStem(stem: string): string {
  if (stem.startsWith('json')) return 'json';
  if (stem.startsWith('smithy-rpc-v2-cbor')) return 'smithy-rpc-v2-cbor';
  return stem;
}

export function loadCases(kind: 'input' | 'output'): LoadedCase[] {
  const out: LoadedCase[] = [];
  const files = [
    ...['ec2', 'query', 'json', 'json_1_0', 'json_1_0-query-compatible', 'rest-json', 'rest-xml',
      'smithy-rpc-v2-cbor', 'smithy-rpc-v2-cbor-query-compatible', 'smithy-rpc-v2-cbor-non-query-compatible'].map((s) => ({ file: `${kind}/${s}.json`, stem: s })),
    ...['ec2', 'query', 'json', 'rest-json', 'rest-xml'].map((s) => ({ file: `legacy/${kind}/${s}.json`, stem: s })),
  ];
  for (const { file, stem } of files) {
    const suites = JSON.parse(readFileSync(join(vectorsDir, file), 'utf8')) as VectorSuite[];
    suites.forEach((suite, si) => {
      suite.cases.forEach((c, ci) => {
        const model = compileModel('test', { metadata: suite.metadata, shapes: suite.shapes, operations: { [c.given.name]: c.given } });
        const op = model.operations.get(c.given.name)!;
        out.push({ file, stem, key: `${file}#${c.id ?? `${si}.${ci}`}`, suite, c, op });
      });
    });
  }
  return out;
}

export interface IgnoreList {
  /** Suite descriptions botocore skips, by direction. */
  suites: { input: Set<string>; output: Set<string> };
  /** Case ids botocore skips, by file stem and direction. */
  cases: Map<string, { input: Set<string>; output: Set<string> }>;
}

type Direction = { input?: { suites?: string[]; cases?: string[] }; output?: { suites?: string[]; cases?: string[] } };

export function loadIgnoreList(): IgnoreList {
  const raw = JSON.parse(readFileSync(join(vectorsDir, 'protocol-tests-ignore-list.json'), 'utf8')) as {
    general?: Direction;
    protocols?: Record<string, Direction>;
  };
  const cases = new Map<string, { input: Set<string>; output: Set<string> }>();
  for (const [stem, d] of Object.entries(raw.protocols ?? {})) {
    cases.set(stem, { input: new Set(d.input?.cases ?? []), output: new Set(d.output?.cases ?? []) });
  }
  return {
    suites: { input: new Set(raw.general?.input?.suites ?? []), output: new Set(raw.general?.output?.suites ?? []) },
    cases,
  };
}

export function ignoredByBotocore(list: IgnoreList, lc: LoadedCase, direction: 'input' | 'output'): boolean {
  if (list.suites[direction].has(lc.suite.description)) return true;
  return !!lc.c.id && !!list.cases.get(lc.stem)?.[direction].has(lc.c.id);
}

/** Our typed value → the vectors' conventions (epoch seconds, blobs as text, special floats as strings). */
export function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.getTime() / 1000;
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v).toString('utf8');
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (v === Infinity) return 'Infinity';
    if (v === -Infinity) return '-Infinity';
    return v;
  }
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) if (e !== undefined) out[k] = normalize(e);
    return out;
  }
  return v;
}

/** Drops null struct members, as a server never sees unset members (nulls inside lists/maps stay). */
export function dropNullMembers(shape: Shape | undefined, v: unknown): unknown {
  if (!shape || v === null || v === undefined) return v;
  if (shape.document) return v;
  if (shape.type === 'structure' && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
      if (e === null) continue;
      const m = shape.memberMap.get(k);
      out[k] = m ? dropNullMembers(m.shape, e) : e;
    }
    return out;
  }
  if (shape.type === 'list' && Array.isArray(v)) return v.map((e) => dropNullMembers(shape.member!.shape, e));
  if (shape.type === 'map' && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v as Record<string, unknown>)) out[k] = dropNullMembers(shape.value!.shape, e);
    return out;
  }
  return v;
}

/** The vectors' conventions → a handler's typed value, walking the shape. */
export function toHandlerValue(shape: Shape, v: unknown): unknown {
  if (v === null || v === undefined) return v;
  if (shape.document) return v;
  switch (shape.type) {
    case 'structure': {
      // An event stream's value is the list of its events, each a one-member object.
      if (shape.eventstream && Array.isArray(v)) return v.map((e) => toHandlerValue(shape, e));
      const out: Record<string, unknown> = {};
      for (const [k, e] of Object.entries(v as Record<string, unknown>)) {
        const m = shape.memberMap.get(k);
        out[k] = m ? toHandlerValue(m.shape, e) : e;
      }
      return out;
    }
    case 'list':
      return (v as unknown[]).map((e) => toHandlerValue(shape.member!.shape, e));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, e] of Object.entries(v as Record<string, unknown>)) out[k] = toHandlerValue(shape.value!.shape, e);
      return out;
    }
    case 'timestamp':
      return new Date(Math.round(Number(v) * 1000));
    case 'blob':
      return Buffer.from(String(v), 'utf8');
    default:
      if (FLOAT_TYPES.has(shape.type) && typeof v === 'string') return Number(v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : NaN);
      return v;
  }
}
