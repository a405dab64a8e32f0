/**
 * The ETag's MD5 of an upload: on the request's thread for small bodies (a worker round trip would
 * cost more than it saves), on the MD5 worker for large ones (see md5-worker.ts).
 */
import { createHash, type Hash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { WorkerMd5 } from './md5-worker.js';

/** Bodies at least this large (as declared) are hashed on the worker. */
export const WORKER_MD5_MIN_BYTES = 1024 * 1024;

export interface Md5Hasher {
  /** A promise when the caller must wait before handing over more (the worker is behind). */
  update(chunk: Uint8Array): Promise<void> | undefined;
  digest(): Buffer | Promise<Buffer>;
  /** The upload failed; nothing more will come. */
  abort(): void;
}

class InlineMd5 implements Md5Hasher {
  private readonly hash: Hash = createHash('md5');
  update(chunk: Uint8Array): undefined {
    this.hash.update(chunk);
    return undefined;
  }
  digest(): Buffer {
    return this.hash.digest();
  }
  abort(): void {}
}

/** A job on the MD5 worker whose upload was dropped unfinished (a handler that gave up on the body) is ended with it. */
const abandoned = new FinalizationRegistry<WorkerMd5>((job) => job.abort());

/** Starts the worker's job on the first byte, so a body nobody reads costs nothing. */
class OffloadedMd5 implements Md5Hasher {
  private job: WorkerMd5 | undefined;
  update(chunk: Uint8Array): Promise<void> | undefined {
    if (!this.job) {
      this.job = new WorkerMd5();
      abandoned.register(this, this.job, this);
    }
    return this.job.update(chunk);
  }
  digest(): Buffer | Promise<Buffer> {
    abandoned.unregister(this);
    return this.job ? this.job.digest() : createHash('md5').digest();
  }
  abort(): void {
    abandoned.unregister(this);
    this.job?.abort();
  }
}

/** With a single CPU the worker only adds its overhead (about 0.4 ms of CPU per MiB). */
const SEVERAL_CPUS = availableParallelism() > 1;

/** An MD5 for a body of `expectedSize` bytes (undefined: unknown, hashed inline). */
export function md5For(expectedSize: number | undefined): Md5Hasher {
  return SEVERAL_CPUS && expectedSize !== undefined && expectedSize >= WORKER_MD5_MIN_BYTES ? new OffloadedMd5() : new InlineMd5();
}
