/**
 * SQL for customer managed policies and their versions, inline policies, and attachments of
 * managed policies (customer or AWS managed, by ARN) to users, groups and roles.
 */
import type { Database } from '../../../storage/index.js';
import { nameKey } from '../domain/arns.js';
import { date, opt, type ManagedPolicyRow, type PolicyVersionRow } from './records.js';

interface PolicySql {
  policy_id: string;
  account_id: string;
  name: string;
  path: string;
  arn: string;
  description: string | null;
  default_version: number;
  next_version: number;
  create_date: number;
  update_date: number;
}

const toPolicy = (r: PolicySql): ManagedPolicyRow => ({
  accountId: r.account_id,
  policyId: r.policy_id,
  name: r.name,
  path: r.path,
  arn: r.arn,
  description: opt(r.description),
  defaultVersion: r.default_version,
  nextVersion: r.next_version,
  createDate: date(r.create_date),
  updateDate: date(r.update_date),
});

export class ManagedPolicyTable {
  constructor(private readonly db: Database) {}

  byArn(arn: string): ManagedPolicyRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_managed_policies WHERE arn = ?').get(arn) as PolicySql | undefined;
    return r && toPolicy(r);
  }

  byName(accountId: string, name: string): ManagedPolicyRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_managed_policies WHERE account_id = ? AND name_key = ?').get(accountId, nameKey(name)) as PolicySql | undefined;
    return r && toPolicy(r);
  }

  list(accountId: string): ManagedPolicyRow[] {
    return (this.db.prepare('SELECT * FROM iam_managed_policies WHERE account_id = ? ORDER BY name_key').all(accountId) as PolicySql[]).map(toPolicy);
  }

  count(accountId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM iam_managed_policies WHERE account_id = ?').get(accountId) as { n: number }).n;
  }

  versionCount(accountId: string): number {
    return (this.db
      .prepare('SELECT COUNT(*) AS n FROM iam_policy_versions v JOIN iam_managed_policies p ON p.policy_id = v.policy_id WHERE p.account_id = ?')
      .get(accountId) as { n: number }).n;
  }

  insert(p: ManagedPolicyRow, document: string): void {
    this.db
      .prepare(`INSERT INTO iam_managed_policies (policy_id, account_id, name, name_key, path, arn, description, default_version, next_version, create_date, update_date)
        VALUES (?, ?, ?, ?, ?, ?, ?, 1, 2, ?, ?)`)
      .run(p.policyId, p.accountId, p.name, nameKey(p.name), p.path, p.arn, p.description ?? null, p.createDate.getTime(), p.updateDate.getTime());
    this.db.prepare('INSERT INTO iam_policy_versions (policy_id, version, document, create_date) VALUES (?, 1, ?, ?)').run(p.policyId, document, p.createDate.getTime());
  }

  delete(policyId: string): void {
    this.db.prepare('DELETE FROM iam_managed_policies WHERE policy_id = ?').run(policyId);
  }

  versions(policyId: string): PolicyVersionRow[] {
    return (this.db.prepare('SELECT version, document, create_date FROM iam_policy_versions WHERE policy_id = ? ORDER BY version DESC').all(policyId) as {
      version: number;
      document: string;
      create_date: number;
    }[]).map((r) => ({ version: r.version, document: r.document, createDate: date(r.create_date) }));
  }

  version(policyId: string, version: number): PolicyVersionRow | undefined {
    const r = this.db.prepare('SELECT version, document, create_date FROM iam_policy_versions WHERE policy_id = ? AND version = ?').get(policyId, version) as
      | { version: number; document: string; create_date: number }
      | undefined;
    return r && { version: r.version, document: r.document, createDate: date(r.create_date) };
  }

  /** Adds the next version; returns its number. */
  addVersion(p: ManagedPolicyRow, document: string, at: Date, setAsDefault: boolean): number {
    const v = p.nextVersion;
    this.db.prepare('INSERT INTO iam_policy_versions (policy_id, version, document, create_date) VALUES (?, ?, ?, ?)').run(p.policyId, v, document, at.getTime());
    this.db
      .prepare('UPDATE iam_managed_policies SET next_version = ?, default_version = ?, update_date = ? WHERE policy_id = ?')
      .run(v + 1, setAsDefault ? v : p.defaultVersion, setAsDefault ? at.getTime() : p.updateDate.getTime(), p.policyId);
    return v;
  }

  setDefault(policyId: string, version: number, at: Date): void {
    this.db.prepare('UPDATE iam_managed_policies SET default_version = ?, update_date = ? WHERE policy_id = ?').run(version, at.getTime(), policyId);
  }

  deleteVersion(policyId: string, version: number): void {
    this.db.prepare('DELETE FROM iam_policy_versions WHERE policy_id = ? AND version = ?').run(policyId, version);
  }
}

export class InlinePolicyTable {
  constructor(private readonly db: Database) {}

  get(ownerId: string, policyName: string): string | undefined {
    const r = this.db.prepare('SELECT document FROM iam_inline_policies WHERE owner_id = ? AND policy_name = ?').get(ownerId, policyName) as { document: string } | undefined;
    return r?.document;
  }

  /** Name and document of each, in name order. */
  list(ownerId: string): { name: string; document: string }[] {
    return (this.db.prepare('SELECT policy_name, document FROM iam_inline_policies WHERE owner_id = ? ORDER BY policy_name').all(ownerId) as {
      policy_name: string;
      document: string;
    }[]).map((r) => ({ name: r.policy_name, document: r.document }));
  }

  put(ownerId: string, policyName: string, document: string): void {
    this.db
      .prepare(`INSERT INTO iam_inline_policies (owner_id, policy_name, document) VALUES (?, ?, ?)
        ON CONFLICT (owner_id, policy_name) DO UPDATE SET document = excluded.document`)
      .run(ownerId, policyName, document);
  }

  delete(ownerId: string, policyName: string): boolean {
    return this.db.prepare('DELETE FROM iam_inline_policies WHERE owner_id = ? AND policy_name = ?').run(ownerId, policyName).changes > 0;
  }

  count(ownerId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM iam_inline_policies WHERE owner_id = ?').get(ownerId) as { n: number }).n;
  }
}

export interface AttachmentRow {
  ownerId: string;
  policyArn: string;
}

export class AttachmentTable {
  constructor(private readonly db: Database) {}

  /** ARNs attached to a principal, in the order they were attached. */
  forOwner(ownerId: string): string[] {
    return (this.db.prepare('SELECT policy_arn FROM iam_attachments WHERE owner_id = ? ORDER BY seq').all(ownerId) as { policy_arn: string }[]).map((r) => r.policy_arn);
  }

  /** Principals (ids) a policy is attached to in an account. */
  owners(accountId: string, policyArn: string): string[] {
    return (this.db.prepare('SELECT owner_id FROM iam_attachments WHERE account_id = ? AND policy_arn = ?').all(accountId, policyArn) as { owner_id: string }[]).map((r) => r.owner_id);
  }

  /** Attachment counts of every policy attached in an account. */
  counts(accountId: string): Map<string, number> {
    const rows = this.db.prepare('SELECT policy_arn, COUNT(*) AS n FROM iam_attachments WHERE account_id = ? GROUP BY policy_arn').all(accountId) as { policy_arn: string; n: number }[];
    return new Map(rows.map((r) => [r.policy_arn, r.n]));
  }

  attach(accountId: string, ownerId: string, policyArn: string): void {
    this.db
      .prepare(`INSERT OR IGNORE INTO iam_attachments (account_id, owner_id, policy_arn, seq)
        VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM iam_attachments WHERE owner_id = ?))`)
      .run(accountId, ownerId, policyArn, ownerId);
  }

  detach(ownerId: string, policyArn: string): boolean {
    return this.db.prepare('DELETE FROM iam_attachments WHERE owner_id = ? AND policy_arn = ?').run(ownerId, policyArn).changes > 0;
  }

  /** How many users and roles use the policy as their permissions boundary. */
  boundaryUses(accountId: string, policyArn: string): number {
    const u = this.db.prepare('SELECT COUNT(*) AS n FROM iam_users WHERE account_id = ? AND boundary_arn = ?').get(accountId, policyArn) as { n: number };
    const r = this.db.prepare('SELECT COUNT(*) AS n FROM iam_roles WHERE account_id = ? AND boundary_arn = ?').get(accountId, policyArn) as { n: number };
    return u.n + r.n;
  }

  boundaryCounts(accountId: string): Map<string, number> {
    const rows = this.db
      .prepare(`SELECT boundary_arn AS arn, COUNT(*) AS n FROM (
          SELECT boundary_arn FROM iam_users WHERE account_id = @a AND boundary_arn IS NOT NULL
          UNION ALL SELECT boundary_arn FROM iam_roles WHERE account_id = @a AND boundary_arn IS NOT NULL) GROUP BY boundary_arn`)
      .all({ a: accountId }) as { arn: string; n: number }[];
    return new Map(rows.map((r) => [r.arn, r.n]));
  }
}
