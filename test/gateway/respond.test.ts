/** Answers that are complete wait for the end of the event loop's turn and go out together (respond.ts). */
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { answersWritten, writeResponse } from '../../src/gateway/respond.js';

function fakeResponse(refuseHeaders = false) {
  const log: string[] = [];
  const bodies: (string | Buffer | undefined)[] = [];
  const res = {
    headersSent: false,
    writeHead(status: number, headers?: Record<string, string>) {
      if (refuseHeaders && status !== 500) throw new TypeError('Invalid character in header content');
      res.headersSent = true;
      log.push(`head ${status} ${headers?.['content-length'] ?? ''}`);
      return res;
    },
    end(body?: string | Buffer) {
      bodies.push(body);
      log.push(`end ${body === undefined ? '' : body.toString()}`);
      return res;
    },
    destroy() {
      log.push('destroy');
    },
  };
  return { res: res as unknown as ServerResponse, log, bodies };
}

describe('writeResponse', () => {
  it('writes the answers of one turn after it, in the order they were given', async () => {
    const a = fakeResponse();
    const b = fakeResponse();
    writeResponse(a.res, { statusCode: 200, headers: {}, body: '{"a":1}' }, false, false);
    writeResponse(b.res, { statusCode: 404, headers: {}, body: Buffer.from('nope') }, false, false);
    expect([...a.log, ...b.log]).toEqual([]);
    await answersWritten();
    expect(a.log).toEqual(['head 200 7', 'end {"a":1}']);
    expect(b.log).toEqual(['head 404 4', 'end nope']);
  });

  it('answers HEAD without a body but with its length', async () => {
    const h = fakeResponse();
    writeResponse(h.res, { statusCode: 200, headers: {}, body: 'twelve bytes' }, true, false);
    await answersWritten();
    expect(h.log).toEqual(['head 200 12', 'end ']);
  });

  it('answers 500 when node:http refuses the headers, and still writes the others', async () => {
    const bad = fakeResponse(true);
    const good = fakeResponse();
    writeResponse(bad.res, { statusCode: 200, headers: { 'x-bad': 'a\nb' }, body: 'x' }, false, false);
    writeResponse(good.res, { statusCode: 200, headers: {}, body: 'ok' }, false, false);
    await answersWritten();
    expect(bad.log).toEqual(['head 500 ', 'end ']);
    expect(good.log).toEqual(['head 200 2', 'end ok']);
  });

  it('sends a large text answer as its UTF-8 bytes, ASCII or not, with their length', async () => {
    for (const text of ['{"a":"' + 'x'.repeat(40_000) + '"}', '{"a":"' + 'é✓😀'.repeat(10_000) + '"}']) {
      const big = fakeResponse();
      writeResponse(big.res, { statusCode: 200, headers: {}, body: text }, false, false);
      await answersWritten();
      const sent = big.bodies[0];
      expect(Buffer.isBuffer(sent)).toBe(true);
      expect((sent as Buffer).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(big.log[0]).toBe(`head 200 ${Buffer.byteLength(text)}`);
    }
  });
});
