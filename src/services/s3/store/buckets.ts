/**
 * Buckets and their configuration documents. Bucket rows are read on nearly every request, so
 * they are cached in memory (invalidated by every write here and by a database wipe).
 */
import type { Database } from '../../../storage/index.js';

export type VersioningStatus = 'Enabled' | 'Suspended';

export interface Bucket {
  name: string;
  /** Numeric id other tables key on (never reused). */
  id: number;
  /** The owning account. */
  accountId: string;
  /** Where it was created (`LocationConstraint`; `us-east-1` for none). */
  region: string;
  createdAt: Date;
  /** Undefined until versioning is first configured ("never enabled"). */
  versioning: VersioningStatus | undefined;
  mfaDelete: 'Enabled' | 'Disabled' | undefined;
  objectLockEnabled: boolean;
}

interface BucketRow {
  name: string;
  id: number;
  account_id: string;
  region: string;
  created_at: number;
  versioning: string | null;
  mfa_delete: string | null;
  object_lock_enabled: number;
}

function toBucket(r: BucketRow): Bucket {
  return {
    name: r.name,
    id: r.id,
    accountId: r.account_id,
    region: r.region,
    createdAt: new Date(r.created_at),
    versioning: (r.versioning ?? undefined) as VersioningStatus | undefined,
    mfaDelete: (r.mfa_delete ?? undefined) as Bucket['mfaDelete'],
    objectLockEnabled: r.object_lock_enabled === 1,
  };
}

/**
 * The configuration subresources stored as documents: the API shape (as the handler received
 * it, after validation) serialized as JSON. `acl` holds an AccessControlPolicy, `policy` the
 * policy text as given.
 */
export type ConfigKind =
  | 'acl'
  | 'policy'
  | 'cors'
  | 'lifecycle'
  | 'website'
  | 'tagging'
  | 'encryption'
  | 'logging'
  | 'notification'
  | 'accelerate'
  | 'request-payment'
  | 'public-access-block'
  | 'ownership-controls'
  | 'object-lock'
  | 'replication'
  | 'analytics'
  | 'metrics'
  | 'inventory'
  | 'intelligent-tiering';

export class BucketTable {
  private cache = new Map<string, Bucket | null>();
  private cacheGeneration = -1;

  constructor(private readonly db: Database) {}

  private cached(): Map<string, Bucket | null> {
    if (this.cacheGeneration !== this.db.generation) {
      this.cache.clear();
      this.cacheGeneration = this.db.generation;
    }
    return this.cache;
  }

  get(name: string): Bucket | undefined {
    const cache = this.cached();
    const hit = cache.get(name);
    if (hit !== undefined) return hit ?? undefined;
    const row = this.db.prepare('SELECT * FROM s3_buckets WHERE name = ?').get(name) as BucketRow | undefined;
    const bucket = row ? toBucket(row) : undefined;
    if (cache.size > 10_000) cache.clear();
    cache.set(name, bucket ?? null);
    return bucket;
  }

  /** Buckets of one account in name order, after `after` (exclusive), at most `limit`; optional prefix and region. */
  listByAccount(accountId: string, options: { after?: string; limit: number; prefix?: string; region?: string }): Bucket[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM s3_buckets WHERE account_id = ? AND name > ? AND (? IS NULL OR substr(name, 1, length(?)) = ?)
         AND (? IS NULL OR region = ?) ORDER BY name LIMIT ? + 0`,
      )
      .all(accountId, options.after ?? '', options.prefix ?? null, options.prefix ?? null, options.prefix ?? null, options.region ?? null, options.region ?? null, options.limit) as BucketRow[];
    return rows.map(toBucket);
  }

  all(): Bucket[] {
    return (this.db.prepare('SELECT * FROM s3_buckets ORDER BY name').all() as BucketRow[]).map(toBucket);
  }

  // --- writes: call inside Database.write ----------------------------------------------------

  /** Inserts a bucket (the caller has checked the name is free). */
  insert(b: Omit<Bucket, 'id'>): Bucket {
    const id = this.nextId('bucket');
    this.db
      .prepare('INSERT INTO s3_buckets (name, id, account_id, region, created_at, versioning, mfa_delete, object_lock_enabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(b.name, id, b.accountId, b.region, b.createdAt.getTime(), b.versioning ?? null, b.mfaDelete ?? null, b.objectLockEnabled ? 1 : 0);
    this.cache.delete(b.name);
    return { ...b, id };
  }

  /** Removes the bucket row and its configuration documents (objects are the object store's). */
  delete(bucket: Bucket): void {
    this.db.prepare('DELETE FROM s3_bucket_configs WHERE bucket_id = ?').run(bucket.id);
    this.db.prepare('DELETE FROM s3_buckets WHERE id = ?').run(bucket.id);
    this.cache.delete(bucket.name);
  }

  setVersioning(bucket: Bucket, status: VersioningStatus, mfaDelete?: 'Enabled' | 'Disabled'): void {
    this.db.prepare('UPDATE s3_buckets SET versioning = ?, mfa_delete = coalesce(?, mfa_delete) WHERE id = ?').run(status, mfaDelete ?? null, bucket.id);
    this.cache.delete(bucket.name);
  }

  setObjectLockEnabled(bucket: Bucket): void {
    this.db.prepare('UPDATE s3_buckets SET object_lock_enabled = 1 WHERE id = ?').run(bucket.id);
    this.cache.delete(bucket.name);
  }

  /** A monotonically increasing number per counter name (bucket ids, object sequence numbers). */
  nextId(counter: string): number {
    const row = this.db
      .prepare('INSERT INTO s3_counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value')
      .get(counter) as { value: number };
    return row.value;
  }
}

/**
 * Configuration documents, one per (bucket, kind). Values are whatever JSON the writer chose.
 * Object reads and writes consult several kinds on every request (lifecycle for x-amz-expiration,
 * ownership, encryption, object lock, policy, ACL, public access block), and most buckets have
 * none of them: the documents' text (or their absence) is cached per bucket. Callers get a fresh
 * parse each time, so they may change what they get. The cache is only filled outside
 * transactions (a read inside one may see a write that is then rolled back), is cleared by
 * every write here, by a bucket's deletion and by a database wipe.
 */
export class BucketConfigTable {
  private cache = new Map<number, Map<ConfigKind, string | null>>();
  private cacheGeneration = -1;
  /** When each bucket's documents last changed (a counter), for caches built on top of them. */
  private changedAt = new Map<number, number>();
  private changes = 0;

  constructor(private readonly db: Database) {}

  private cached(): Map<number, Map<ConfigKind, string | null>> {
    if (this.cacheGeneration !== this.db.generation) {
      this.cache.clear();
      this.changedAt.clear();
      this.cacheGeneration = this.db.generation;
    }
    return this.cache;
  }

  /**
   * A number that changes whenever one of the bucket's documents may have (a put, a delete, even
   * one later rolled back): what is derived from the documents stays valid while it holds.
   */
  version(bucket: Bucket): number {
    this.cached();
    return this.changedAt.get(bucket.id) ?? 0;
  }

  private changed(bucketId: number): void {
    this.changedAt.set(bucketId, ++this.changes);
  }

  get<T>(bucket: Bucket, kind: ConfigKind): T | undefined {
    const cache = this.cached();
    let forBucket = cache.get(bucket.id);
    let document = forBucket?.get(kind);
    if (document === undefined) {
      const row = this.db.prepare('SELECT document FROM s3_bucket_configs WHERE bucket_id = ? AND kind = ?').get(bucket.id, kind) as { document: string } | undefined;
      document = row ? row.document : null;
      if (!this.db.sqlite.inTransaction) {
        if (!forBucket) {
          if (cache.size > 10_000) cache.clear();
          forBucket = new Map();
          cache.set(bucket.id, forBucket);
        }
        forBucket.set(kind, document);
      }
    }
    return document === null ? undefined : (JSON.parse(document) as T);
  }

  /** Call inside Database.write. */
  put(bucket: Bucket, kind: ConfigKind, document: unknown): void {
    this.db
      .prepare('INSERT INTO s3_bucket_configs (bucket_id, kind, document) VALUES (?, ?, ?) ON CONFLICT (bucket_id, kind) DO UPDATE SET document = excluded.document')
      .run(bucket.id, kind, JSON.stringify(document));
    this.cache.get(bucket.id)?.delete(kind);
    this.changed(bucket.id);
  }

  /** Call inside Database.write. */
  delete(bucket: Bucket, kind: ConfigKind): void {
    this.db.prepare('DELETE FROM s3_bucket_configs WHERE bucket_id = ? AND kind = ?').run(bucket.id, kind);
    this.cache.get(bucket.id)?.delete(kind);
    this.changed(bucket.id);
  }

  /** Forgets a bucket's documents (BucketTable.delete removes its rows). */
  forget(bucketId: number): void {
    this.cache.delete(bucketId);
    this.changed(bucketId);
  }
}
