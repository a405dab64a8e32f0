/**
 * Deletes blobs no row refers to any more, once the transaction that dropped them has committed.
 * A blob still being streamed to a client (a GET that started before an overwrite) is leased:
 * its deletion waits until the last reader lets go, so an overwrite never cuts a download short.
 * Blobs whose deletion is lost to a crash are swept at the next start-up (index.ts).
 */
import type { BlobStore } from '../../../storage/index.js';
import type { Logger } from '../../../shared/logger.js';

export class BlobReclaimer {
  private readonly leases = new Map<string, number>();
  private readonly doomed = new Set<string>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly log: Logger,
  ) {}

  /** Keeps `ids` from being deleted until the returned function is called (once). */
  lease(ids: readonly string[]): () => void {
    for (const id of ids) this.leases.set(id, (this.leases.get(id) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const id of ids) {
        const n = (this.leases.get(id) ?? 1) - 1;
        if (n > 0) {
          this.leases.set(id, n);
          continue;
        }
        this.leases.delete(id);
        if (this.doomed.delete(id)) void this.remove(id);
      }
    };
  }

  /** Deletes blobs now, or when their last lease ends. Never throws (a failure is logged; the start-up sweep retries). */
  async discard(ids: readonly string[]): Promise<void> {
    const now: Promise<void>[] = [];
    for (const id of ids) {
      if (this.leases.has(id)) this.doomed.add(id);
      else now.push(this.remove(id));
    }
    await Promise.all(now);
  }

  private async remove(id: string): Promise<void> {
    try {
      await this.blobs.delete(id);
    } catch (e) {
      this.log.warn(`s3: could not delete blob ${id} (${(e as Error).message}); the next start-up sweep will`);
    }
  }
}
