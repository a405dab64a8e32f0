/**
 * GetAccessKeyLastUsed bookkeeping. The gateway reports every successful request signed with an
 * IAM access key (`noteUsed`); writing that durably per request would cost an fsync each, so uses
 * are kept in memory (the latest per key) and written in one transaction at most every
 * FLUSH_INTERVAL_MS, and by `flush()` (which the service's shutdown should call). GetAccessKeyLastUsed
 * reads the pending use first, so answers are current; a crash loses at most the last few seconds
 * of last-used dates, never a key.
 */
import type { Database } from '../../storage/index.js';
import type { Logger } from '../../shared/logger.js';
import type { AccessKeyTable, KeyUse } from './store/credentials.js';

export const FLUSH_INTERVAL_MS = 5_000;

export class UsageRecorder {
  private pending = new Map<string, KeyUse>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly keys: AccessKeyTable,
    private readonly log: Logger,
  ) {}

  /** Called on every request signed with the key: usually one Map lookup and a field write. */
  note(accessKeyId: string, service: string, region: string, atMs: number): void {
    const prev = this.pending.get(accessKeyId);
    if (prev) {
      if (prev.at >= atMs) return;
      if (prev.service === service && prev.region === region) {
        (prev as { at: number }).at = atMs;
        return;
      }
    }
    this.pending.set(accessKeyId, { at: atMs, service, region });
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), FLUSH_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** The latest use not yet written, if any. */
  pendingUse(accessKeyId: string): KeyUse | undefined {
    return this.pending.get(accessKeyId);
  }

  /** Writes the pending uses in one transaction. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.db.write(() => this.keys.recordUses(batch));
    } catch (e) {
      // The database closing under a pending flush is the one expected failure: the uses are lost.
      this.log.debug(`iam: could not record access key uses: ${String(e)}`);
    }
  }

  /** Forgets pending uses (the database was wiped). */
  clear(): void {
    this.pending.clear();
  }
}
