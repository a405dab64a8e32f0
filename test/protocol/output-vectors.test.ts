/**
 * Server-side response and error serialization against the AWS protocol compliance vectors. Each
 * case's result (or error) is serialized by Nimbus, then (1) checked on the wire against the
 * case's response (status, headers, body structure) and (2) parsed back by botocore's own parsers,
 * which must give exactly the case's result. botocore is skipped, with a message, where absent.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/shared/errors.js';
import { decodeFrames } from '../../src/protocol/codecs/event-frame.js';
import { protocolByName } from '../../src/protocol/protocols/index.js';
import type { HttpResponse } from '../../src/protocol/protocols/types.js';
import { messageMember } from '../../src/protocol/protocols/errors.js';
import { haveVectors, ignoredByBotocore, loadCases, loadIgnoreList, protocolNameForStem, toHandlerValue, type LoadedCase } from './vectors.js';
import { canonicalDoc, cborOf, headerValuesMatch, xmlOf } from './wire-compare.js';

const known = JSON.parse(readFileSync(new URL('./known-differences.json', import.meta.url), 'utf8')) as {
  output: Record<string, string>;
  outputRoundTripOnly: Record<string, string>;
};
const REQUEST_ID = '11111111-2222-3333-4444-555555555555';
/** Headers the HTTP layer adds to every response, not the protocol serializer (checked in the gateway tests). */
const HTTP_LAYER_HEADERS = new Set(['content-length', 'date', 'x-amzn-requestid', 'x-amz-request-id', 'x-amz-id-2']);

async function bodyBytes(body: HttpResponse['body']): Promise<Buffer> {
  if (body === undefined) return Buffer.alloc(0);
  if (typeof body === 'string') return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  const chunks: Buffer[] = [];
  for await (const c of body as Readable) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

function serialize(lc: LoadedCase): HttpResponse {
  const proto = protocolByName(protocolNameForStem(lc.stem));
  if (lc.c.errorCode !== undefined) {
    const shape = lc.op.service.errorShapes.get(lc.c.errorCode);
    const fields = shape ? (toHandlerValue(shape, lc.c.error ?? {}) as Record<string, unknown>) : {};
    const msg = messageMember(shape);
    if (msg) delete fields[msg.name];
    const err = new ServiceError(shape?.name ?? lc.c.errorCode, lc.c.errorMessage ?? '', { fields });
    return proto.serializeError(lc.op.service, lc.op, err, { requestId: REQUEST_ID });
  }
  const value = lc.op.output ? (toHandlerValue(lc.op.output, lc.c.result ?? {}) as Record<string, unknown>) : {};
  return proto.serializeOutput(lc.op, value, { requestId: REQUEST_ID });
}

function headerOf(res: HttpResponse, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

const isEventStream = (lc: LoadedCase) => !!lc.op.output?.members.some((m) => m.shape.eventstream);

/** Event streams compare frame by frame: headers (content types by family) and canonical payloads. */
function expectSameFrames(actual: Buffer, want: Buffer): void {
  const a = decodeFrames(actual);
  const w = decodeFrames(want);
  expect(a.length, 'frame count').toBe(w.length);
  const family = (t: string) => (/json/.test(t) ? 'json' : /xml/.test(t) ? 'xml' : t);
  a.forEach((fa, i) => {
    const fw = w[i]!;
    const type = String(fw.headers[':content-type']?.value ?? '');
    const norm = (f: typeof fa) => Object.fromEntries(Object.entries(f.headers).map(([k, h]) => [k, k === ':content-type' ? family(String(h.value)) : h.value]));
    expect(norm(fa), `frame ${i} headers`).toEqual(norm(fw));
    if (family(type) === 'json') {
      expect(JSON.parse(fa.payload.toString()), `frame ${i} payload`).toEqual(JSON.parse(fw.payload.toString()));
    } else if (family(type) === 'xml') {
      // Hand-written legacy frames name the root differently from case to case; clients ignore it.
      expect({ ...xmlOf(fa.payload.toString()), name: '' }, `frame ${i} payload`).toEqual({ ...xmlOf(fw.payload.toString()), name: '' });
    } else {
      expect(fa.payload.toString('base64'), `frame ${i} payload`).toBe(fw.payload.toString('base64'));
    }
  });
}

const cases = haveVectors ? loadCases('output') : [];
const ignore = haveVectors ? loadIgnoreList() : undefined;
const serialized = new Map<string, { res: HttpResponse; body: Buffer } | Error>();
let oracle: Record<string, { parsed?: unknown; failure?: string }> | undefined;

beforeAll(async () => {
  for (const lc of cases) {
    try {
      const res = serialize(lc);
      serialized.set(lc.key, { res, body: await bodyBytes(res.body) });
    } catch (e) {
      serialized.set(lc.key, e as Error);
    }
  }
  const probe = spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    console.warn('python3 with botocore is not installed: the botocore round trips are skipped');
    return;
  }
  const batch = cases.flatMap((lc) => {
    const s = serialized.get(lc.key);
    if (!s || s instanceof Error) return [];
    const headers: Record<string, string> = {};
    for (const k of Object.keys(s.res.headers)) headers[k] = headerOf(s.res, k)!;
    return [{
      key: lc.key, errorCode: lc.c.errorCode, protocol: protocolNameForStem(lc.stem), metadata: lc.suite.metadata,
      shapes: lc.suite.shapes, operation: lc.c.given, status: s.res.statusCode, headers, body: s.body.toString('base64'),
    }];
  });
  const run = spawnSync('python3', [fileURLToPath(new URL('./botocore_oracle.py', import.meta.url))], { input: JSON.stringify(batch), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`botocore oracle failed: ${run.stderr}`);
  oracle = JSON.parse(run.stdout);
});

describe.skipIf(!haveVectors)('protocol vectors: response serialization', () => {
  for (const lc of cases) {
    const title = `${lc.key} ${lc.c.description ?? ''}`.trim();
    const reason = known.output[lc.key];
    if (reason) {
      it.skip(`${title} (${reason})`, () => {});
      continue;
    }
    const wireChecks = !known.outputRoundTripOnly[lc.key];
    it(title, () => {
      const s = serialized.get(lc.key)!;
      if (s instanceof Error) throw s;
      const { res, body } = s;
      const expected = lc.c.response!;
      expect(res.statusCode, 'status code').toBe(expected.status_code);
      if (wireChecks) checkWire(lc, res, body);
      if (oracle && !ignoredByBotocore(ignore!, lc, 'output')) checkRoundTrip(lc);
    });
  }
});

function checkWire(lc: LoadedCase, res: HttpResponse, body: Buffer): void {
  const expected = lc.c.response!;
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    if (HTTP_LAYER_HEADERS.has(name.toLowerCase())) continue;
    const actual = headerOf(res, name);
    expect(actual, `header ${name}`).toBeDefined();
    const ok = name.toLowerCase() === 'content-type'
      ? actual!.split(';')[0]!.trim() === value.split(';')[0]!.trim()
      : headerValuesMatch(value, actual!);
    expect(ok, `header ${name}: expected ${value}, got ${actual}`).toBe(true);
  }
  const want = expected.body ?? '';
  if (want === '') return;
  const protocol = protocolNameForStem(lc.stem);
  // The vectors give no message for some errors whose bodies carry one: the message is then not checked.
  const dropMessage = lc.c.errorCode !== undefined && lc.c.errorMessage === undefined;
  if (isEventStream(lc)) {
    expectSameFrames(body, Buffer.from(want, 'base64'));
  } else if (lc.stem.startsWith('smithy-rpc-v2-cbor')) {
    expect(canonicalDoc(cborOf(body), dropMessage), 'CBOR body').toEqual(canonicalDoc(cborOf(want), dropMessage));
  } else if ((protocol === 'json' || protocol === 'rest-json') && /^\s*[{[]/.test(want)) {
    expect(canonicalDoc(JSON.parse(body.toString('utf8') || 'null'), dropMessage), 'JSON body').toEqual(canonicalDoc(JSON.parse(want), dropMessage));
  } else if (want.trimStart().startsWith('<')) {
    const ours = xmlOf(body.toString('utf8'), dropMessage);
    const theirs = xmlOf(want, dropMessage);
    // botocore's hand-written legacy rest-xml cases name the root arbitrarily; their models give no name.
    if (lc.file.startsWith('legacy/') && protocol === 'rest-xml') ours.name = theirs.name;
    expect(ours, 'XML body').toEqual(theirs);
  } else {
    expect(body.toString('utf8'), 'body').toBe(want);
  }
}

function checkRoundTrip(lc: LoadedCase): void {
  const got = oracle![lc.key];
  expect(got?.failure, 'botocore could not parse the response').toBeUndefined();
  const parsed = got!.parsed as Record<string, unknown>;
  if (lc.c.errorCode === undefined) {
    expect(parsed, 'botocore round trip').toEqual(lc.c.result ?? {});
    return;
  }
  const err = parsed.Error as Record<string, unknown>;
  expect(err.Code, 'error code').toBe(lc.c.errorCode);
  if (lc.c.errorMessage !== undefined) expect(err.Message, 'error message').toBe(lc.c.errorMessage);
  const { Error: _e, ...members } = parsed;
  expect(members, 'error members').toEqual(lc.c.error ?? {});
}
