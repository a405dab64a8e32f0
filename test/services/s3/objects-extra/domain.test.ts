/** The pure rules behind the object subresources and the sweep: expiry headers, transitions, Object Lock, restore, attribute pages. */
import { describe, expect, it } from 'vitest';
import { objectPartsPage, requestedAttributes } from '../../../../src/services/s3/domain/attributes.js';
import { expirationHeader } from '../../../../src/services/s3/domain/lifecycle-expiration.js';
import { transitionAllowed } from '../../../../src/services/s3/domain/lifecycle-transitions.js';
import { checkRetentionChange, checkVersionDeletable, requestedRetention } from '../../../../src/services/s3/domain/object-lock-rules.js';
import { restoreFor } from '../../../../src/services/s3/domain/restore.js';
import type { ObjectPart, ObjectRecord, ObjectRetention } from '../../../../src/services/s3/store/object-records.js';

const at = (iso: string) => new Date(iso);

function record(over: Partial<ObjectRecord> = {}): ObjectRecord {
  return {
    id: 1,
    bucketId: 1,
    key: 'logs/a.txt',
    versionId: 'null',
    isLatest: true,
    deleteMarker: false,
    lastModified: at('2030-01-15T10:30:00Z'),
    size: 10,
    etag: 'e',
    storageClass: 'STANDARD',
    ownerAccountId: '000000000000',
    blobId: undefined,
    partsCount: undefined,
    checksum: undefined,
    attributes: {},
    ...over,
  };
}

/** What the stored lifecycle document looks like (dates as JSON strings). */
const stored = (Rules: unknown[]) => JSON.parse(JSON.stringify({ Rules, TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K' }));

describe('expirationHeader (x-amz-expiration)', () => {
  it("shows AWS's example: created 1/15 10:30 UTC with 3 days expires 1/19 00:00 UTC", () => {
    const header = expirationHeader(stored([{ ID: 'picture-deletion-rule', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 3 } }]), record());
    expect(header).toBe('expiry-date="Sat, 19 Jan 2030 00:00:00 GMT", rule-id="picture-deletion-rule"');
  });

  it('picks the earliest applicable rule and ignores disabled, non-matching and noncurrent rules', () => {
    const rules = stored([
      { ID: 'late', Status: 'Enabled', Filter: {}, Expiration: { Date: at('2031-01-01T00:00:00Z') } },
      { ID: 'off', Status: 'Disabled', Filter: {}, Expiration: { Days: 1 } },
      { ID: 'elsewhere', Status: 'Enabled', Filter: { Prefix: 'data/' }, Expiration: { Days: 1 } },
      { ID: 'tagged', Status: 'Enabled', Filter: { Tag: { Key: 'temp', Value: 'yes' } }, Expiration: { Days: 2 } },
      { ID: 'noncurrent', Status: 'Enabled', Filter: {}, NoncurrentVersionExpiration: { NoncurrentDays: 1 } },
    ]);
    expect(expirationHeader(rules, record())).toBe('expiry-date="Wed, 01 Jan 2031 00:00:00 GMT", rule-id="late"');
    expect(expirationHeader(rules, record({ attributes: { tags: [{ Key: 'temp', Value: 'yes' }] } }))).toBe('expiry-date="Fri, 18 Jan 2030 00:00:00 GMT", rule-id="tagged"');
    expect(expirationHeader(rules, record({ deleteMarker: true }))).toBeUndefined();
    expect(expirationHeader(undefined, record())).toBeUndefined();
  });
});

describe('transitionAllowed', () => {
  const big = 200 * 1024;
  it('only goes down the waterfall', () => {
    expect(transitionAllowed('STANDARD', 'STANDARD_IA', big, undefined, undefined)).toBe(true);
    expect(transitionAllowed('GLACIER', 'STANDARD_IA', big, undefined, undefined)).toBe(false);
    expect(transitionAllowed('GLACIER', 'GLACIER', big, undefined, undefined)).toBe(false);
    expect(transitionAllowed('STANDARD_IA', 'DEEP_ARCHIVE', big, undefined, undefined)).toBe(true);
  });

  it('keeps objects under 128 KiB unless the bucket or the rule says otherwise', () => {
    expect(transitionAllowed('STANDARD', 'GLACIER', 1000, undefined, 'all_storage_classes_128K')).toBe(false);
    expect(transitionAllowed('STANDARD', 'GLACIER', 1000, undefined, 'varies_by_storage_class')).toBe(true);
    expect(transitionAllowed('STANDARD', 'STANDARD_IA', 1000, undefined, 'varies_by_storage_class')).toBe(false);
    const sized = { ID: 's', Status: 'Enabled' as const, Filter: { ObjectSizeGreaterThan: 10 } };
    expect(transitionAllowed('STANDARD', 'STANDARD_IA', 1000, sized, 'all_storage_classes_128K')).toBe(true);
  });
});

describe('Object Lock rules', () => {
  const now = at('2030-01-01T00:00:00Z');
  const gov: ObjectRetention = { Mode: 'GOVERNANCE', RetainUntilDate: '2030-02-01T00:00:00.000Z' };
  const comp: ObjectRetention = { Mode: 'COMPLIANCE', RetainUntilDate: '2030-02-01T00:00:00.000Z' };
  const later = (Mode: 'GOVERNANCE' | 'COMPLIANCE') => ({ Mode, RetainUntilDate: '2030-03-01T00:00:00.000Z' });
  const sooner = (Mode: 'GOVERNANCE' | 'COMPLIANCE') => ({ Mode, RetainUntilDate: '2030-01-15T00:00:00.000Z' });
  const code = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it('lets anyone extend, and only the bypass header change GOVERNANCE otherwise', () => {
    expect(code(() => checkRetentionChange(gov, later('GOVERNANCE'), { bypassGovernance: false, now }))).toBe('ok');
    expect(code(() => checkRetentionChange(gov, sooner('GOVERNANCE'), { bypassGovernance: false, now }))).toBe('AccessDenied');
    expect(code(() => checkRetentionChange(gov, undefined, { bypassGovernance: false, now }))).toBe('AccessDenied');
    expect(code(() => checkRetentionChange(gov, sooner('GOVERNANCE'), { bypassGovernance: true, now }))).toBe('ok');
    expect(code(() => checkRetentionChange(gov, undefined, { bypassGovernance: true, now }))).toBe('ok');
  });

  it('never lets COMPLIANCE be shortened, removed or weakened while in force', () => {
    expect(code(() => checkRetentionChange(comp, later('COMPLIANCE'), { bypassGovernance: false, now }))).toBe('ok');
    for (const next of [sooner('COMPLIANCE'), later('GOVERNANCE'), undefined]) {
      expect(code(() => checkRetentionChange(comp, next, { bypassGovernance: true, now }))).toBe('AccessDenied');
    }
    // Once the date has passed, anything goes.
    expect(code(() => checkRetentionChange(comp, undefined, { bypassGovernance: false, now: at('2030-02-01T00:00:00Z') }))).toBe('ok');
  });

  it('reads a retention request, or a removal', () => {
    expect(requestedRetention({ Mode: 'GOVERNANCE', RetainUntilDate: at('2030-01-02T00:00:00Z') }, now)).toEqual({ Mode: 'GOVERNANCE', RetainUntilDate: '2030-01-02T00:00:00.000Z' });
    expect(requestedRetention({}, now)).toBeUndefined();
    expect(code(() => requestedRetention({ Mode: 'GOVERNANCE', RetainUntilDate: now }, now))).toBe('InvalidArgument');
    expect(code(() => requestedRetention(undefined, now))).toBe('MalformedXML');
  });

  it('checkVersionDeletable refuses held and retained versions, never delete markers', () => {
    const check = (r: ObjectRecord, bypassGovernance = false) => code(() => checkVersionDeletable(r, { bypassGovernance, now }));
    expect(check(record())).toBe('ok');
    expect(check(record({ attributes: { legalHold: 'ON' } }), true)).toBe('AccessDenied');
    expect(check(record({ attributes: { legalHold: 'OFF' } }))).toBe('ok');
    expect(check(record({ attributes: { retention: gov } }))).toBe('AccessDenied');
    expect(check(record({ attributes: { retention: gov } }), true)).toBe('ok');
    expect(check(record({ attributes: { retention: comp } }), true)).toBe('AccessDenied');
    expect(check(record({ deleteMarker: true, attributes: { legalHold: 'ON' } }))).toBe('ok');
  });
});

describe('restoreFor', () => {
  const now = at('2030-01-15T10:30:00Z');
  it('starts a restore (202) with the expiry at the midnight after Days days, and renews an existing copy (200)', () => {
    const glacier = record({ storageClass: 'GLACIER' });
    expect(restoreFor(glacier, { Days: 3 }, now)).toEqual({ status: 202, restore: { ongoing: false, expiry: '2030-01-19T00:00:00.000Z' } });
    const restored = record({ storageClass: 'GLACIER', attributes: { restore: { ongoing: false, expiry: '2030-01-19T00:00:00.000Z' } } });
    expect(restoreFor(restored, { Days: 1 }, now).status).toBe(200);
    // An expired copy is gone: restoring again is a new restore.
    expect(restoreFor(restored, { Days: 1 }, at('2030-01-19T00:00:00Z')).status).toBe(202);
  });

  it('refuses what AWS refuses', () => {
    const fails = (r: ObjectRecord, days: number | undefined) => {
      try {
        restoreFor(r, days === undefined ? {} : { Days: days }, now);
        return 'ok';
      } catch (e) {
        return `${(e as { code: string }).code} ${(e as { statusCode: number }).statusCode}`;
      }
    };
    expect(fails(record(), 1)).toBe('InvalidObjectState 403');
    expect(fails(record({ storageClass: 'DEEP_ARCHIVE', attributes: { restore: { ongoing: true } } }), 1)).toBe('RestoreAlreadyInProgress 409');
    expect(fails(record({ storageClass: 'GLACIER' }), 0)).toBe('InvalidArgument 400');
    expect(fails(record({ storageClass: 'GLACIER' }), undefined)).toBe('MalformedXML 400');
  });
});

describe('GetObjectAttributes pieces', () => {
  const parts: ObjectPart[] = [1, 2, 5].map((n, i) => ({ index: i + 1, partNumber: n, blobId: `b${n}`, size: n * 10, etag: 'e', checksum: `c${n}` }));
  const checksum = { algorithm: 'CRC32' as const, type: 'COMPOSITE' as const, value: 'AAAAAA==-3' };

  it('pages parts by part number', () => {
    expect(objectPartsPage(parts, checksum, { MaxParts: 2 })).toEqual({
      TotalPartsCount: 3,
      PartNumberMarker: 0,
      NextPartNumberMarker: 2,
      MaxParts: 2,
      IsTruncated: true,
      Parts: [
        { PartNumber: 1, Size: 10, ChecksumCRC32: 'c1' },
        { PartNumber: 2, Size: 20, ChecksumCRC32: 'c2' },
      ],
    });
    expect(objectPartsPage(parts, checksum, { PartNumberMarker: 2 })).toMatchObject({ NextPartNumberMarker: 5, IsTruncated: false, Parts: [{ PartNumber: 5 }] });
    expect(objectPartsPage(parts, undefined, {}).Parts).toBeUndefined();
  });

  it('checks attribute names', () => {
    expect([...requestedAttributes(['ETag', ' ObjectSize'])]).toEqual(['ETag', 'ObjectSize']);
    expect(() => requestedAttributes(['etag'])).toThrow('Invalid attribute name specified.');
    expect(() => requestedAttributes(undefined)).toThrow('Invalid attribute name specified.');
  });
});
