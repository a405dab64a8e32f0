/**
 * The one embedded SQLite database (WAL) every service stores its state in.
 *
 * Durability: `synchronous = FULL`, so a committed transaction is on disk before it is
 * acknowledged; a `kill -9` or power cut loses nothing acknowledged and SQLite's journal leaves no
 * half-written transaction. To keep that cheap under load, writes are group-committed: every
 * `write()` issued in the same turn of the event loop runs in one transaction (each inside its own
 * savepoint, so one failing write does not undo the others) and costs one fsync.
 * `--ephemeral` uses an in-memory database with the same code path.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

export interface Migration {
  /** 1, 2, 3 … in order; a migration never changes once released. */
  version: number;
  /** Why this schema change exists (kept for readers, not executed). */
  description: string;
  sql: string;
}

interface PendingWrite {
  fn: () => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export interface DatabaseOptions {
  /** File path, or undefined for an in-memory database. */
  path?: string;
}

/**
 * SQLite (3.53) plans a `LIMIT ?` with the bound value in hand, so it compiles such a statement
 * again on every run (≈ 12 µs each); `LIMIT ? + 0` is an expression it does not look into.
 */
const BARE_LIMIT_PARAMETER = /\bLIMIT\s+[?@:$]\w*\s*(?:$|\)|OFFSET\b|,)/i;

export class Database {
  readonly sqlite: SqliteDatabase;
  readonly ephemeral: boolean;
  private readonly statements = new Map<string, Statement>();
  private queue: PendingWrite[] = [];
  private flushScheduled = false;
  private closed = false;
  /** Transactions committed (each may hold many writes): exposed for the health endpoint and tests. */
  commits = 0;
  writes = 0;
  /** Bumped by every wipe(): in-memory caches built on this database compare it to know they are stale. */
  generation = 0;

  constructor(options: DatabaseOptions = {}) {
    this.ephemeral = options.path === undefined;
    this.sqlite = new BetterSqlite3(options.path ?? ':memory:');
    // 8 KiB pages for a new database (an existing one keeps its size): a B-tree cell holds up to
    // ~2 KB in its page at 8 KiB, ~1 KB at 4 KiB, so a DynamoDB item of 1–2 KB is read without an
    // overflow page (a Query of 100 such items reads ~15 pages instead of ~125).
    this.sqlite.pragma('page_size = 8192');
    if (!this.ephemeral) this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = FULL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.pragma('busy_timeout = 5000');
    this.sqlite.exec(`CREATE TABLE IF NOT EXISTS _nimbus_migrations (
      namespace TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL,
      PRIMARY KEY (namespace, version))`);
  }

  /** Applies a namespace's (a service's) migrations that have not run yet, each in its own transaction. */
  migrate(namespace: string, migrations: readonly Migration[]): void {
    const done = new Set(
      (this.sqlite.prepare('SELECT version FROM _nimbus_migrations WHERE namespace = ?').all(namespace) as { version: number }[]).map((r) => r.version),
    );
    const sorted = [...migrations].sort((a, b) => a.version - b.version);
    sorted.forEach((m, i) => {
      if (m.version !== i + 1) throw new Error(`${namespace}: migration versions must be 1..n in order (found ${m.version})`);
    });
    for (const m of sorted) {
      if (done.has(m.version)) continue;
      this.sqlite.transaction(() => {
        this.sqlite.exec(m.sql);
        this.sqlite.prepare('INSERT INTO _nimbus_migrations (namespace, version, applied_at) VALUES (?, ?, ?)').run(namespace, m.version, new Date().toISOString());
      })();
    }
  }

  /** A prepared statement, compiled once per SQL text. */
  prepare(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      if (BARE_LIMIT_PARAMETER.test(sql)) throw new Error(`bind LIMIT as \`? + 0\`, not a bare parameter: ${sql}`);
      s = this.sqlite.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /**
   * Runs `fn` (synchronous; it may read and write) inside a transaction and resolves once that
   * transaction is durably committed. Everything `fn` reads and writes is atomic with respect to
   * every other write, which makes read-check-write (conditional updates, version counters) safe.
   */
  write<T>(fn: () => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('database is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Transaction control as prepared statements: `exec` would parse the SQL again every time. */
  private control?: Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit' | 'rollback', Statement>;

  private transactionControl(): NonNullable<Database['control']> {
    this.control ??= {
      begin: this.sqlite.prepare('BEGIN IMMEDIATE'),
      savepoint: this.sqlite.prepare('SAVEPOINT nimbus_write'),
      release: this.sqlite.prepare('RELEASE nimbus_write'),
      rollbackTo: this.sqlite.prepare('ROLLBACK TO nimbus_write'),
      commit: this.sqlite.prepare('COMMIT'),
      rollback: this.sqlite.prepare('ROLLBACK'),
    };
    return this.control;
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: { ok: boolean; value: unknown }[] = [];
    const db = this.sqlite;
    const tx = this.transactionControl();
    // A lone write needs no savepoint: if it fails, rolling back the transaction undoes just it.
    const alone = batch.length === 1;
    try {
      tx.begin.run();
      for (const w of batch) {
        if (!alone) tx.savepoint.run();
        try {
          const value = w.fn();
          if (!alone) tx.release.run();
          outcomes.push({ ok: true, value });
        } catch (e) {
          if (alone) throw e;
          tx.rollbackTo.run();
          tx.release.run();
          outcomes.push({ ok: false, value: e });
        }
      }
      tx.commit.run();
      this.commits++;
      this.writes += batch.length;
    } catch (e) {
      if (db.inTransaction) tx.rollback.run();
      for (const w of batch) w.reject(e);
      return;
    }
    batch.forEach((w, i) => (outcomes[i]!.ok ? w.resolve(outcomes[i]!.value) : w.reject(outcomes[i]!.value)));
  }

  /** Waits for every queued write to commit. */
  async drain(): Promise<void> {
    while (this.queue.length || this.flushScheduled) {
      await new Promise((r) => setImmediate(r));
    }
  }

  /** Deletes every row of every table (schema and migrations stay): `POST /_nimbus/reset`. */
  async wipe(): Promise<void> {
    await this.drain();
    const tables = (this.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_nimbus_migrations'").all() as { name: string }[]).map((r) => r.name);
    this.sqlite.pragma('foreign_keys = OFF');
    try {
      this.sqlite.transaction(() => {
        for (const t of tables) this.sqlite.exec(`DELETE FROM "${t.replace(/"/g, '""')}"`);
      })();
    } finally {
      this.sqlite.pragma('foreign_keys = ON');
    }
    this.generation++;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.drain();
    this.closed = true;
    if (!this.ephemeral) this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    this.sqlite.close();
  }
}
