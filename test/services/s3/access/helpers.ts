/**
 * Unit-level harness for S3 authorization: an S3 store on an in-memory database, buckets and
 * configuration documents written straight into it, and the authorization table's checks
 * evaluated by the policy engine the way the gateway does (identity policies + the check's
 * bucket policy and ACL grants, the resource account, the request's condition keys).
 */
import { anonymousCaller, rootCaller, type Caller } from '../../../../src/auth/principal.js';
import { RequestConditions } from '../../../../src/gateway/conditions.js';
import { evaluate, parsePolicy, type AttachedPolicy, type Decision } from '../../../../src/iam/index.js';
import type { AccessCheck, AuthorizationScope, SignedRequestView } from '../../../../src/services/service.js';
import { authorization } from '../../../../src/services/s3/authorization.js';
import { deleteObjectChecks } from '../../../../src/services/s3/domain/access/rules.js';
import type { Operations } from '../../../../src/services/s3/generated/operations.js';
import { createStore, migrations, type S3Store } from '../../../../src/services/s3/store.js';
import type { Bucket, ConfigKind } from '../../../../src/services/s3/store/buckets.js';
import { systemClock } from '../../../../src/shared/clock.js';
import { createLogger } from '../../../../src/shared/logger.js';
import { Database } from '../../../../src/storage/index.js';
import { MemoryBlobStore } from '../../../../src/storage/blobs.js';

export const OWNER = '000000000000';
export const OTHER = '111111111111';

export function newStore(): S3Store {
  const db = new Database();
  db.migrate('s3', migrations);
  return createStore({ db, blobs: new MemoryBlobStore(), clock: systemClock, log: createLogger('silent') });
}

export async function addBucket(store: S3Store, name: string, accountId = OWNER, configs: Partial<Record<ConfigKind, unknown>> = {}): Promise<Bucket> {
  return store.transaction(() => {
    const bucket = store.buckets.insert({ name, accountId, region: 'us-east-1', createdAt: new Date(), versioning: undefined, mfaDelete: undefined, objectLockEnabled: false });
    for (const [kind, doc] of Object.entries(configs)) store.configs.put(bucket, kind as ConfigKind, doc);
    return bucket;
  });
}

export async function setConfig(store: S3Store, bucket: string, kind: ConfigKind, doc: unknown): Promise<void> {
  await store.transaction(() => store.configs.put(store.buckets.get(bucket)!, kind, doc));
}

export function userCaller(name: string, accountId = OWNER): Caller {
  return { type: 'user', arn: `arn:aws:iam::${accountId}:user/${name}`, accountId, userId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`, username: name, tags: {}, policyHolder: { kind: 'user', name } };
}

export const ownerRoot = rootCaller(OWNER);
export const otherRoot = rootCaller(OTHER);
export const anonymous = anonymousCaller(OWNER);

export function identity(...statements: Record<string, unknown>[]): AttachedPolicy {
  return { policy: parsePolicy(JSON.stringify({ Version: '2012-10-17', Statement: statements }), 'identity'), source: { type: 'identity', name: 'test' } };
}

export function bucketPolicy(...statements: Record<string, unknown>[]): { text: string } {
  return { text: JSON.stringify({ Version: '2012-10-17', Statement: statements }) };
}

const signedView: SignedRequestView = { header: () => undefined, signedBy: 'header', algorithm: 'AWS4-HMAC-SHA256' };
const unsignedView: SignedRequestView = { header: () => undefined, signedBy: undefined, algorithm: undefined };

export interface Outcome {
  checks: readonly AccessCheck[];
  decisions: Decision[];
  /** Every check allowed (true when there is no check at all). */
  allowed: boolean;
}

/** A signed request's view: how it was signed and its headers. */
export function requestView(signedBy: 'header' | 'query', headers: Record<string, string> = {}): SignedRequestView {
  return { header: (name) => headers[name], signedBy, algorithm: 'AWS4-HMAC-SHA256' };
}

/**
 * What the authorization table asks for `operation` and what the engine decides for each check.
 * `sourceIp` feeds aws:SourceIp; `request` replaces the default (signed with a header).
 */
export function authorize<K extends keyof Operations>(
  store: S3Store,
  operation: K,
  input: Operations[K]['input'],
  caller: Caller,
  own: AttachedPolicy[] = [],
  options: { sourceIp?: string; request?: SignedRequestView } = {},
): Outcome {
  const rule = authorization[operation];
  const sourceIp = options.sourceIp ?? '127.0.0.1';
  const request = options.request ?? (caller.type === 'anonymous' ? unsignedView : signedView);
  const scope: AuthorizationScope = { accountId: caller.accountId, region: 'us-east-1', partition: 'aws', caller, request };
  const checks = rule.access!(input, scope, store);
  const context = new RequestConditions({
    caller,
    region: 'us-east-1',
    secureTransport: false,
    sourceIp: () => sourceIp,
    now: () => Date.now(),
    userAgent: () => undefined,
    operationKeys: () => rule.conditions?.(input, scope, store) ?? [],
  });
  const decisions = checks.map((c) =>
    evaluate(
      { principal: caller, action: c.action, resource: c.resource, resourceAccount: c.account, context },
      { identity: caller.type === 'root' || caller.type === 'anonymous' ? [] : own, resource: c.policy, resourceGrants: c.grants },
    ),
  );
  return { checks, decisions, allowed: decisions.every((d) => d.allowed) };
}

/** The scope a handler builds for its own checks (no signed-request view: only the caller matters). */
export function scopeOf(caller: Caller): AuthorizationScope {
  return { accountId: caller.accountId, region: 'us-east-1', partition: 'aws', caller };
}

/**
 * What DeleteObjects' handler asks for each key (deleteObjectChecks) and what the engine decides,
 * one Outcome per key; every key allowed without checks when nothing could deny them.
 */
export function perKey(store: S3Store, input: Operations['DeleteObjects']['input'], caller: Caller, own: AttachedPolicy[]): Outcome[] {
  const checksFor = deleteObjectChecks(input, scopeOf(caller), store);
  return input.Delete.Objects.map((o) => {
    const checks = checksFor ? checksFor(o) : [];
    const context = new RequestConditions({ caller, region: 'us-east-1', secureTransport: false, sourceIp: () => '127.0.0.1', now: () => Date.now(), userAgent: () => undefined, operationKeys: () => [] });
    const decisions = checks.map((c) =>
      evaluate(
        { principal: caller, action: c.action, resource: c.resource, resourceAccount: c.account, context },
        { identity: caller.type === 'root' || caller.type === 'anonymous' ? [] : own, resource: c.policy, resourceGrants: c.grants },
      ),
    );
    return { checks, decisions, allowed: decisions.every((d) => d.allowed) };
  });
}
