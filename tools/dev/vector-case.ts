/** Dev aid: prints one protocol vector case and what Nimbus makes of it. Usage: npx tsx tools/dev/vector-case.ts input <key-substring>… */
import { inspect } from 'node:util';
import { protocolByName } from '../../src/protocol/protocols/index.js';
import { loadCases, normalize, protocolNameForStem } from '../../test/protocol/vectors.js';

const [kind, ...needles] = process.argv.slice(2) as ['input' | 'output', ...string[]];
for (const lc of loadCases(kind)) {
  if (!needles.some((n) => lc.key.endsWith(n))) continue;
  console.log('=====', lc.key);
  console.log(inspect({ given: lc.c.given, shapes: lc.suite.shapes, serialized: lc.c.serialized, params: lc.c.params, result: lc.c.result, response: lc.c.response }, { depth: 8 }));
  if (kind === 'input') {
    const s = lc.c.serialized!;
    const q = s.uri.indexOf('?');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.headers ?? {})) headers[k.toLowerCase()] = v;
    const req = { method: s.method ?? lc.c.given.http?.method ?? 'POST', path: q < 0 ? s.uri : s.uri.slice(0, q), rawQuery: q < 0 ? '' : s.uri.slice(q + 1), headers, host: s.host ?? 'example.com', body: Buffer.from(s.body ?? '', lc.stem.includes('cbor') ? 'base64' : 'utf8'), bodyStream: undefined };
    const proto = protocolByName(protocolNameForStem(lc.stem));
    try {
      const op = proto.resolveOperation(lc.op.service, req);
      console.log('op:', op?.name);
      if (op) console.log('parsed:', inspect(normalize(proto.parseInput(op, req)), { depth: 8 }));
    } catch (e) {
      console.log('threw', e);
    }
  }
}

if (kind === 'output') {
  const { ServiceError } = await import('../../src/shared/errors.js');
  const { toHandlerValue } = await import('../../test/protocol/vectors.js');
  for (const lc of loadCases('output')) {
    if (!needles.some((n) => lc.key.endsWith(n))) continue;
    const proto = protocolByName(protocolNameForStem(lc.stem));
    const res = lc.c.errorCode !== undefined
      ? proto.serializeError(lc.op.service, lc.op, new ServiceError(lc.op.service.errorShapes.get(lc.c.errorCode)?.name ?? lc.c.errorCode, lc.c.errorMessage ?? '', { fields: toHandlerValue(lc.op.service.errorShapes.get(lc.c.errorCode)!, lc.c.error ?? {}) as Record<string, unknown> }), { requestId: 'req-1' })
      : proto.serializeOutput(lc.op, toHandlerValue(lc.op.output!, lc.c.result ?? {}) as Record<string, unknown>, { requestId: 'req-1' });
    console.log('----- ours', lc.key, res.statusCode, res.headers);
    console.log(Buffer.isBuffer(res.body) && lc.stem.includes('cbor') ? res.body.toString('base64') : String(res.body ?? ''));
  }
}
