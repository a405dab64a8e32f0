/**
 * Server-side request parsing against the AWS protocol compliance vectors: each case's serialized
 * request must route to its operation and parse back to its params.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { protocolByName } from '../../src/protocol/protocols/index.js';
import type { HttpRequest } from '../../src/protocol/protocols/types.js';
import { dropNullMembers, haveVectors, loadCases, normalize, protocolNameForStem, type LoadedCase } from './vectors.js';

const known = JSON.parse(readFileSync(new URL('./known-differences.json', import.meta.url), 'utf8')) as { input: Record<string, string> };

function requestFor(lc: LoadedCase): HttpRequest {
  const s = lc.c.serialized!;
  const q = s.uri.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.headers ?? {})) headers[k.toLowerCase()] = v;
  const body = s.body === undefined ? Buffer.alloc(0) : lc.stem.startsWith('smithy-rpc-v2-cbor') ? Buffer.from(s.body, 'base64') : Buffer.from(s.body, 'utf8');
  headers['content-length'] ??= String(body.length);
  // JSON cases that test host handling leave out the target header every JSON client sends.
  if (lc.stem.startsWith('json') && !headers['x-amz-target'] && lc.suite.metadata.targetPrefix !== undefined) {
    headers['x-amz-target'] = `${lc.suite.metadata.targetPrefix}.${lc.c.given.name}`;
  } else if (lc.stem.startsWith('json') && !headers['x-amz-target']) {
    headers['x-amz-target'] = `.${lc.c.given.name}`;
  }
  return {
    method: s.method ?? lc.c.given.http?.method ?? 'POST',
    path: q === -1 ? s.uri : s.uri.slice(0, q),
    rawQuery: q === -1 ? '' : s.uri.slice(q + 1),
    headers,
    host: s.host ?? 'example.com',
    body,
    bodyStream: undefined,
  };
}

/**
 * Empty lists, maps and structures often have no wire form at all (an empty query list, an absent
 * prefix-header map), so a server cannot tell them from unset: compare them as unset.
 */
function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropEmpty);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(v)) {
      const d = dropEmpty(e);
      if (d && typeof d === 'object' && (Array.isArray(d) ? d.length === 0 : Object.keys(d).length === 0)) continue;
      out[k] = d;
    }
    return out;
  }
  return v;
}

/**
 * A server fills a query-params map with every parameter (Smithy's server rule), so a client case
 * that leaves that member unset cannot expect it to stay unset.
 */
function dropUnsetParamsMaps(lc: LoadedCase, parsed: Record<string, unknown>): Record<string, unknown> {
  const out = { ...parsed };
  for (const m of lc.op.input?.members ?? []) {
    if (m.location === 'querystring' && m.shape.type === 'map' && !(m.name in (lc.c.params ?? {}))) delete out[m.name];
  }
  return out;
}

/** Removes idempotency tokens the client filled in that the case's params leave out. */
function stripAutoFilledTokens(lc: LoadedCase, parsed: Record<string, unknown>): Record<string, unknown> {
  const out = { ...parsed };
  for (const m of lc.op.input?.members ?? []) {
    if (m.idempotencyToken && !(m.name in (lc.c.params ?? {}))) delete out[m.name];
  }
  return out;
}

const cases = haveVectors ? loadCases('input') : [];

describe.skipIf(!haveVectors)('protocol vectors: request parsing', () => {
  for (const lc of cases) {
    const reason = known.input[lc.key];
    const unusable = lc.c.params === undefined ? 'the case has no params' : lc.c.serialized?.body === undefined && /gzip|ContentEncoding/i.test(lc.key + lc.suite.description) ? 'body is gzip output the vector does not give' : undefined;
    const title = `${lc.key} ${lc.c.description ?? ''}`.trim();
    if (reason || unusable) {
      it.skip(`${title} (${reason ?? unusable})`, () => {});
      continue;
    }
    it(title, () => {
      const proto = protocolByName(protocolNameForStem(lc.stem));
      const req = requestFor(lc);
      const op = proto.resolveOperation(lc.op.service, req);
      expect(op?.name).toBe(lc.op.name);
      const input = proto.parseInput(op!, req);
      const expected = normalize(dropNullMembers(lc.op.input, lc.c.params));
      expect(dropEmpty(normalize(dropUnsetParamsMaps(lc, stripAutoFilledTokens(lc, input))))).toEqual(dropEmpty(expected));
    });
  }
});
