/** SQL for instance profiles, OIDC providers, tags, account aliases and service-linked role deletion tasks. */
import type { Database } from '../../../storage/index.js';
import { nameKey } from '../domain/arns.js';
import type { Tag } from '../generated/types.js';
import { date, type InstanceProfileRow, type OidcRow } from './records.js';

interface ProfileSql {
  profile_id: string;
  account_id: string;
  name: string;
  path: string;
  create_date: number;
}

const toProfile = (r: ProfileSql): InstanceProfileRow => ({ accountId: r.account_id, profileId: r.profile_id, name: r.name, path: r.path, createDate: date(r.create_date) });

export class InstanceProfileTable {
  constructor(private readonly db: Database) {}

  get(accountId: string, name: string): InstanceProfileRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_instance_profiles WHERE account_id = ? AND name_key = ?').get(accountId, nameKey(name)) as ProfileSql | undefined;
    return r && toProfile(r);
  }

  list(accountId: string, pathPrefix = '/'): InstanceProfileRow[] {
    return (this.db
      .prepare('SELECT * FROM iam_instance_profiles WHERE account_id = @a AND substr(path, 1, length(@p)) = @p ORDER BY name_key')
      .all({ a: accountId, p: pathPrefix }) as ProfileSql[]).map(toProfile);
  }

  count(accountId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM iam_instance_profiles WHERE account_id = ?').get(accountId) as { n: number }).n;
  }

  forRole(roleId: string): InstanceProfileRow[] {
    return (this.db
      .prepare('SELECT p.* FROM iam_instance_profile_roles x JOIN iam_instance_profiles p ON p.profile_id = x.profile_id WHERE x.role_id = ? ORDER BY p.name_key')
      .all(roleId) as ProfileSql[]).map(toProfile);
  }

  roleIds(profileId: string): string[] {
    return (this.db.prepare('SELECT role_id FROM iam_instance_profile_roles WHERE profile_id = ?').all(profileId) as { role_id: string }[]).map((r) => r.role_id);
  }

  insert(p: InstanceProfileRow): void {
    this.db
      .prepare('INSERT INTO iam_instance_profiles (profile_id, account_id, name, name_key, path, create_date) VALUES (?, ?, ?, ?, ?, ?)')
      .run(p.profileId, p.accountId, p.name, nameKey(p.name), p.path, p.createDate.getTime());
  }

  delete(profileId: string): void {
    this.db.prepare('DELETE FROM iam_instance_profiles WHERE profile_id = ?').run(profileId);
  }

  addRole(profileId: string, roleId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO iam_instance_profile_roles (profile_id, role_id) VALUES (?, ?)').run(profileId, roleId);
  }

  removeRole(profileId: string, roleId: string): boolean {
    return this.db.prepare('DELETE FROM iam_instance_profile_roles WHERE profile_id = ? AND role_id = ?').run(profileId, roleId).changes > 0;
  }
}

interface OidcSql {
  arn: string;
  account_id: string;
  url: string;
  client_ids: string;
  thumbprints: string;
  create_date: number;
}

const toOidc = (r: OidcSql): OidcRow => ({
  arn: r.arn,
  accountId: r.account_id,
  url: r.url,
  clientIds: JSON.parse(r.client_ids) as string[],
  thumbprints: JSON.parse(r.thumbprints) as string[],
  createDate: date(r.create_date),
});

export class OidcTable {
  constructor(private readonly db: Database) {}

  get(arn: string): OidcRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_oidc_providers WHERE arn = ?').get(arn) as OidcSql | undefined;
    return r && toOidc(r);
  }

  list(accountId: string): OidcRow[] {
    return (this.db.prepare('SELECT * FROM iam_oidc_providers WHERE account_id = ? ORDER BY arn').all(accountId) as OidcSql[]).map(toOidc);
  }

  put(p: OidcRow): void {
    this.db
      .prepare(`INSERT INTO iam_oidc_providers (arn, account_id, url, client_ids, thumbprints, create_date) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (arn) DO UPDATE SET client_ids = excluded.client_ids, thumbprints = excluded.thumbprints`)
      .run(p.arn, p.accountId, p.url, JSON.stringify(p.clientIds), JSON.stringify(p.thumbprints), p.createDate.getTime());
  }

  delete(arn: string): void {
    this.db.prepare('DELETE FROM iam_oidc_providers WHERE arn = ?').run(arn);
  }
}

/** Tags of any IAM resource, keyed by its id (user/role/policy/instance-profile id, MFA serial, OIDC ARN). */
export class TagTable {
  constructor(private readonly db: Database) {}

  /** In the order they were first added. */
  get(resourceId: string): Tag[] {
    return (this.db.prepare('SELECT tag_key, tag_value FROM iam_tags WHERE resource_id = ? ORDER BY seq').all(resourceId) as { tag_key: string; tag_value: string }[]).map(
      (r) => ({ Key: r.tag_key, Value: r.tag_value }),
    );
  }

  /** Replaces the resource's tags. */
  set(resourceId: string, tags: readonly Tag[]): void {
    const before = new Map(
      (this.db.prepare('SELECT key_lower, seq FROM iam_tags WHERE resource_id = ?').all(resourceId) as { key_lower: string; seq: number }[]).map((r) => [r.key_lower, r.seq]),
    );
    let next = Math.max(0, ...before.values()) + 1;
    this.clear(resourceId);
    const insert = this.db.prepare('INSERT INTO iam_tags (resource_id, key_lower, tag_key, tag_value, seq) VALUES (?, ?, ?, ?, ?)');
    for (const t of tags) {
      const k = t.Key.toLowerCase();
      insert.run(resourceId, k, t.Key, t.Value, before.get(k) ?? next++);
    }
  }

  clear(resourceId: string): void {
    this.db.prepare('DELETE FROM iam_tags WHERE resource_id = ?').run(resourceId);
  }
}

export class AccountTable {
  constructor(private readonly db: Database) {}

  alias(accountId: string): string | undefined {
    return (this.db.prepare('SELECT alias FROM iam_account_aliases WHERE account_id = ?').get(accountId) as { alias: string } | undefined)?.alias;
  }

  aliasOwner(alias: string): string | undefined {
    return (this.db.prepare('SELECT account_id FROM iam_account_aliases WHERE alias = ?').get(alias) as { account_id: string } | undefined)?.account_id;
  }

  setAlias(accountId: string, alias: string): void {
    this.db.prepare('INSERT INTO iam_account_aliases (account_id, alias) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET alias = excluded.alias').run(accountId, alias);
  }

  deleteAlias(accountId: string, alias: string): boolean {
    return this.db.prepare('DELETE FROM iam_account_aliases WHERE account_id = ? AND alias = ?').run(accountId, alias).changes > 0;
  }

  addDeletionTask(accountId: string, taskId: string, status: string): void {
    this.db.prepare('INSERT INTO iam_deletion_tasks (task_id, account_id, status) VALUES (?, ?, ?)').run(taskId, accountId, status);
  }

  deletionTask(accountId: string, taskId: string): string | undefined {
    return (this.db.prepare('SELECT status FROM iam_deletion_tasks WHERE task_id = ? AND account_id = ?').get(taskId, accountId) as { status: string } | undefined)?.status;
  }
}
