/** SQL for access keys, login profiles, the account password policy and MFA devices. */
import type { Database } from '../../../storage/index.js';
import type { PasswordPolicy, statusType } from '../generated/types.js';
import { date, opt, optDate, type AccessKeyRow, type LoginProfileRow, type MfaRow } from './records.js';

interface KeySql {
  access_key_id: string;
  account_id: string;
  user_id: string;
  secret: string;
  status: string;
  create_date: number;
  last_used_date: number | null;
  last_used_service: string | null;
  last_used_region: string | null;
}

const toKey = (r: KeySql): AccessKeyRow => ({
  accessKeyId: r.access_key_id,
  accountId: r.account_id,
  userId: r.user_id,
  secret: r.secret,
  status: r.status as statusType,
  createDate: date(r.create_date),
  lastUsedDate: optDate(r.last_used_date),
  lastUsedService: opt(r.last_used_service),
  lastUsedRegion: opt(r.last_used_region),
});

export interface KeyUse {
  at: number;
  service: string;
  region: string;
}

export class AccessKeyTable {
  constructor(private readonly db: Database) {}

  get(accessKeyId: string): AccessKeyRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_access_keys WHERE access_key_id = ?').get(accessKeyId) as KeySql | undefined;
    return r && toKey(r);
  }

  forUser(userId: string): AccessKeyRow[] {
    return (this.db.prepare('SELECT * FROM iam_access_keys WHERE user_id = ? ORDER BY create_date, access_key_id').all(userId) as KeySql[]).map(toKey);
  }

  countActive(accountId: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM iam_access_keys WHERE account_id = ?").get(accountId) as { n: number }).n;
  }

  insert(k: AccessKeyRow): void {
    this.db
      .prepare('INSERT INTO iam_access_keys (access_key_id, account_id, user_id, secret, status, create_date) VALUES (?, ?, ?, ?, ?, ?)')
      .run(k.accessKeyId, k.accountId, k.userId, k.secret, k.status, k.createDate.getTime());
  }

  setStatus(accessKeyId: string, status: statusType): void {
    this.db.prepare('UPDATE iam_access_keys SET status = ? WHERE access_key_id = ?').run(status, accessKeyId);
  }

  delete(accessKeyId: string): void {
    this.db.prepare('DELETE FROM iam_access_keys WHERE access_key_id = ?').run(accessKeyId);
  }

  /** Records uses batched by the directory (only ever moving the date forward). */
  recordUses(uses: ReadonlyMap<string, KeyUse>): void {
    const stmt = this.db.prepare(`UPDATE iam_access_keys SET last_used_date = @at, last_used_service = @service, last_used_region = @region
      WHERE access_key_id = @id AND (last_used_date IS NULL OR last_used_date < @at)`);
    for (const [id, u] of uses) stmt.run({ id, at: u.at, service: u.service, region: u.region });
  }
}

export class LoginProfileTable {
  constructor(private readonly db: Database) {}

  get(userId: string): LoginProfileRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_login_profiles WHERE user_id = ?').get(userId) as
      | { user_id: string; password_hash: string; create_date: number; reset_required: number }
      | undefined;
    return r && { userId: r.user_id, passwordHash: r.password_hash, createDate: date(r.create_date), resetRequired: r.reset_required === 1 };
  }

  put(p: LoginProfileRow): void {
    this.db
      .prepare(`INSERT INTO iam_login_profiles (user_id, password_hash, create_date, reset_required) VALUES (?, ?, ?, ?)
        ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, reset_required = excluded.reset_required`)
      .run(p.userId, p.passwordHash, p.createDate.getTime(), p.resetRequired ? 1 : 0);
  }

  delete(userId: string): void {
    this.db.prepare('DELETE FROM iam_login_profiles WHERE user_id = ?').run(userId);
  }
}

export class PasswordPolicyTable {
  constructor(private readonly db: Database) {}

  get(accountId: string): PasswordPolicy | undefined {
    const r = this.db.prepare('SELECT policy FROM iam_password_policies WHERE account_id = ?').get(accountId) as { policy: string } | undefined;
    return r && (JSON.parse(r.policy) as PasswordPolicy);
  }

  put(accountId: string, policy: PasswordPolicy): void {
    this.db
      .prepare('INSERT INTO iam_password_policies (account_id, policy) VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET policy = excluded.policy')
      .run(accountId, JSON.stringify(policy));
  }

  delete(accountId: string): boolean {
    return this.db.prepare('DELETE FROM iam_password_policies WHERE account_id = ?').run(accountId).changes > 0;
  }
}

interface MfaSql {
  serial_number: string;
  account_id: string;
  name: string;
  path: string;
  seed: Buffer;
  user_id: string | null;
  enable_date: number | null;
  create_date: number;
}

const toMfa = (r: MfaSql): MfaRow => ({
  serialNumber: r.serial_number,
  accountId: r.account_id,
  name: r.name,
  path: r.path,
  seed: r.seed,
  userId: opt(r.user_id),
  enableDate: optDate(r.enable_date),
  createDate: date(r.create_date),
});

export class MfaTable {
  constructor(private readonly db: Database) {}

  get(serialNumber: string): MfaRow | undefined {
    const r = this.db.prepare('SELECT * FROM iam_mfa_devices WHERE serial_number = ?').get(serialNumber) as MfaSql | undefined;
    return r && toMfa(r);
  }

  /** Every device of an account, in serial-number order. */
  list(accountId: string): MfaRow[] {
    return (this.db.prepare('SELECT * FROM iam_mfa_devices WHERE account_id = ? ORDER BY serial_number').all(accountId) as MfaSql[]).map(toMfa);
  }

  forUser(userId: string): MfaRow[] {
    return (this.db.prepare('SELECT * FROM iam_mfa_devices WHERE user_id = ? ORDER BY serial_number').all(userId) as MfaSql[]).map(toMfa);
  }

  insert(m: MfaRow): void {
    this.db
      .prepare('INSERT INTO iam_mfa_devices (serial_number, account_id, name, path, seed, create_date) VALUES (?, ?, ?, ?, ?, ?)')
      .run(m.serialNumber, m.accountId, m.name, m.path, m.seed, m.createDate.getTime());
  }

  assign(serialNumber: string, userId: string | undefined, at: Date | undefined): void {
    this.db.prepare('UPDATE iam_mfa_devices SET user_id = ?, enable_date = ? WHERE serial_number = ?').run(userId ?? null, at?.getTime() ?? null, serialNumber);
  }

  delete(serialNumber: string): void {
    this.db.prepare('DELETE FROM iam_mfa_devices WHERE serial_number = ?').run(serialNumber);
  }
}
