/**
 * Object Lock on versions: retention (GOVERNANCE, COMPLIANCE), legal holds, and what they do to
 * deletes, with Nimbus's clock moved past retention dates.
 */
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectLegalHoldCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { bucketName, expectS3Error } from '../core/helpers.js';
import { daysAfter, useClockedNimbus } from './helpers.js';

const n = useClockedNimbus({ start: new Date('2030-03-10T12:00:00Z') });
const locked = bucketName('lock');
const unlocked = bucketName('nolock');
const LOCKED_MESSAGE = 'Access Denied because object protected by object lock.';

async function newVersion(key: string): Promise<string> {
  return (await n.current.s3.send(new PutObjectCommand({ Bucket: locked, Key: key, Body: key }))).VersionId!;
}

describe('Object Lock on object versions', () => {
  beforeAll(async () => {
    await n.current.s3.send(new CreateBucketCommand({ Bucket: locked, ObjectLockEnabledForBucket: true }));
    await n.current.s3.send(new CreateBucketCommand({ Bucket: unlocked }));
    await n.current.s3.send(new PutObjectCommand({ Bucket: unlocked, Key: 'k', Body: 'k' }));
  });

  it('needs a bucket with Object Lock enabled', async () => {
    const { s3, clock } = n.current;
    const message = 'Bucket is missing Object Lock Configuration';
    await expectS3Error(s3.send(new PutObjectRetentionCommand({ Bucket: unlocked, Key: 'k', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: daysAfter(clock.now(), 1) } })), 'InvalidRequest', 400, message);
    await expectS3Error(s3.send(new GetObjectRetentionCommand({ Bucket: unlocked, Key: 'k' })), 'InvalidRequest', 400, message);
    await expectS3Error(s3.send(new PutObjectLegalHoldCommand({ Bucket: unlocked, Key: 'k', LegalHold: { Status: 'ON' } })), 'InvalidRequest', 400, message);
    await expectS3Error(s3.send(new GetObjectLegalHoldCommand({ Bucket: unlocked, Key: 'k' })), 'InvalidRequest', 400, message);
  });

  it('answers NoSuchObjectLockConfiguration for a version without retention or legal hold', async () => {
    const { s3 } = n.current;
    await newVersion('plain');
    const message = 'The specified object does not have a ObjectLock configuration';
    await expectS3Error(s3.send(new GetObjectRetentionCommand({ Bucket: locked, Key: 'plain' })), 'NoSuchObjectLockConfiguration', 404, message);
    await expectS3Error(s3.send(new GetObjectLegalHoldCommand({ Bucket: locked, Key: 'plain' })), 'NoSuchObjectLockConfiguration', 404, message);
    await expectS3Error(s3.send(new GetObjectRetentionCommand({ Bucket: locked, Key: 'absent' })), 'NoSuchKey', 404);
  });

  it('places GOVERNANCE retention, extends it freely, and shortens or removes it only with the bypass header', async () => {
    const { s3, clock } = n.current;
    const v = await newVersion('gov');
    const until = daysAfter(clock.now(), 10);
    await s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'gov', VersionId: v, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: until } }));
    expect((await s3.send(new GetObjectRetentionCommand({ Bucket: locked, Key: 'gov' }))).Retention).toEqual({ Mode: 'GOVERNANCE', RetainUntilDate: until });
    expect(await s3.send(new HeadObjectCommand({ Bucket: locked, Key: 'gov' }))).toMatchObject({ ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: until });

    const later = daysAfter(clock.now(), 20);
    await s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'gov', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: later } }));
    const sooner = daysAfter(clock.now(), 5);
    await expectS3Error(s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'gov', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: sooner } })), 'AccessDenied', 403, LOCKED_MESSAGE);
    await expectS3Error(s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'gov', Retention: { Mode: 'COMPLIANCE', RetainUntilDate: later } })), 'AccessDenied', 403, LOCKED_MESSAGE);
    expect((await s3.send(new GetObjectRetentionCommand({ Bucket: locked, Key: 'gov' }))).Retention?.RetainUntilDate).toEqual(later);

    await s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'gov', BypassGovernanceRetention: true, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: sooner } }));
    expect((await s3.send(new GetObjectRetentionCommand({ Bucket: locked, Key: 'gov' }))).Retention?.RetainUntilDate).toEqual(sooner);
    await s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'gov', BypassGovernanceRetention: true, Retention: {} }));
    await expectS3Error(s3.send(new GetObjectRetentionCommand({ Bucket: locked, Key: 'gov' })), 'NoSuchObjectLockConfiguration', 404);
  });

  it('never shortens, removes or weakens COMPLIANCE retention, even with the bypass header', async () => {
    const { s3, clock } = n.current;
    await newVersion('comp');
    const until = daysAfter(clock.now(), 10);
    await s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'comp', Retention: { Mode: 'COMPLIANCE', RetainUntilDate: until } }));
    const attempts = [
      { Mode: 'COMPLIANCE' as const, RetainUntilDate: daysAfter(clock.now(), 1) },
      { Mode: 'GOVERNANCE' as const, RetainUntilDate: daysAfter(clock.now(), 30) },
      {},
    ];
    for (const Retention of attempts) {
      await expectS3Error(s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'comp', BypassGovernanceRetention: true, Retention })), 'AccessDenied', 403, LOCKED_MESSAGE);
    }
    const longer = daysAfter(clock.now(), 40);
    await s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'comp', Retention: { Mode: 'COMPLIANCE', RetainUntilDate: longer } }));
    expect((await s3.send(new GetObjectRetentionCommand({ Bucket: locked, Key: 'comp' }))).Retention).toEqual({ Mode: 'COMPLIANCE', RetainUntilDate: longer });
  });

  it('refuses a retain-until date in the past and malformed retention', async () => {
    const { s3, clock } = n.current;
    await newVersion('bad');
    await expectS3Error(
      s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'bad', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: daysAfter(clock.now(), -1) } })),
      'InvalidArgument',
      400,
      'The retain until date must be in the future!',
    );
    await expectS3Error(s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'bad', Retention: { Mode: 'GOVERNANCE' } })), 'MalformedXML', 400);
    await expectS3Error(s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'bad', Retention: { Mode: 'FOREVER' as never, RetainUntilDate: daysAfter(clock.now(), 1) } })), 'MalformedXML', 400);
    await expectS3Error(s3.send(new PutObjectLegalHoldCommand({ Bucket: locked, Key: 'bad', LegalHold: { Status: 'MAYBE' as never } })), 'MalformedXML', 400);
  });

  it('protects locked versions from deletion until the date passes, GOVERNANCE yielding to the bypass header', async () => {
    const { s3, clock } = n.current;
    const gov = await newVersion('del-gov');
    const comp = await newVersion('del-comp');
    await s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'del-gov', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: daysAfter(clock.now(), 3) } }));
    await s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'del-comp', Retention: { Mode: 'COMPLIANCE', RetainUntilDate: daysAfter(clock.now(), 3) } }));
    await expectS3Error(s3.send(new DeleteObjectCommand({ Bucket: locked, Key: 'del-gov', VersionId: gov })), 'AccessDenied', 403, LOCKED_MESSAGE);
    await expectS3Error(s3.send(new DeleteObjectCommand({ Bucket: locked, Key: 'del-comp', VersionId: comp, BypassGovernanceRetention: true })), 'AccessDenied', 403, LOCKED_MESSAGE);
    await s3.send(new DeleteObjectCommand({ Bucket: locked, Key: 'del-gov', VersionId: gov, BypassGovernanceRetention: true }));
    await expectS3Error(s3.send(new HeadObjectCommand({ Bucket: locked, Key: 'del-gov', VersionId: gov })), 'NotFound', 404);
    clock.set(daysAfter(clock.now(), 4));
    await s3.send(new DeleteObjectCommand({ Bucket: locked, Key: 'del-comp', VersionId: comp }));
  });

  it('holds a version with a legal hold until it is turned off, bypass or not', async () => {
    const { s3 } = n.current;
    const v = await newVersion('held');
    await s3.send(new PutObjectLegalHoldCommand({ Bucket: locked, Key: 'held', VersionId: v, LegalHold: { Status: 'ON' } }));
    expect((await s3.send(new GetObjectLegalHoldCommand({ Bucket: locked, Key: 'held' }))).LegalHold).toEqual({ Status: 'ON' });
    expect((await s3.send(new HeadObjectCommand({ Bucket: locked, Key: 'held' }))).ObjectLockLegalHoldStatus).toBe('ON');
    await expectS3Error(s3.send(new DeleteObjectCommand({ Bucket: locked, Key: 'held', VersionId: v, BypassGovernanceRetention: true })), 'AccessDenied', 403, LOCKED_MESSAGE);
    await s3.send(new PutObjectLegalHoldCommand({ Bucket: locked, Key: 'held', LegalHold: { Status: 'OFF' } }));
    expect((await s3.send(new GetObjectLegalHoldCommand({ Bucket: locked, Key: 'held', VersionId: v }))).LegalHold).toEqual({ Status: 'OFF' });
    await s3.send(new DeleteObjectCommand({ Bucket: locked, Key: 'held', VersionId: v }));
  });

  it('refuses Object Lock on delete markers', async () => {
    const { s3, clock } = n.current;
    await newVersion('marked');
    const marker = (await s3.send(new DeleteObjectCommand({ Bucket: locked, Key: 'marked' }))).VersionId!;
    await expectS3Error(s3.send(new PutObjectLegalHoldCommand({ Bucket: locked, Key: 'marked', LegalHold: { Status: 'ON' } })), 'MethodNotAllowed', 405);
    await expectS3Error(
      s3.send(new PutObjectRetentionCommand({ Bucket: locked, Key: 'marked', VersionId: marker, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: daysAfter(clock.now(), 1) } })),
      'MethodNotAllowed',
      405,
    );
    await expectS3Error(s3.send(new GetObjectRetentionCommand({ Bucket: locked, Key: 'marked', VersionId: marker })), 'MethodNotAllowed', 405);
  });
});
