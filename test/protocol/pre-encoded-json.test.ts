/**
 * Pre-encoded JSON (src/protocol/codecs/pre-encoded-json.ts): a container value given as its wire
 * bytes is copied into the document as is, everything around it written as usual, and no string a
 * client sent can pass for a placeholder.
 */
import { describe, expect, it } from 'vitest';
import { jsonWriter } from '../../src/protocol/codecs/compiled-json.js';
import { PreEncodedJson } from '../../src/protocol/codecs/pre-encoded-json.js';
import { loadModel } from '../../src/protocol/model/load.js';

const dynamodb = loadModel('dynamodb');
const query = dynamodb.operations.get('Query')!;
const write = jsonWriter(query.output!);
const raw = (json: string) => new PreEncodedJson(Buffer.from(json, 'utf8'));

describe('pre-encoded JSON', () => {
  it('splices pre-encoded items between the members written as usual', () => {
    const items = [raw('{"pk":{"S":"a"},"n":{"N":"1"}}'), { pk: { S: 'b' } }, raw('{"pk":{"S":"é✓"}}')];
    const out = write({ Items: items, Count: 3, ScannedCount: 3 });
    expect(Buffer.isBuffer(out)).toBe(true);
    expect(JSON.parse(out.toString())).toEqual({ Items: [{ pk: { S: 'a' }, n: { N: '1' } }, { pk: { S: 'b' } }, { pk: { S: 'é✓' } }], Count: 3, ScannedCount: 3 });
  });

  it('writes text as before when nothing is pre-encoded', () => {
    const out = write({ Items: [{ pk: { S: 'x' } }], Count: 1, ScannedCount: 1 });
    expect(typeof out).toBe('string');
    expect(JSON.parse(out as string)).toEqual({ Items: [{ pk: { S: 'x' } }], Count: 1, ScannedCount: 1 });
  });

  it('writes a list whose items are all pre-encoded as one part, text when every item is text', () => {
    const text = (json: string) => new PreEncodedJson(json);
    const out = write({ Items: [text('{"pk":{"S":"a"}}'), text('{"pk":{"S":"é✓"}}')], Count: 2, ScannedCount: 2, LastEvaluatedKey: { pk: { S: 'a' } } });
    expect(typeof out).toBe('string');
    expect(out).toBe('{"Items":[{"pk":{"S":"a"}},{"pk":{"S":"é✓"}}],"Count":2,"ScannedCount":2,"LastEvaluatedKey":{"pk":{"S":"a"}}}');
    const mixed = write({ Items: [text('{"pk":{"S":"a"}}'), raw('{"pk":{"S":"b"}}')], Count: 2, ScannedCount: 2 });
    expect(Buffer.isBuffer(mixed)).toBe(true);
    expect(JSON.parse(mixed.toString()).Items).toEqual([{ pk: { S: 'a' } }, { pk: { S: 'b' } }]);
    expect(write({ Items: [text('{"pk":{"S":"only"}}')], Count: 1, ScannedCount: 1 })).toBe('{"Items":[{"pk":{"S":"only"}}],"Count":1,"ScannedCount":1}');
    expect(write({ Items: [], Count: 0, ScannedCount: 0 })).toBe('{"Items":[],"Count":0,"ScannedCount":0}');
  });

  it('leaves strings that look like placeholders alone', () => {
    const tricky = '\u00010:0\u0001';
    const out = write({ Items: [raw('{"a":{"S":"raw"}}'), { pk: { S: tricky } }], Count: 2, ScannedCount: 2 });
    expect(JSON.parse(out.toString()).Items).toEqual([{ a: { S: 'raw' } }, { pk: { S: tricky } }]);
  });

  it('starts each document afresh after a write that failed half-way', () => {
    expect(() => write({ Items: [raw('{"a":{"S":"1"}}'), { pk: { N: 1n as unknown as string } }], Count: 2, ScannedCount: 2 })).toThrow();
    const out = write({ Items: [raw('{"b":{"S":"2"}}')], Count: 1, ScannedCount: 1 });
    expect(JSON.parse(out.toString()).Items).toEqual([{ b: { S: '2' } }]);
  });
});
