/**
 * S3's storage: bucket rows and configuration documents (store/buckets.ts), objects, versions
 * and multipart uploads (store/objects.ts). Object bytes live in the BlobStore, named by random
 * ids, never by keys.
 */
import type { BlobStore, Database, Migration } from '../../storage/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { ServiceEnvironment } from '../service.js';
import { BucketConfigTable, BucketTable } from './store/buckets.js';
import { bucketMigrations } from './store/schema.js';

export const migrations: readonly Migration[] = [...bucketMigrations];

export class S3Store {
  readonly buckets: BucketTable;
  readonly configs: BucketConfigTable;

  constructor(
    readonly db: Database,
    readonly blobs: BlobStore,
    readonly clock: Clock,
    readonly log: Logger,
  ) {
    this.buckets = new BucketTable(db);
    this.configs = new BucketConfigTable(db);
  }

  /** Runs `fn` atomically and durably (one group-committed transaction). */
  transaction<T>(fn: () => T): Promise<T> {
    return this.db.write(fn);
  }
}

export function createStore(env: ServiceEnvironment): S3Store {
  return new S3Store(env.db, env.blobs, env.clock, env.log);
}
