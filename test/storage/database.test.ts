import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { Database } from '../../src/storage/database.js';

const dirs: string[] = [];
function tempDb(): { db: Database; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-db-'));
  dirs.push(dir);
  const path = join(dir, 'nimbus.db');
  return { db: new Database({ path }), path };
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const COUNTER = [{ version: 1, description: 'counter table', sql: 'CREATE TABLE counter (id TEXT PRIMARY KEY, n INTEGER NOT NULL)' }];

describe('Database', () => {
  it('uses WAL and full synchronous durability on disk', () => {
    const { db } = tempDb();
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('creates 8 KiB pages (a 1–2 KB row without an overflow page) and opens a 4 KiB database as it is', async () => {
    const { db, path } = tempDb();
    expect(db.sqlite.pragma('page_size', { simple: true })).toBe(8192);
    db.migrate('t', COUNTER);
    await db.write(() => db.prepare('INSERT INTO counter VALUES (?, ?)').run('a', 1));
    await db.close();
    const again = new Database({ path });
    expect(again.sqlite.pragma('page_size', { simple: true })).toBe(8192);
    await again.close();

    const older = join(mkdtempSync(join(tmpdir(), 'nimbus-db-')), 'nimbus.db');
    dirs.push(join(older, '..'));
    const made = new BetterSqlite3(older);
    made.pragma('page_size = 4096');
    made.pragma('journal_mode = WAL');
    made.exec("CREATE TABLE counter (id TEXT PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO counter VALUES ('kept', 7)");
    made.close();
    const reopened = new Database({ path: older });
    expect(reopened.sqlite.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.prepare('SELECT n FROM counter WHERE id = ?').pluck(true).get('kept')).toBe(7);
    await reopened.close();
  });

  it('refuses a bare LIMIT parameter (SQLite would compile the statement again on every run) and takes `? + 0`', async () => {
    const { db } = tempDb();
    db.migrate('t', COUNTER);
    for (const n of [1, 2, 3]) db.prepare('INSERT INTO counter VALUES (?, ?)').run(`c${n}`, n);
    expect(() => db.prepare('SELECT n FROM counter ORDER BY n LIMIT ?')).toThrow(/bind LIMIT as `\? \+ 0`/);
    expect(() => db.prepare('SELECT n FROM counter ORDER BY n LIMIT @take OFFSET 1')).toThrow(/bind LIMIT/);
    expect(db.prepare('SELECT n FROM counter ORDER BY n LIMIT ? + 0').pluck(true).all(2)).toEqual([1, 2]);
    expect(db.prepare('SELECT n FROM counter ORDER BY n LIMIT 1 OFFSET ?').pluck(true).all(1)).toEqual([2]);
    await db.close();
  });

  it('group-commits writes issued together into one transaction', async () => {
    const { db } = tempDb();
    db.migrate('t', COUNTER);
    db.prepare("INSERT INTO counter VALUES ('c', 0)").run();
    const before = db.commits;
    await Promise.all(Array.from({ length: 50 }, () => db.write(() => db.prepare("UPDATE counter SET n = n + 1 WHERE id = 'c'").run())));
    expect(db.commits - before).toBe(1);
    expect(db.prepare("SELECT n FROM counter WHERE id = 'c'").get()).toEqual({ n: 50 });
    await db.close();
  });

  it('isolates a failing write: the others in its batch still commit', async () => {
    const { db } = tempDb();
    db.migrate('t', COUNTER);
    const results = await Promise.allSettled([
      db.write(() => db.prepare("INSERT INTO counter VALUES ('a', 1)").run()),
      db.write(() => {
        db.prepare("INSERT INTO counter VALUES ('b', 1)").run();
        throw new Error('conditional check failed');
      }),
      db.write(() => db.prepare("INSERT INTO counter VALUES ('c', 1)").run()),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((db.prepare('SELECT id FROM counter ORDER BY id').all() as { id: string }[]).map((r) => r.id)).toEqual(['a', 'c']);
    await db.close();
  });

  it('makes read-check-write atomic: concurrent conditional increments lose nothing', async () => {
    const { db } = tempDb();
    db.migrate('t', COUNTER);
    db.prepare("INSERT INTO counter VALUES ('c', 0)").run();
    const increment = () => db.write(() => {
      const { n } = db.prepare("SELECT n FROM counter WHERE id = 'c'").get() as { n: number };
      db.prepare("UPDATE counter SET n = ? WHERE id = 'c'").run(n + 1);
    });
    await Promise.all(Array.from({ length: 20 }, async () => {
      for (let i = 0; i < 25; i++) await increment();
    }));
    expect(db.prepare("SELECT n FROM counter WHERE id = 'c'").get()).toEqual({ n: 500 });
    await db.close();
  });

  it('applies migrations once, in order, and keeps data across reopen', async () => {
    const { db, path } = tempDb();
    db.migrate('t', COUNTER);
    await db.write(() => db.prepare("INSERT INTO counter VALUES ('x', 7)").run());
    await db.close();
    const again = new Database({ path });
    const v2 = [...COUNTER, { version: 2, description: 'note column', sql: "ALTER TABLE counter ADD COLUMN note TEXT NOT NULL DEFAULT ''" }];
    again.migrate('t', v2);
    again.migrate('t', v2);
    expect(again.prepare("SELECT n, note FROM counter WHERE id = 'x'").get()).toEqual({ n: 7, note: '' });
    await again.close();
  });

  it('refuses migration lists with gaps', () => {
    const { db } = tempDb();
    expect(() => db.migrate('t', [{ version: 2, description: 'x', sql: 'SELECT 1' }])).toThrow(/1..n in order/);
  });

  it('wipes every row but keeps the schema', async () => {
    const db = new Database();
    db.migrate('t', COUNTER);
    await db.write(() => db.prepare("INSERT INTO counter VALUES ('x', 1)").run());
    await db.wipe();
    expect(db.prepare('SELECT COUNT(*) AS c FROM counter').get()).toEqual({ c: 0 });
    await db.write(() => db.prepare("INSERT INTO counter VALUES ('y', 2)").run());
    expect(db.prepare('SELECT COUNT(*) AS c FROM counter').get()).toEqual({ c: 1 });
    await db.close();
  });

  it('rejects writes after close', async () => {
    const db = new Database();
    await db.close();
    await expect(db.write(() => 1)).rejects.toThrow(/closed/);
  });
});
