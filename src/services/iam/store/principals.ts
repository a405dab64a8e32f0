/** SQL for users, groups (with membership) and roles. */
import type { Database } from '../../../storage/index.js';
import { nameKey } from '../domain/arns.js';
import { date, opt, optDate, type GroupRow, type RoleRow, type UserRow } from './records.js';

interface UserSql {
  user_id: string;
  account_id: string;
  name: string;
  path: string;
  create_date: number;
  boundary_arn: string | null;
  password_last_used: number | null;
}

const toUser = (r: UserSql): UserRow => ({
  accountId: r.account_id,
  userId: r.user_id,
  name: r.name,
  path: r.path,
  createDate: date(r.create_date),
  boundaryArn: opt(r.boundary_arn),
  passwordLastUsed: optDate(r.password_last_used),
});

interface GroupSql {
  group_id: string;
  account_id: string;
  name: string;
  path: string;
  create_date: number;
}

const toGroup = (r: GroupSql): GroupRow => ({ accountId: r.account_id, groupId: r.group_id, name: r.name, path: r.path, createDate: date(r.create_date) });

interface RoleSql {
  role_id: string;
  account_id: string;
  name: string;
  path: string;
  create_date: number;
  trust_policy: string;
  description: string | null;
  max_session: number;
  boundary_arn: string | null;
  last_used_date: number | null;
  last_used_region: string | null;
}

const toRole = (r: RoleSql): RoleRow => ({
  accountId: r.account_id,
  roleId: r.role_id,
  name: r.name,
  path: r.path,
  createDate: date(r.create_date),
  trustPolicy: r.trust_policy,
  description: opt(r.description),
  maxSessionDuration: r.max_session,
  boundaryArn: opt(r.boundary_arn),
  lastUsedDate: optDate(r.last_used_date),
  lastUsedRegion: opt(r.last_used_region),
});

/** Rows whose path starts with the prefix, in name order (case-insensitive, as names are unique that way). */
const PATH_PREFIX = 'substr(path, 1, length(@prefix)) = @prefix';

export class UserTable {
  constructor(private readonly db: Database) {}

  get(accountId: string, name: string): UserRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_users WHERE account_id = ? AND name_key = ?').get(accountId, nameKey(name)) as UserSql | undefined;
    return r && toUser(r);
  }

  byId(userId: string): UserRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_users WHERE user_id = ?').get(userId) as UserSql | undefined;
    return r && toUser(r);
  }

  list(accountId: string, pathPrefix = '/'): UserRow[] {
    return (this.db.prepare(`SELECT * FROM iam_users WHERE account_id = @account AND ${PATH_PREFIX} ORDER BY name_key`).all({ account: accountId, prefix: pathPrefix }) as UserSql[]).map(toUser);
  }

  count(accountId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM iam_users WHERE account_id = ?').get(accountId) as { n: number }).n;
  }

  insert(u: UserRow): void {
    this.db
      .prepare('INSERT INTO iam_users (user_id, account_id, name, name_key, path, create_date, boundary_arn) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(u.userId, u.accountId, u.name, nameKey(u.name), u.path, u.createDate.getTime(), u.boundaryArn ?? null);
  }

  rename(userId: string, name: string, path: string): void {
    this.db.prepare('UPDATE iam_users SET name = ?, name_key = ?, path = ? WHERE user_id = ?').run(name, nameKey(name), path, userId);
  }

  setBoundary(userId: string, arn: string | undefined): void {
    this.db.prepare('UPDATE iam_users SET boundary_arn = ? WHERE user_id = ?').run(arn ?? null, userId);
  }

  delete(userId: string): void {
    this.db.prepare('DELETE FROM iam_users WHERE user_id = ?').run(userId);
  }
}

export class GroupTable {
  constructor(private readonly db: Database) {}

  get(accountId: string, name: string): GroupRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_groups WHERE account_id = ? AND name_key = ?').get(accountId, nameKey(name)) as GroupSql | undefined;
    return r && toGroup(r);
  }

  list(accountId: string, pathPrefix = '/'): GroupRow[] {
    return (this.db.prepare(`SELECT * FROM iam_groups WHERE account_id = @account AND ${PATH_PREFIX} ORDER BY name_key`).all({ account: accountId, prefix: pathPrefix }) as GroupSql[]).map(toGroup);
  }

  count(accountId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM iam_groups WHERE account_id = ?').get(accountId) as { n: number }).n;
  }

  insert(g: GroupRow): void {
    this.db
      .prepare('INSERT INTO iam_groups (group_id, account_id, name, name_key, path, create_date) VALUES (?, ?, ?, ?, ?, ?)')
      .run(g.groupId, g.accountId, g.name, nameKey(g.name), g.path, g.createDate.getTime());
  }

  rename(groupId: string, name: string, path: string): void {
    this.db.prepare('UPDATE iam_groups SET name = ?, name_key = ?, path = ? WHERE group_id = ?').run(name, nameKey(name), path, groupId);
  }

  delete(groupId: string): void {
    this.db.prepare('DELETE FROM iam_groups WHERE group_id = ?').run(groupId);
  }

  addMember(groupId: string, userId: string): void {
    this.db.prepare('INSERT OR IGNORE INTO iam_group_members (group_id, user_id) VALUES (?, ?)').run(groupId, userId);
  }

  removeMember(groupId: string, userId: string): boolean {
    return this.db.prepare('DELETE FROM iam_group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId).changes > 0;
  }

  members(groupId: string): UserRow[] {
    return (this.db
      .prepare('SELECT u.* FROM iam_group_members m JOIN iam_users u ON u.user_id = m.user_id WHERE m.group_id = ? ORDER BY u.name_key')
      .all(groupId) as UserSql[]).map(toUser);
  }

  forUser(userId: string): GroupRow[] {
    return (this.db
      .prepare('SELECT g.* FROM iam_group_members m JOIN iam_groups g ON g.group_id = m.group_id WHERE m.user_id = ? ORDER BY g.name_key')
      .all(userId) as GroupSql[]).map(toGroup);
  }
}

export class RoleTable {
  constructor(private readonly db: Database) {}

  get(accountId: string, name: string): RoleRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_roles WHERE account_id = ? AND name_key = ?').get(accountId, nameKey(name)) as RoleSql | undefined;
    return r && toRole(r);
  }

  byId(roleId: string): RoleRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_roles WHERE role_id = ?').get(roleId) as RoleSql | undefined;
    return r && toRole(r);
  }

  list(accountId: string, pathPrefix = '/'): RoleRow[] {
    return (this.db.prepare(`SELECT * FROM iam_roles WHERE account_id = @account AND ${PATH_PREFIX} ORDER BY name_key`).all({ account: accountId, prefix: pathPrefix }) as RoleSql[]).map(toRole);
  }

  count(accountId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM iam_roles WHERE account_id = ?').get(accountId) as { n: number }).n;
  }

  insert(r: RoleRow): void {
    this.db
      .prepare(`INSERT INTO iam_roles (role_id, account_id, name, name_key, path, create_date, trust_policy, description, max_session, boundary_arn)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(r.roleId, r.accountId, r.name, nameKey(r.name), r.path, r.createDate.getTime(), r.trustPolicy, r.description ?? null, r.maxSessionDuration, r.boundaryArn ?? null);
  }

  setTrustPolicy(roleId: string, document: string): void {
    this.db.prepare('UPDATE iam_roles SET trust_policy = ? WHERE role_id = ?').run(document, roleId);
  }

  update(roleId: string, changes: { description?: string; maxSessionDuration?: number }): void {
    if (changes.description !== undefined) this.db.prepare('UPDATE iam_roles SET description = ? WHERE role_id = ?').run(changes.description, roleId);
    if (changes.maxSessionDuration !== undefined) this.db.prepare('UPDATE iam_roles SET max_session = ? WHERE role_id = ?').run(changes.maxSessionDuration, roleId);
  }

  setBoundary(roleId: string, arn: string | undefined): void {
    this.db.prepare('UPDATE iam_roles SET boundary_arn = ? WHERE role_id = ?').run(arn ?? null, roleId);
  }

  delete(roleId: string): void {
    this.db.prepare('DELETE FROM iam_roles WHERE role_id = ?').run(roleId);
  }
}
