/**
 * Object versions: reads, versioning-aware writes and listing scans. Every write method runs
 * inside `S3Store.transaction` and returns the blob ids it made garbage, for the caller to
 * discard once the transaction has committed (never before: a crash in between must leave the
 * old object readable).
 *
 * API for the rest of S3 (tags, ACLs, object lock, restore, attributes):
 * - `current(bucket, key)`: the latest version, which may be a delete marker;
 * - `version(bucket, key, versionId)`: one version (`'null'` for the null version);
 * - `parts(record)`: a multipart object's parts in order (sizes, ETags, checksums);
 * - `updateAttributes(record, patch)`: changes the attributes document of one version in place
 *   (tags, acl, retention, legalHold, restore …) without creating a version, as S3's subresource
 *   writes do; `setStorageClass(record, storageClass)` likewise.
 */
import type { Database } from '../../../storage/index.js';
import type { StorageClass } from '../generated/types.js';
import { newVersionId, writesNewVersion } from '../domain/versions.js';
import type { Bucket, VersioningStatus } from './buckets.js';
import { NULL_VERSION, toObjectRecord, type NewObject, type ObjectAttributes, type ObjectPart, type ObjectRecord, type ObjectRow } from './object-records.js';

/** Where a listing scan starts: at or after a key, or past every key that starts with a prefix. */
export type ScanStart = { key: string; inclusive: boolean } | { pastPrefix: string };

/** Columns listings need: everything but the attributes document and the body (in ObjectRow's order; see `listed`). */
const LIST_COLUMNS = `id, bucket_id, key, version_id, is_latest, delete_marker, last_modified, size, etag, storage_class,
  owner_account, blob_id, parts_count, checksum_algorithm, checksum_type, checksum_value, body IS NOT NULL AS inline`;

/**
 * Columns of a record: all but the inline body (which only GET needs; SQLite tells NULL from
 * the row header, without reading a body's overflow pages).
 */
const RECORD_COLUMNS = `${LIST_COLUMNS}, attributes`;
const CURRENT = `SELECT ${RECORD_COLUMNS} FROM s3_objects WHERE bucket_id = ? AND key = ? AND is_latest = 1`;
const CURRENT_WITH_BODY = `SELECT ${RECORD_COLUMNS}, body FROM s3_objects WHERE bucket_id = ? AND key = ? AND is_latest = 1`;
const VERSION = `SELECT ${RECORD_COLUMNS} FROM s3_objects WHERE bucket_id = ? AND key = ? AND version_id = ?`;
const VERSION_WITH_BODY = `SELECT ${RECORD_COLUMNS}, body FROM s3_objects WHERE bucket_id = ? AND key = ? AND version_id = ?`;

/**
 * A record from a raw row of LIST_COLUMNS, then optionally the attributes document and the body.
 * (Raw arrays: better-sqlite3 builds row objects slowly; a literal of fixed shape is cheap.)
 */
function recordOf(r: unknown[]): ObjectRecord {
  const row: ObjectRow = {
    id: r[0] as number,
    bucket_id: r[1] as number,
    key: r[2] as string,
    version_id: r[3] as string,
    is_latest: r[4] as number,
    delete_marker: r[5] as number,
    last_modified: r[6] as number,
    size: r[7] as number,
    etag: r[8] as string,
    storage_class: r[9] as string,
    owner_account: r[10] as string,
    blob_id: r[11] as string | null,
    parts_count: r[12] as number | null,
    checksum_algorithm: r[13] as string | null,
    checksum_type: r[14] as string | null,
    checksum_value: r[15] as string | null,
    inline: r[16] as number,
    attributes: r.length > 17 ? (r[17] as string) : '{}',
  };
  const record = toObjectRecord(row);
  const body = r[18] as Buffer | null | undefined;
  if (body) record.inlineBytes = body;
  return record;
}

/** The smallest string (as UTF-8 bytes) greater than every string starting with `prefix`: the prefix and a 0xFF byte, which UTF-8 never contains. */
export function pastPrefixBound(prefix: string): Buffer {
  return Buffer.concat([Buffer.from(prefix, 'utf8'), Buffer.from([0xff])]);
}

function startClause(start: ScanStart): { sql: string; param: string | Buffer } {
  if ('pastPrefix' in start) return { sql: 'key >= CAST(? AS TEXT)', param: pastPrefixBound(start.pastPrefix) };
  return { sql: start.inclusive ? 'key >= ?' : 'key > ?', param: start.key };
}

export interface WriteResult {
  record: ObjectRecord;
  /** Blobs no row refers to any more. */
  garbage: string[];
}

/** Bounds of the hot-record cache: entries, and bytes of inline bodies held. */
const HOT_MAX_ENTRIES = 4096;
const HOT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export class ObjectTable {
  /**
   * Current versions read lately, by bucket id and key, so that repeated reads of a hot key
   * (a GET costs little else) skip SQLite and rebuilding the record. Only committed state is
   * cached (never a read made inside a write transaction), every write through this table
   * empties it, and so does a wipe (the database generation). Records are never mutated.
   */
  private readonly hot = new Map<string, ObjectRecord>();
  private hotBodyBytes = 0;
  private hotGeneration = -1;

  constructor(private readonly db: Database) {}

  private forgetHot(): void {
    if (this.hot.size) this.hot.clear();
    this.hotBodyBytes = 0;
  }

  private hotMap(): Map<string, ObjectRecord> {
    if (this.hotGeneration !== this.db.generation) {
      this.forgetHot();
      this.hotGeneration = this.db.generation;
    }
    return this.hot;
  }

  private remember(cacheKey: string, record: ObjectRecord): void {
    if (this.db.sqlite.inTransaction) return;
    const bytes = record.inlineBytes?.length ?? 0;
    if (this.hot.size >= HOT_MAX_ENTRIES || this.hotBodyBytes + bytes > HOT_MAX_BODY_BYTES) this.forgetHot();
    this.hot.set(cacheKey, record);
    this.hotBodyBytes += bytes;
  }

  // --- reads -----------------------------------------------------------------------------------

  /**
   * The latest version of a key (possibly a delete marker), or undefined if the key has no versions.
   * `withBody`: also load an inline body (`record.inlineBytes`), as GET needs it: one row read.
   */
  current(bucket: Bucket, key: string, withBody = false): ObjectRecord | undefined {
    const hot = this.hotMap();
    const cacheKey = `${bucket.id}/${key}`;
    const cached = hot.get(cacheKey);
    if (cached && (!withBody || !cached.bodyInline || cached.inlineBytes)) return cached;
    const sql = withBody ? CURRENT_WITH_BODY : CURRENT;
    const r = this.db.prepare(sql).raw(true).get(bucket.id, key) as unknown[] | undefined;
    if (!r) return undefined;
    const record = recordOf(r);
    this.remember(cacheKey, record);
    return record;
  }

  /** One version (`'null'` for the null version); `withBody` as for `current`. */
  version(bucket: Bucket, key: string, versionId: string, withBody = false): ObjectRecord | undefined {
    const sql = withBody ? VERSION_WITH_BODY : VERSION;
    const r = this.db.prepare(sql).raw(true).get(bucket.id, key, versionId) as unknown[] | undefined;
    return r ? recordOf(r) : undefined;
  }

  /** The bytes of a version whose body is stored in its row (`record.bodyInline`). */
  inlineBody(record: ObjectRecord): Buffer {
    if (record.inlineBytes) return record.inlineBytes;
    const row = this.db.prepare('SELECT body FROM s3_objects WHERE id = ?').raw(true).get(record.id) as [Buffer | null] | undefined;
    // Read synchronously after the record, so the row is there; if not, this fails as a missing blob file would.
    if (!row || row[0] === null) throw Object.assign(new Error(`s3: version row ${record.id} has no inline body`), { code: 'ENOENT' });
    return row[0];
  }

  parts(record: ObjectRecord): ObjectPart[] {
    if (record.partsCount === undefined) return [];
    return this.partsOf(record.id);
  }

  private partsOf(objectId: number): ObjectPart[] {
    const rows = this.db
      .prepare('SELECT part_index, part_number, blob_id, size, etag, checksum_value FROM s3_object_parts WHERE object_id = ? ORDER BY part_index')
      .all(objectId) as { part_index: number; part_number: number; blob_id: string; size: number; etag: string; checksum_value: string | null }[];
    return rows.map((r) => ({ index: r.part_index, partNumber: r.part_number, blobId: r.blob_id, size: r.size, etag: r.etag, checksum: r.checksum_value ?? undefined }));
  }

  /** Whether the bucket holds any version or delete marker. */
  hasAny(bucket: Bucket): boolean {
    return this.db.prepare('SELECT 1 FROM s3_objects WHERE bucket_id = ? LIMIT 1').get(bucket.id) !== undefined;
  }

  /**
   * Current (latest, not deleted) objects in key order from `start`, as row ids and keys: the
   * cheap part of a listing. Load the rows a page shows with `listed`.
   */
  scanCurrentKeys(bucket: Bucket, start: ScanStart): IterableIterator<ListedKey> {
    const sql = (clause: string) => `SELECT id, key FROM s3_objects WHERE bucket_id = ? AND is_latest = 1 AND delete_marker = 0 AND ${clause} ORDER BY key LIMIT ? + 0`;
    return batches(start, (clause, param, limit) => this.db.prepare(sql(clause)).raw(true).all(bucket.id, param, limit) as [number, string][]);
  }

  /** Every version and delete marker (ids and keys) in key order, newest first within a key, from `start`. */
  scanVersionKeys(bucket: Bucket, start: ScanStart): IterableIterator<ListedKey> {
    const sql = (clause: string) => `SELECT id, key FROM s3_objects WHERE bucket_id = ? AND ${clause} ORDER BY key, id DESC LIMIT ? + 0`;
    const older = 'SELECT id, key FROM s3_objects WHERE bucket_id = ? AND key = ? AND id < ? ORDER BY id DESC LIMIT ? + 0';
    return batches(
      start,
      (clause, param, limit) => this.db.prepare(sql(clause)).raw(true).all(bucket.id, param, limit) as [number, string][],
      // A batch may end among a key's versions: finish that key before moving past it.
      (last, limit) => this.db.prepare(older).raw(true).all(bucket.id, last.key, last.id, limit) as [number, string][],
    );
  }

  /** Current objects as records (attributes not loaded), in key order from `start`. */
  scanCurrent(bucket: Bucket, start: ScanStart): IterableIterator<ObjectRecord> {
    return withRecords(this.scanCurrentKeys(bucket, start), (ids) => this.listed(ids));
  }

  /** Every version and delete marker as records (attributes not loaded), key order then newest first. */
  scanVersions(bucket: Bucket, start: ScanStart): IterableIterator<ObjectRecord> {
    return withRecords(this.scanVersionKeys(bucket, start), (ids) => this.listed(ids));
  }

  /** Up to `limit` versions of one key older than the version with row id `id`, newest first. */
  olderVersions(bucket: Bucket, key: string, id: number, limit: number): ListedKey[] {
    const rows = this.db.prepare('SELECT id, key FROM s3_objects WHERE bucket_id = ? AND key = ? AND id < ? ORDER BY id DESC LIMIT ? + 0').raw(true).all(bucket.id, key, id, limit) as [number, string][];
    return rows.map(([rowId, k]) => ({ id: rowId, key: k }));
  }

  /** The rows a listing page shows, in the order given (attributes not loaded). */
  listed(ids: readonly number[]): ObjectRecord[] {
    if (ids.length === 0) return [];
    const rows = this.db.prepare(`SELECT ${LIST_COLUMNS} FROM s3_objects WHERE id IN (SELECT value FROM json_each(?))`).raw(true).all(JSON.stringify(ids)) as unknown[][];
    const byId = new Map<number, unknown[]>();
    for (const r of rows) byId.set(r[0] as number, r);
    return ids.map((id) => recordOf(byId.get(id)!));
  }

  /** Every blob id a version row refers to (the records' own blobs and multipart parts). */
  allBlobIds(): string[] {
    const rows = this.db
      .prepare('SELECT blob_id FROM s3_objects WHERE blob_id IS NOT NULL UNION ALL SELECT blob_id FROM s3_object_parts')
      .all() as { blob_id: string }[];
    return rows.map((r) => r.blob_id);
  }

  // --- writes (inside S3Store.transaction) ------------------------------------------------------

  /**
   * Writes a new version of `key` under the bucket's versioning rules and returns it with the
   * blobs it replaced (the previous null version's, when there was one and it is overwritten).
   * `parts` are the multipart parts the record's bytes live in (then `blobId` is undefined).
   */
  put(bucket: Bucket, key: string, object: NewObject, parts: readonly Omit<ObjectPart, 'index'>[] = []): WriteResult {
    return this.write(bucket, key, object, false, parts);
  }

  /** Adds a delete marker as the latest version (Enabled: a new version id; Suspended: the null version). */
  putDeleteMarker(bucket: Bucket, key: string, ownerAccountId: string, now: Date): WriteResult {
    const marker: NewObject = {
      lastModified: now,
      size: 0,
      etag: '',
      storageClass: 'STANDARD',
      ownerAccountId,
      blobId: undefined,
      partsCount: undefined,
      checksum: undefined,
      attributes: {},
    };
    return this.write(bucket, key, marker, true, []);
  }

  private write(bucket: Bucket, key: string, object: NewObject, deleteMarker: boolean, parts: readonly Omit<ObjectPart, 'index'>[]): WriteResult {
    this.forgetHot();
    const garbage: string[] = [];
    const versioning: VersioningStatus | undefined = bucket.versioning;
    let versionId = NULL_VERSION;
    if (writesNewVersion(versioning)) {
      versionId = newVersionId();
    } else {
      // Only what replacing the null version needs (its blobs), not a whole record.
      const previousNull = this.db
        .prepare("SELECT id, blob_id, parts_count, is_latest, delete_marker FROM s3_objects WHERE bucket_id = ? AND key = ? AND version_id = 'null'")
        .raw(true)
        .get(bucket.id, key) as [number, string | null, number | null, number, number] | undefined;
      if (previousNull) {
        const [id, blobId, partsCount, isLatest, wasMarker] = previousNull;
        if (blobId) garbage.push(blobId);
        if (partsCount !== null) for (const p of this.partsOf(id)) garbage.push(p.blobId);
        if (isLatest === 1) return this.replaceLatestInPlace(id, bucket, key, object, deleteMarker, wasMarker === 1, partsCount !== null, parts, garbage);
        this.db.prepare('DELETE FROM s3_objects WHERE id = ?').run(id);
      }
    }
    // A key has at most one latest version (the null version, when it was, was rewritten in place above).
    this.db.prepare('UPDATE s3_objects SET is_latest = 0 WHERE bucket_id = ? AND key = ? AND is_latest = 1').run(bucket.id, key);
    const c = object.checksum;
    const row = this.db
      .prepare(
        `INSERT INTO s3_objects (bucket_id, key, version_id, is_latest, delete_marker, last_modified, size, etag, storage_class, owner_account,
           blob_id, parts_count, checksum_algorithm, checksum_type, checksum_value, attributes, body)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(
        bucket.id, key, versionId, deleteMarker ? 1 : 0, object.lastModified.getTime(), object.size, object.etag, object.storageClass, object.ownerAccountId,
        object.blobId ?? null, object.partsCount ?? null, c?.algorithm ?? null, c?.type ?? null, c?.value ?? null, JSON.stringify(object.attributes),
        object.inlineBody ?? null,
      ) as { id: number };
    return this.finishWrite(row.id, bucket, key, versionId, object, deleteMarker, parts, garbage);
  }

  /**
   * The null version being replaced is the key's latest (an unversioned bucket's only version):
   * its row is rewritten where it stands. It already has the key's highest id, so versions stay in
   * id order, and no index changes — a PUT that overwrites a key dirties one table page instead of
   * a new row, three index entries and the AUTOINCREMENT counter.
   */
  private replaceLatestInPlace(
    id: number, bucket: Bucket, key: string, object: NewObject, deleteMarker: boolean, wasMarker: boolean, hadParts: boolean,
    parts: readonly Omit<ObjectPart, 'index'>[], garbage: string[],
  ): WriteResult {
    const c = object.checksum;
    this.db
      .prepare(
        `UPDATE s3_objects SET last_modified = ?, size = ?, etag = ?, storage_class = ?, owner_account = ?, blob_id = ?, parts_count = ?,
           checksum_algorithm = ?, checksum_type = ?, checksum_value = ?, attributes = ?, body = ? WHERE id = ?`,
      )
      .run(
        object.lastModified.getTime(), object.size, object.etag, object.storageClass, object.ownerAccountId, object.blobId ?? null, object.partsCount ?? null,
        c?.algorithm ?? null, c?.type ?? null, c?.value ?? null, JSON.stringify(object.attributes), object.inlineBody ?? null, id,
      );
    // (A separate statement: only a change of kind touches the index of current objects.)
    if (wasMarker !== deleteMarker) this.db.prepare('UPDATE s3_objects SET delete_marker = ? WHERE id = ?').run(deleteMarker ? 1 : 0, id);
    if (hadParts) this.db.prepare('DELETE FROM s3_object_parts WHERE object_id = ?').run(id);
    return this.finishWrite(id, bucket, key, NULL_VERSION, object, deleteMarker, parts, garbage);
  }

  private finishWrite(
    id: number, bucket: Bucket, key: string, versionId: string, object: NewObject, deleteMarker: boolean,
    parts: readonly Omit<ObjectPart, 'index'>[], garbage: string[],
  ): WriteResult {
    const insertPart = this.db.prepare('INSERT INTO s3_object_parts (object_id, part_index, part_number, blob_id, size, etag, checksum_value) VALUES (?, ?, ?, ?, ?, ?, ?)');
    parts.forEach((p, i) => insertPart.run(id, i + 1, p.partNumber, p.blobId, p.size, p.etag, p.checksum ?? null));
    // One literal in the field order reads use (toObjectRecord): a spread of the new object made
    // V8 build new hidden classes on every PUT.
    const record: ObjectRecord = {
      id,
      bucketId: bucket.id,
      key,
      versionId,
      isLatest: true,
      deleteMarker,
      lastModified: object.lastModified,
      size: object.size,
      etag: object.etag,
      storageClass: object.storageClass,
      ownerAccountId: object.ownerAccountId,
      blobId: object.blobId,
      bodyInline: object.inlineBody !== undefined,
      partsCount: object.partsCount,
      checksum: object.checksum,
      attributes: object.attributes,
    };
    return { record, garbage };
  }

  /**
   * Removes one version for good (DeleteObject with a versionId, or the null version being
   * replaced). When it was the latest, the next newest version becomes the latest.
   * Returns the blobs it held.
   */
  deleteVersion(record: ObjectRecord): string[] {
    this.forgetHot();
    const garbage = this.removeRow(record);
    if (record.isLatest) {
      this.db
        .prepare('UPDATE s3_objects SET is_latest = 1 WHERE id = (SELECT id FROM s3_objects WHERE bucket_id = ? AND key = ? ORDER BY id DESC LIMIT 1)')
        .run(record.bucketId, record.key);
    }
    return garbage;
  }

  private removeRow(record: ObjectRecord): string[] {
    this.forgetHot();
    const garbage = record.blobId ? [record.blobId] : [];
    if (record.partsCount !== undefined) for (const p of this.parts(record)) garbage.push(p.blobId);
    this.db.prepare('DELETE FROM s3_objects WHERE id = ?').run(record.id);
    return garbage;
  }

  /** Merges `patch` into one version's attributes (undefined values remove the attribute). */
  updateAttributes(record: ObjectRecord, patch: Partial<ObjectAttributes>): ObjectRecord {
    this.forgetHot();
    const attributes: ObjectAttributes = { ...record.attributes, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete attributes[k as keyof ObjectAttributes];
    this.db.prepare('UPDATE s3_objects SET attributes = ? WHERE id = ?').run(JSON.stringify(attributes), record.id);
    return { ...record, attributes };
  }

  setStorageClass(record: ObjectRecord, storageClass: StorageClass): ObjectRecord {
    this.forgetHot();
    this.db.prepare('UPDATE s3_objects SET storage_class = ? WHERE id = ?').run(storageClass, record.id);
    return { ...record, storageClass };
  }
}

/** Records for scanned keys, loaded in growing chunks as the consumer goes. */
function* withRecords(keys: IterableIterator<ListedKey>, load: (ids: number[]) => ObjectRecord[]): IterableIterator<ObjectRecord> {
  let chunk = 8;
  let ids: number[] = [];
  for (const k of keys) {
    ids.push(k.id);
    if (ids.length < chunk) continue;
    yield* load(ids);
    ids = [];
    chunk = Math.min(chunk * 4, 1024);
  }
  if (ids.length) yield* load(ids);
}

/** A row id and key: what listings walk. */
export interface ListedKey {
  readonly id: number;
  readonly key: string;
}

/**
 * Rows in key order from `start`, fetched in growing batches of (id, key): a scan that stops at
 * its first row (a common prefix found) reads a few, a page of 1000 keys a few queries' worth.
 * Only two columns: with better-sqlite3, each execution costs more the more columns it returns.
 */
function* batches(
  start: ScanStart,
  fetch: (clause: string, param: string | Buffer, limit: number) => [number, string][],
  sameKeyAfter?: (last: ListedKey, limit: number) => [number, string][],
): IterableIterator<ListedKey> {
  let { sql: clause, param } = startClause(start);
  let limit = 8;
  for (;;) {
    const rows = fetch(clause, param, limit);
    for (const [id, key] of rows) yield { id, key };
    if (rows.length < limit) return;
    let [lastId, lastKey] = rows[rows.length - 1]!;
    limit = Math.min(limit * 4, 1024);
    if (sameKeyAfter) {
      for (;;) {
        const more = sameKeyAfter({ id: lastId, key: lastKey }, limit);
        for (const [id, key] of more) yield { id, key };
        if (more.length < limit) break;
        [lastId, lastKey] = more[more.length - 1]!;
      }
    }
    clause = 'key > ?';
    param = lastKey;
  }
}
