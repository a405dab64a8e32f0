/**
 * Calls the bucket configuration handlers directly on a real S3Store (in-memory SQLite), with
 * buckets inserted into the store: for the logic that needs no HTTP, and for bucket states the
 * API reaches only slowly (another account's bucket, Object Lock without versioning …).
 */
import { rootCaller, anonymousCaller, type Caller } from '../../../../src/auth/principal.js';
import { configHandlers } from '../../../../src/services/s3/handlers/config.js';
import type { Operations } from '../../../../src/services/s3/generated/operations.js';
import { createStore, migrations, type S3Store } from '../../../../src/services/s3/store.js';
import type { Bucket } from '../../../../src/services/s3/store/buckets.js';
import type { OperationContext } from '../../../../src/services/service.js';
import { createLogger } from '../../../../src/shared/logger.js';
import { ServiceError } from '../../../../src/shared/errors.js';
import { Database } from '../../../../src/storage/index.js';
import { MemoryBlobStore } from '../../../../src/storage/blobs.js';

export const OWNER = '111111111111';
export const OTHER = '222222222222';

export interface Harness {
  store: S3Store;
  /** Inserts a bucket owned by `accountId` (default OWNER). */
  bucket(name: string, options?: Partial<Omit<Bucket, 'id' | 'name'>>): Promise<Bucket>;
  /** Calls a configuration handler as `caller` (default: OWNER's root). */
  call<K extends keyof Operations>(op: K, input: Operations[K]['input'], caller?: Caller): Promise<Operations[K]['output']>;
  /** The ServiceError a call fails with. */
  failure<K extends keyof Operations>(op: K, input: Operations[K]['input'], caller?: Caller): Promise<ServiceError>;
}

export function harness(now = () => new Date('2026-01-15T12:00:00Z')): Harness {
  const db = new Database();
  db.migrate('s3', migrations);
  const log = createLogger('silent');
  const store = createStore({ db, blobs: new MemoryBlobStore(), clock: { now }, log });
  const ctxFor = (op: string, caller: Caller): OperationContext<S3Store> =>
    ({
      requestId: 'req-1',
      accountId: caller.accountId,
      region: 'us-east-1',
      caller,
      operation: op,
      now,
      store,
      log,
      defaultAccountId: OWNER,
      globalConditions: () => new Map(),
      isPermitted: () => true,
    }) as unknown as OperationContext<S3Store>;
  const call = async <K extends keyof Operations>(op: K, input: Operations[K]['input'], caller: Caller = rootCaller(OWNER)) => {
    const handler = configHandlers[op];
    if (!handler) throw new Error(`no config handler for ${op}`);
    return (await handler(input, ctxFor(op, caller))) as Operations[K]['output'];
  };
  return {
    store,
    bucket: (name, options = {}) =>
      store.transaction(() =>
        store.buckets.insert({
          name,
          accountId: options.accountId ?? OWNER,
          region: options.region ?? 'us-east-1',
          createdAt: now(),
          versioning: options.versioning,
          mfaDelete: options.mfaDelete,
          objectLockEnabled: options.objectLockEnabled ?? false,
        }),
      ),
    call,
    async failure(op, input, caller) {
      try {
        await call(op, input, caller);
      } catch (e) {
        if (e instanceof ServiceError) return e;
        throw e;
      }
      throw new Error(`expected ${String(op)} to fail`);
    },
  };
}

export { anonymousCaller, rootCaller };
