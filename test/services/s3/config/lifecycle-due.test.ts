/** domain/lifecycle.ts: what a lifecycle configuration does to an object version or upload, and when. */
import { describe, expect, it } from 'vitest';
import { dueAfterDays, lifecycleActionsDue, type LifecycleItem } from '../../../../src/services/s3/domain/lifecycle.js';
import type { LifecycleRule } from '../../../../src/services/s3/generated/types.js';

const at = (iso: string) => new Date(iso);
const version = (over: Partial<Extract<LifecycleItem, { kind: 'version' }>> = {}): LifecycleItem => ({
  kind: 'version',
  key: 'logs/a.txt',
  size: 100,
  tags: {},
  lastModified: at('2026-01-01T15:30:00Z'),
  isLatest: true,
  isDeleteMarker: false,
  ...over,
});

describe('dueAfterDays', () => {
  it('rounds up to the next midnight UTC', () => {
    expect(dueAfterDays(at('2026-01-01T15:30:00Z'), 1)).toEqual(at('2026-01-03T00:00:00Z'));
    expect(dueAfterDays(at('2026-01-01T00:00:00Z'), 1)).toEqual(at('2026-01-02T00:00:00Z'));
  });
});

describe('lifecycleActionsDue', () => {
  const expire: LifecycleRule = { ID: 'expire', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 1 } };

  it('expires the current version once its day has come, not before', () => {
    expect(lifecycleActionsDue([expire], version(), at('2026-01-02T23:59:59Z'))).toEqual([]);
    expect(lifecycleActionsDue([expire], version(), at('2026-01-03T00:00:00Z'))).toEqual([{ action: 'expire-current', ruleId: 'expire', dueAt: at('2026-01-03T00:00:00Z') }]);
  });

  it('applies only enabled rules whose prefix, tags and size match', () => {
    const now = at('2027-01-01T00:00:00Z');
    expect(lifecycleActionsDue([{ ...expire, Status: 'Disabled' }], version(), now)).toEqual([]);
    expect(lifecycleActionsDue([expire], version({ key: 'data/a.txt' }), now)).toEqual([]);
    const tagged: LifecycleRule = { ID: 't', Status: 'Enabled', Filter: { And: { Prefix: 'logs/', Tags: [{ Key: 'tier', Value: 'cold' }], ObjectSizeGreaterThan: 99 } }, Expiration: { Days: 1 } };
    expect(lifecycleActionsDue([tagged], version({ tags: { tier: 'cold' } }), now)).toHaveLength(1);
    expect(lifecycleActionsDue([tagged], version({ tags: { tier: 'hot' } }), now)).toEqual([]);
    expect(lifecycleActionsDue([tagged], version({ tags: { tier: 'cold' }, size: 99 }), now)).toEqual([]);
    expect(lifecycleActionsDue([tagged], version({ isDeleteMarker: true, isLatest: false }), now)).toEqual([]);
  });

  it('expires noncurrent versions after NoncurrentDays, keeping NewerNoncurrentVersions of them', () => {
    const rule: LifecycleRule = { ID: 'nc', Status: 'Enabled', Filter: {}, NoncurrentVersionExpiration: { NoncurrentDays: 2, NewerNoncurrentVersions: 2 } };
    const old = (newer: number) => version({ isLatest: false, noncurrentSince: at('2026-02-01T10:00:00Z'), newerNoncurrentVersions: newer });
    const now = at('2026-02-04T00:00:00Z');
    expect(lifecycleActionsDue([rule], old(1), now)).toEqual([]);
    expect(lifecycleActionsDue([rule], old(2), now)).toEqual([{ action: 'expire-noncurrent', ruleId: 'nc', dueAt: at('2026-02-04T00:00:00Z') }]);
    expect(lifecycleActionsDue([rule], old(2), at('2026-02-03T23:00:00Z'))).toEqual([]);
  });

  it('removes an expired delete marker only when no version is left behind it', () => {
    const rule: LifecycleRule = { ID: 'dm', Status: 'Enabled', Filter: {}, Expiration: { ExpiredObjectDeleteMarker: true } };
    const marker = (onlyVersionLeft: boolean) => version({ isDeleteMarker: true, onlyVersionLeft });
    const now = at('2026-03-01T00:00:00Z');
    expect(lifecycleActionsDue([rule], marker(true), now)).toEqual([{ action: 'remove-delete-marker', ruleId: 'dm', dueAt: now }]);
    expect(lifecycleActionsDue([rule], marker(false), now)).toEqual([]);
  });

  it('aborts incomplete uploads DaysAfterInitiation after they began', () => {
    const rule: LifecycleRule = { ID: 'mpu', Status: 'Enabled', Filter: { Prefix: 'logs/' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } };
    const upload: LifecycleItem = { kind: 'upload', key: 'logs/big.bin', initiated: at('2026-01-01T08:00:00Z') };
    expect(lifecycleActionsDue([rule], upload, at('2026-01-08T23:00:00Z'))).toEqual([]);
    expect(lifecycleActionsDue([rule], upload, at('2026-01-09T00:00:00Z'))).toEqual([{ action: 'abort-upload', ruleId: 'mpu', dueAt: at('2026-01-09T00:00:00Z') }]);
  });

  it('reports the latest transition due, and Date-based expiration', () => {
    const rule: LifecycleRule = {
      ID: 'tier',
      Status: 'Enabled',
      Filter: {},
      Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }, { Days: 90, StorageClass: 'GLACIER' }],
      Expiration: { Date: at('2026-06-01T00:00:00Z') },
    };
    expect(lifecycleActionsDue([rule], version(), at('2026-03-01T00:00:00Z'))).toEqual([{ action: 'transition', ruleId: 'tier', dueAt: at('2026-02-01T00:00:00Z'), storageClass: 'STANDARD_IA' }]);
    expect(lifecycleActionsDue([rule], version(), at('2026-06-01T00:00:00Z'))).toEqual([
      { action: 'expire-current', ruleId: 'tier', dueAt: at('2026-06-01T00:00:00Z') },
      { action: 'transition', ruleId: 'tier', dueAt: at('2026-04-02T00:00:00Z'), storageClass: 'GLACIER' },
    ]);
  });
});
