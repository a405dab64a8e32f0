/**
 * S3's storage: bucket rows and configuration documents (store/buckets.ts), object versions
 * (store/objects.ts) and multipart uploads (store/uploads.ts). Object bytes live in the
 * BlobStore, named by random ids, never by keys; `reclaimer` deletes the blobs a committed write
 * left unreferenced.
 */
import type { BlobStore, Database, Migration } from '../../storage/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import type { ServiceEnvironment } from '../service.js';
import { BlobReclaimer } from './store/blob-reclaimer.js';
import { BucketConfigTable, BucketTable } from './store/buckets.js';
import { objectMigrations } from './store/object-schema.js';
import { ObjectTable } from './store/objects.js';
import { bucketMigrations } from './store/schema.js';
import { UploadTable } from './store/uploads.js';

export const migrations: readonly Migration[] = [...bucketMigrations, ...objectMigrations];

export class S3Store {
  readonly buckets: BucketTable;
  readonly configs: BucketConfigTable;
  readonly objects: ObjectTable;
  readonly uploads: UploadTable;
  readonly reclaimer: BlobReclaimer;

  constructor(
    readonly db: Database,
    readonly blobs: BlobStore,
    readonly clock: Clock,
    readonly log: Logger,
  ) {
    this.buckets = new BucketTable(db);
    this.configs = new BucketConfigTable(db);
    this.objects = new ObjectTable(db);
    this.uploads = new UploadTable(db);
    this.reclaimer = new BlobReclaimer(blobs, log);
  }

  /** Runs `fn` atomically and durably (one group-committed transaction). */
  transaction<T>(fn: () => T): Promise<T> {
    return this.db.write(fn);
  }

  /** Every blob a row refers to: what the start-up sweep must keep. */
  referencedBlobs(): string[] {
    return [...this.objects.allBlobIds(), ...this.uploads.allBlobIds()];
  }
}

export function createStore(env: ServiceEnvironment): S3Store {
  return new S3Store(env.db, env.blobs, env.clock, env.log);
}
