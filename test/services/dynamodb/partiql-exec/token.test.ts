/** The NextToken codec (pure): round trip, binding, and the two refusals. */
import { describe, expect, it } from 'vitest';
import { isServiceError } from '../../../../src/shared/errors.js';
import { decodeNextToken, encodeNextToken, statementBinding } from '../../../../src/services/dynamodb/domain/partiql-exec-token.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    if (isServiceError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('expected an error');
}

describe('PartiQL NextToken', () => {
  const binding = statementBinding(`SELECT * FROM "t" WHERE pk = ?`, [{ S: 'a' }]);

  it('round-trips a position with S, N and B key values', () => {
    const startKey = { pk: { S: 'a' }, sk: { N: '12.5' }, gk: { B: new Uint8Array([0, 255, 7]) } };
    const token = encodeNextToken(binding, { part: 3, startKey });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeNextToken(token, binding)).toEqual({ part: 3, startKey });
    expect(decodeNextToken(encodeNextToken(binding, { part: 0 }), binding)).toEqual({ part: 0 });
  });

  it('binds to the statement text and parameters, not to anything else', () => {
    expect(statementBinding(`SELECT * FROM "t" WHERE pk = ?`, [{ S: 'a' }])).toBe(binding);
    expect(statementBinding(`SELECT * FROM "t" WHERE pk = ?`, [{ S: 'b' }])).not.toBe(binding);
    expect(statementBinding(`SELECT * FROM "t"  WHERE pk = ?`, [{ S: 'a' }])).not.toBe(binding);
    const other = encodeNextToken(statementBinding(`SELECT * FROM "u"`, undefined), { part: 0 });
    expect(messageOf(() => decodeNextToken(other, binding))).toBe('ValidationException: NextToken does not match request');
  });

  it('refuses what it cannot read', () => {
    const invalid = 'ValidationException: Invalid NextToken';
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const token of ['', 'a b', '!!!', b64([1]), b64({ v: 2, h: binding, p: 0 }), b64({ v: 1, h: binding, p: -1 }), b64({ v: 1, h: binding, p: 0, k: { pk: ['X', 'a'] } }), b64({ v: 1, h: binding, p: 0, k: [] })]) {
      expect(messageOf(() => decodeNextToken(token, binding)), token).toBe(invalid);
    }
  });
});
