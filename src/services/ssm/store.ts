/**
 * Parameter Store's storage: every SQL statement of the service lives here. Rows are keyed by
 * (account_id, region, name_key[, version]); `name_key` is the name without its leading slash,
 * which is how AWS tells parameters apart (`/TestParam1` and `TestParam1` are the same
 * parameter). `name` keeps the spelling the parameter was created with.
 *
 * Read-check-write sequences run inside `transaction(fn)` (one durable, atomic `Database.write`);
 * plain reads use prepared statements directly.
 */
import type { Database, Migration } from '../../storage/index.js';
import type { ServiceEnvironment } from '../service.js';
import type { ParameterTier, ParameterType } from './generated/types.js';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'Parameter Store: parameters, their versions (history), labels and tags',
    sql: `
      CREATE TABLE ssm_parameters (
        account_id TEXT NOT NULL, region TEXT NOT NULL, name_key TEXT NOT NULL,
        name TEXT NOT NULL, parent_path TEXT NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, name_key)
      ) WITHOUT ROWID;
      CREATE INDEX ssm_parameters_by_parent ON ssm_parameters (account_id, region, parent_path, name_key);
      CREATE TABLE ssm_parameter_versions (
        account_id TEXT NOT NULL, region TEXT NOT NULL, name_key TEXT NOT NULL, version INTEGER NOT NULL,
        type TEXT NOT NULL, value TEXT NOT NULL, key_id TEXT, description TEXT, allowed_pattern TEXT,
        tier TEXT NOT NULL, data_type TEXT NOT NULL, policies TEXT,
        last_modified INTEGER NOT NULL, last_modified_user TEXT NOT NULL,
        PRIMARY KEY (account_id, region, name_key, version),
        FOREIGN KEY (account_id, region, name_key) REFERENCES ssm_parameters ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TABLE ssm_parameter_labels (
        account_id TEXT NOT NULL, region TEXT NOT NULL, name_key TEXT NOT NULL, label TEXT NOT NULL,
        version INTEGER NOT NULL,
        UNIQUE (account_id, region, name_key, label),
        FOREIGN KEY (account_id, region, name_key, version) REFERENCES ssm_parameter_versions ON DELETE CASCADE
      );
      CREATE INDEX ssm_parameter_labels_by_version ON ssm_parameter_labels (account_id, region, name_key, version);
      CREATE TABLE ssm_parameter_tags (
        account_id TEXT NOT NULL, region TEXT NOT NULL, name_key TEXT NOT NULL,
        tag_key TEXT NOT NULL, tag_value TEXT NOT NULL,
        PRIMARY KEY (account_id, region, name_key, tag_key),
        FOREIGN KEY (account_id, region, name_key) REFERENCES ssm_parameters ON DELETE CASCADE
      ) WITHOUT ROWID;
    `,
  },
];

export interface Scope {
  accountId: string;
  region: string;
}

/** One version of a parameter, as stored. */
export interface VersionRecord {
  version: number;
  type: ParameterType;
  value: string;
  keyId?: string;
  description?: string;
  allowedPattern?: string;
  tier: Exclude<ParameterTier, 'Intelligent-Tiering'>;
  dataType: string;
  /** The accepted policies as JSON (see domain/policies.ts). */
  policies?: string;
  lastModified: Date;
  lastModifiedUser: string;
}

/** A parameter at one of its versions, with the name it was created with. */
export interface StoredParameter extends VersionRecord {
  key: string;
  name: string;
}

/** What PutParameter needs to know about a parameter that already exists. */
export interface ParameterHead {
  current: StoredParameter;
  versionCount: number;
  oldestVersion: number;
  oldestLabelled: boolean;
}

export type MatchOption = 'Equals' | 'BeginsWith' | 'Contains';

/** A validated, normalized filter (domain/filters.ts builds them from the request). */
export type StoreFilter =
  | { field: 'name' | 'type' | 'key_id' | 'tier' | 'data_type'; option: MatchOption; values: string[] }
  | { field: 'tag'; tagKey: string; option: MatchOption; values?: string[] }
  | { field: 'path'; recursive: boolean; values: string[] }
  | { field: 'label'; values: string[] };

export interface ListQuery {
  filters: StoreFilter[];
  /** Only names after this key (keyset paging). */
  after?: string;
  limit: number;
}

interface VersionRow {
  name_key: string;
  name: string;
  version: number;
  type: string;
  value: string;
  key_id: string | null;
  description: string | null;
  allowed_pattern: string | null;
  tier: string;
  data_type: string;
  policies: string | null;
  last_modified: number;
  last_modified_user: string;
}

const COLUMNS = `p.name_key, p.name, v.version, v.type, v.value, v.key_id, v.description, v.allowed_pattern,
  v.tier, v.data_type, v.policies, v.last_modified, v.last_modified_user`;
const SAME_PARAMETER = 'x.account_id = p.account_id AND x.region = p.region AND x.name_key = p.name_key';
const CURRENT_SQL = `SELECT ${COLUMNS} FROM ssm_parameters p JOIN ssm_parameter_versions v
  ON v.account_id = p.account_id AND v.region = p.region AND v.name_key = p.name_key AND v.version = p.version
  WHERE p.account_id = ? AND p.region = ? AND p.name_key = ?`;

function toStored(r: VersionRow): StoredParameter {
  return {
    key: r.name_key,
    name: r.name,
    version: r.version,
    type: r.type as ParameterType,
    value: r.value,
    keyId: r.key_id ?? undefined,
    description: r.description ?? undefined,
    allowedPattern: r.allowed_pattern ?? undefined,
    tier: r.tier as VersionRecord['tier'],
    dataType: r.data_type,
    policies: r.policies ?? undefined,
    lastModified: new Date(r.last_modified),
    lastModifiedUser: r.last_modified_user,
  };
}

/** SQL for one filter; `bind` names its parameters. Field names map to fixed columns only. */
function filterSql(f: StoreFilter, n: number, bind: Record<string, unknown>): string {
  const p = `f${n}`;
  const each = `(SELECT value FROM json_each(@${p}))`;
  const match = (column: string, option: MatchOption): string => {
    if (option === 'Equals') return `${column} IN ${each}`;
    const test = option === 'BeginsWith' ? `substr(${column}, 1, length(j.value)) = j.value` : `instr(${column}, j.value) > 0`;
    return `EXISTS (SELECT 1 FROM json_each(@${p}) j WHERE ${test})`;
  };
  switch (f.field) {
    case 'name':
      bind[p] = JSON.stringify(f.values);
      return match('p.name_key', f.option);
    case 'type':
    case 'key_id':
    case 'tier':
    case 'data_type':
      bind[p] = JSON.stringify(f.values);
      return match(`v.${f.field}`, f.option);
    case 'tag': {
      bind[`${p}k`] = f.tagKey;
      let sql = `EXISTS (SELECT 1 FROM ssm_parameter_tags x WHERE ${SAME_PARAMETER} AND x.tag_key = @${p}k`;
      if (f.values) {
        bind[p] = JSON.stringify(f.values);
        sql += ` AND ${match('x.tag_value', f.option)}`;
      }
      return `${sql})`;
    }
    case 'path':
      bind[p] = JSON.stringify(f.values);
      return f.recursive
        ? `EXISTS (SELECT 1 FROM json_each(@${p}) j WHERE j.value = '' OR substr(p.name_key, 1, length(j.value) + 1) = j.value || '/')`
        : `p.parent_path IN ${each}`;
    case 'label':
      // handled in the version join (the labelled version is the one returned)
      return '1';
  }
}

/** How many current versions the read cache holds (the oldest entries go first). */
const CACHE_LIMIT = 10_000;

export class SsmStore {
  /**
   * The current version of recently read parameters, so a hot GetParameter costs no SQLite
   * lookup. Filled only by reads outside a transaction (a value read inside one could still be
   * rolled back), emptied entry by entry by every write to a parameter, and wholesale when the
   * database is wiped. Cached objects are shared: callers never mutate them.
   */
  private readonly cache = new Map<string, StoredParameter>();
  private cacheGeneration = 0;

  constructor(private readonly db: Database) {}

  private cacheKey(s: Scope, key: string): string {
    return `${s.accountId}\u0000${s.region}\u0000${key}`;
  }

  private forget(s: Scope, key: string): void {
    this.cache.delete(this.cacheKey(s, key));
  }

  /** Runs `fn` atomically and durably (see Database.write). */
  transaction<T>(fn: () => T): Promise<T> {
    return this.db.write(fn);
  }

  // --- reads ----------------------------------------------------------------------------------

  /** The latest version of a parameter. */
  current(s: Scope, key: string): StoredParameter | undefined {
    if (this.cacheGeneration !== this.db.generation) {
      this.cache.clear();
      this.cacheGeneration = this.db.generation;
    }
    const ck = this.cacheKey(s, key);
    const cached = this.cache.get(ck);
    if (cached) return cached;
    const row = this.db.prepare(CURRENT_SQL).get(s.accountId, s.region, key) as VersionRow | undefined;
    if (!row) return undefined;
    const stored = toStored(row);
    if (!this.db.sqlite.inTransaction) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(ck, stored);
    }
    return stored;
  }

  /** One version of a parameter. */
  atVersion(s: Scope, key: string, version: number): StoredParameter | undefined {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM ssm_parameters p JOIN ssm_parameter_versions v
        ON v.account_id = p.account_id AND v.region = p.region AND v.name_key = p.name_key
        WHERE p.account_id = ? AND p.region = ? AND p.name_key = ? AND v.version = ?`)
      .get(s.accountId, s.region, key, version) as VersionRow | undefined;
    return row && toStored(row);
  }

  /** The version a label is on, if the label exists. */
  labelledVersion(s: Scope, key: string, label: string): number | undefined {
    const row = this.db
      .prepare('SELECT version FROM ssm_parameter_labels WHERE account_id = ? AND region = ? AND name_key = ? AND label = ?')
      .get(s.accountId, s.region, key, label) as { version: number } | undefined;
    return row?.version;
  }

  head(s: Scope, key: string): ParameterHead | undefined {
    const current = this.current(s, key);
    if (!current) return undefined;
    const stats = this.db
      .prepare(`SELECT COUNT(*) AS n, MIN(version) AS oldest FROM ssm_parameter_versions
        WHERE account_id = ? AND region = ? AND name_key = ?`)
      .get(s.accountId, s.region, key) as { n: number; oldest: number };
    const labelled = this.db
      .prepare('SELECT 1 FROM ssm_parameter_labels WHERE account_id = ? AND region = ? AND name_key = ? AND version = ? LIMIT 1')
      .get(s.accountId, s.region, key, stats.oldest);
    return { current, versionCount: stats.n, oldestVersion: stats.oldest, oldestLabelled: labelled !== undefined };
  }

  /** Versions in ascending order, after `afterVersion`, at most `limit`. */
  history(s: Scope, key: string, afterVersion: number, limit: number): StoredParameter[] {
    const rows = this.db
      .prepare(`SELECT ${COLUMNS} FROM ssm_parameters p JOIN ssm_parameter_versions v
        ON v.account_id = p.account_id AND v.region = p.region AND v.name_key = p.name_key
        WHERE p.account_id = ? AND p.region = ? AND p.name_key = ? AND v.version > ?
        ORDER BY v.version LIMIT ? + 0`)
      .all(s.accountId, s.region, key, afterVersion, limit) as VersionRow[];
    return rows.map(toStored);
  }

  /** Labels of a parameter by version, each list in the order the labels were attached. */
  labels(s: Scope, key: string): Map<number, string[]> {
    const rows = this.db
      .prepare('SELECT label, version FROM ssm_parameter_labels WHERE account_id = ? AND region = ? AND name_key = ? ORDER BY rowid')
      .all(s.accountId, s.region, key) as { label: string; version: number }[];
    const out = new Map<number, string[]>();
    for (const r of rows) out.set(r.version, [...(out.get(r.version) ?? []), r.label]);
    return out;
  }

  tags(s: Scope, key: string): { Key: string; Value: string }[] {
    return (this.db
      .prepare('SELECT tag_key, tag_value FROM ssm_parameter_tags WHERE account_id = ? AND region = ? AND name_key = ? ORDER BY tag_key')
      .all(s.accountId, s.region, key) as { tag_key: string; tag_value: string }[]).map((r) => ({ Key: r.tag_key, Value: r.tag_value }));
  }

  /**
   * Parameters matching every filter, ordered by name, after `query.after`, at most `limit`.
   * Each row is the latest version, or with a label filter the newest version carrying one of
   * the labels.
   */
  list(s: Scope, query: ListQuery): StoredParameter[] {
    const bind: Record<string, unknown> = { account: s.accountId, region: s.region, limit: query.limit };
    const label = query.filters.find((f) => f.field === 'label');
    let version = 'p.version';
    if (label) {
      bind.labels = JSON.stringify(label.values);
      version = `(SELECT MAX(x.version) FROM ssm_parameter_labels x WHERE ${SAME_PARAMETER} AND x.label IN (SELECT value FROM json_each(@labels)))`;
    }
    const where = ['p.account_id = @account', 'p.region = @region'];
    query.filters.forEach((f, i) => where.push(filterSql(f, i, bind)));
    if (query.after !== undefined) {
      bind.after = query.after;
      where.push('p.name_key > @after');
    }
    const sql = `SELECT ${COLUMNS} FROM ssm_parameters p JOIN ssm_parameter_versions v
      ON v.account_id = p.account_id AND v.region = p.region AND v.name_key = p.name_key AND v.version = ${version}
      WHERE ${where.join(' AND ')} ORDER BY p.name_key LIMIT @limit + 0`;
    return (this.db.prepare(sql).all(bind) as VersionRow[]).map(toStored);
  }

  // --- writes (call inside transaction) ----------------------------------------------------------

  /** Adds a version and makes it the latest, creating the parameter when new. */
  putVersion(s: Scope, key: string, name: string, parentPath: string, r: VersionRecord): void {
    this.forget(s, key);
    this.db
      .prepare(`INSERT INTO ssm_parameters (account_id, region, name_key, name, parent_path, version) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (account_id, region, name_key) DO UPDATE SET version = excluded.version`)
      .run(s.accountId, s.region, key, name, parentPath, r.version);
    this.db
      .prepare(`INSERT INTO ssm_parameter_versions (account_id, region, name_key, version, type, value, key_id, description,
        allowed_pattern, tier, data_type, policies, last_modified, last_modified_user) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(s.accountId, s.region, key, r.version, r.type, r.value, r.keyId ?? null, r.description ?? null, r.allowedPattern ?? null,
        r.tier, r.dataType, r.policies ?? null, r.lastModified.getTime(), r.lastModifiedUser);
  }

  deleteVersion(s: Scope, key: string, version: number): void {
    this.forget(s, key);
    this.db
      .prepare('DELETE FROM ssm_parameter_versions WHERE account_id = ? AND region = ? AND name_key = ? AND version = ?')
      .run(s.accountId, s.region, key, version);
  }

  /** Deletes a parameter with its history, labels and tags; false when there was none. */
  deleteParameter(s: Scope, key: string): boolean {
    this.forget(s, key);
    return this.db.prepare('DELETE FROM ssm_parameters WHERE account_id = ? AND region = ? AND name_key = ?').run(s.accountId, s.region, key).changes > 0;
  }

  /** Attaches a label to a version, moving it from whichever version had it. */
  setLabel(s: Scope, key: string, label: string, version: number): void {
    this.db
      .prepare(`INSERT INTO ssm_parameter_labels (account_id, region, name_key, label, version) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (account_id, region, name_key, label) DO UPDATE SET version = excluded.version`)
      .run(s.accountId, s.region, key, label, version);
  }

  removeLabel(s: Scope, key: string, label: string, version: number): boolean {
    return this.db
      .prepare('DELETE FROM ssm_parameter_labels WHERE account_id = ? AND region = ? AND name_key = ? AND label = ? AND version = ?')
      .run(s.accountId, s.region, key, label, version).changes > 0;
  }

  putTag(s: Scope, key: string, tagKey: string, value: string): void {
    this.db
      .prepare(`INSERT INTO ssm_parameter_tags (account_id, region, name_key, tag_key, tag_value) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (account_id, region, name_key, tag_key) DO UPDATE SET tag_value = excluded.tag_value`)
      .run(s.accountId, s.region, key, tagKey, value);
  }

  removeTag(s: Scope, key: string, tagKey: string): void {
    this.db.prepare('DELETE FROM ssm_parameter_tags WHERE account_id = ? AND region = ? AND name_key = ? AND tag_key = ?').run(s.accountId, s.region, key, tagKey);
  }
}

export function createStore(env: ServiceEnvironment): SsmStore {
  return new SsmStore(env.db);
}
