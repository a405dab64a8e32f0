/**
 * STS's storage: the temporary credentials it issued. Every request signed with an ASIA… key
 * looks its session up here, so sessions live in memory (loaded at start, written through to
 * SQLite before the credentials are returned, so they survive a restart). Expired sessions stay
 * a day, so requests signed with them get ExpiredToken rather than "invalid token".
 */
import type { CredentialResolver, ResolvedCredential } from '../../auth/identity.js';
import type { Caller, SessionFacts } from '../../auth/principal.js';
import { MalformedPolicyError, parsePolicy, type AttachedPolicy, type PolicySource } from '../../iam/index.js';
import type { Database, Migration } from '../../storage/index.js';
import type { Clock } from '../../shared/clock.js';
import type { ServiceEnvironment } from '../service.js';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'STS: temporary credentials and the identity each stands for',
    sql: `
      CREATE TABLE sts_sessions (
        access_key_id TEXT PRIMARY KEY, secret TEXT NOT NULL, token TEXT NOT NULL,
        account_id TEXT NOT NULL, issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
        caller TEXT NOT NULL, policies TEXT
      ) WITHOUT ROWID;
      CREATE INDEX sts_sessions_by_expiry ON sts_sessions (expires_at);
    `,
  },
];

/** How long after expiry a session is still recognised (to answer ExpiredToken). */
const KEEP_EXPIRED_MS = 24 * 3600 * 1000;

/** What a new session is: its keys and who it stands for. */
export interface NewSession {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly caller: Caller;
}

interface StoredPolicy {
  text: string;
  source: PolicySource;
}

interface SessionRow {
  access_key_id: string;
  secret: string;
  token: string;
  account_id: string;
  issued_at: number;
  expires_at: number;
  caller: string;
  policies: string | null;
}

export class StsStore implements CredentialResolver {
  private sessions = new Map<string, ResolvedCredential>();
  private loadedGeneration = -1;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  resolveCredential(accessKeyId: string): ResolvedCredential | undefined {
    if (this.loadedGeneration !== this.db.generation) this.load();
    return this.sessions.get(accessKeyId);
  }

  /** Stores a session durably, then makes it usable. */
  async add(session: NewSession): Promise<void> {
    const facts = session.caller.session!;
    const policies = facts.policies?.map((p): StoredPolicy => ({ text: p.policy.text, source: p.source }));
    const { session: _session, ...identity } = session.caller;
    const stored = { ...identity, session: { ...facts, policies: undefined } };
    await this.db.write(() => {
      this.db
        .prepare('INSERT INTO sts_sessions (access_key_id, secret, token, account_id, issued_at, expires_at, caller, policies) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(session.accessKeyId, session.secretAccessKey, session.sessionToken, session.caller.accountId, facts.issuedAt, facts.expiresAt, JSON.stringify(stored), policies ? JSON.stringify(policies) : null);
    });
    if (this.loadedGeneration !== this.db.generation) this.load();
    this.sessions.set(session.accessKeyId, credentialOf(session.accessKeyId, session.secretAccessKey, session.sessionToken, session.caller));
  }

  private load(): void {
    this.loadedGeneration = this.db.generation;
    this.sessions = new Map();
    const cutoff = this.clock.now().getTime() - KEEP_EXPIRED_MS;
    const rows = this.db.prepare('SELECT * FROM sts_sessions WHERE expires_at > ?').all(cutoff) as SessionRow[];
    for (const row of rows) {
      const caller = JSON.parse(row.caller) as Caller & { session: SessionFacts };
      const policies = row.policies ? (JSON.parse(row.policies) as StoredPolicy[]).map(reparse) : undefined;
      const full: Caller = Object.freeze({ ...caller, session: Object.freeze({ ...caller.session, policies }) });
      this.sessions.set(row.access_key_id, credentialOf(row.access_key_id, row.secret, row.token, full));
    }
    // Long-expired sessions are of no use to anyone: drop them (not awaited; nothing depends on it).
    void this.db.write(() => this.db.prepare('DELETE FROM sts_sessions WHERE expires_at <= ?').run(cutoff));
  }
}

function reparse(p: StoredPolicy): AttachedPolicy {
  try {
    return { policy: parsePolicy(p.text, 'session'), source: p.source };
  } catch (e) {
    // Accepted when the session was issued; a stricter parser later must not lock the session
    // out with an exception, so the policy is kept as one that allows nothing.
    if (!(e instanceof MalformedPolicyError)) throw e;
    return { policy: parsePolicy('{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}', 'session'), source: p.source };
  }
}

function credentialOf(accessKeyId: string, secretAccessKey: string, sessionToken: string, caller: Caller): ResolvedCredential {
  return Object.freeze({ accessKeyId, secretAccessKey, sessionToken, active: true, expiresAt: caller.session!.expiresAt, caller });
}

export function createStore(env: ServiceEnvironment): StsStore {
  return new StsStore(env.db, env.clock);
}
