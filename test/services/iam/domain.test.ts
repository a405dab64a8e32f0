import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextKeys } from '../../../src/services/iam/domain/context-keys.js';
import { encodeDocument, policySize } from '../../../src/services/iam/domain/documents.js';
import { paginate } from '../../../src/services/iam/domain/pagination.js';
import { qrCodePng } from '../../../src/services/iam/domain/qr-png.js';
import { qrMatrix } from '../../../src/services/iam/domain/qr.js';
import { mergeTags } from '../../../src/services/iam/domain/tags.js';

const hasZbar = spawnSync('zbarimg', ['--version']).status === 0;

describe('IAM domain helpers', () => {
  it('counts policy size without whitespace', () => {
    expect(policySize('{ "a" :\n\t"b" }')).toBe(9);
  });

  it('URL-encodes documents per RFC 3986', () => {
    expect(encodeDocument('{"a": "b*(c)!\'"}')).toBe('%7B%22a%22%3A%20%22b%2A%28c%29%21%27%22%7D');
  });

  it('pages sorted lists by key', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const first = paginate(items, (x) => x, undefined, 2);
    expect(first).toMatchObject({ items: ['a', 'b'], IsTruncated: true });
    const second = paginate(items, (x) => x, first.Marker, 2);
    expect(second.items).toEqual(['c', 'd']);
    // an item removed between pages does not shift the next page
    expect(paginate(['a', 'b', 'd', 'e'], (x) => x, second.Marker, 2)).toEqual({ items: ['e'], IsTruncated: false });
  });

  it('merges tags case-insensitively and caps them at 50', () => {
    expect(mergeTags([{ Key: 'Env', Value: 'a' }], [{ Key: 'env', Value: 'b' }])).toEqual([{ Key: 'env', Value: 'b' }]);
    expect(() => mergeTags(Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: '' })), [{ Key: 'one-more', Value: '' }])).toThrow(/maximum/);
  });

  it('finds context keys in conditions and variables', () => {
    const doc = JSON.stringify({ Statement: { Effect: 'Allow', Action: '*', Resource: '${aws:PrincipalTag/team}', Condition: { StringLike: { 'ec2:ResourceTag/x': '*' } } } });
    expect(contextKeys([doc])).toEqual(['aws:PrincipalTag/team', 'ec2:ResourceTag/x']);
  });

  it('builds QR codes of the sizes versions 1–14 have', () => {
    expect(qrMatrix('hi')).toHaveLength(21);
    expect(qrMatrix('x'.repeat(100))).toHaveLength(4 * 6 + 17);
    expect(qrMatrix('x'.repeat(300))).toHaveLength(4 * 13 + 17);
    expect(qrMatrix('x'.repeat(350))).toHaveLength(4 * 14 + 17);
    expect(() => qrMatrix('x'.repeat(400))).toThrow(/too long/);
  });

  it.skipIf(!hasZbar)('writes PNG QR codes a decoder reads back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-qr-'));
    for (const text of ['otpauth://totp/a@000000000000?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 'y'.repeat(250)]) {
      const file = join(dir, 'qr.png');
      writeFileSync(file, qrCodePng(text));
      expect(spawnSync('zbarimg', ['-q', '--raw', file], { encoding: 'utf8' }).stdout.trim()).toBe(text);
    }
  });
});
