/**
 * The MD5 of a large upload, computed on a worker thread while the main thread receives, stores
 * and CRCs the body. Every upload needs its MD5 (the ETag), and MD5 is the slowest hash involved
 * (about 600 MB/s; it cannot be parallelised within one stream), so on the request's thread it
 * alone would hold a PUT under the machine's MD5 rate. Off it, the two threads work side by side.
 *
 * Each upload gets a ring of shared memory: the main thread copies each chunk in (one memcpy, far
 * cheaper than hashing it) and tells the worker where it is; the worker hashes it and advances a
 * shared "consumed" counter. When the ring is full the main thread waits (Atomics.waitAsync), which
 * is the stream's backpressure. One worker serves every upload; it is started on first use, does
 * not keep the process alive, and is replaced if it dies (its uploads then fail).
 *
 * The worker's code is a string (eval: true) so it runs the same from src/ (tests), dist/ and the
 * single-file bundle, none of which can point at a separate worker file the same way.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'start') {
    jobs.set(m.id, { hash: createHash('md5'), ring: new Uint8Array(m.ring), consumed: new BigInt64Array(m.consumed) });
  } else if (m.type === 'data') {
    const job = jobs.get(m.id);
    if (!job) return;
    job.hash.update(job.ring.subarray(m.offset, m.offset + m.length));
    Atomics.add(job.consumed, 0, BigInt(m.length));
    Atomics.notify(job.consumed, 0);
  } else if (m.type === 'end') {
    const job = jobs.get(m.id);
    jobs.delete(m.id);
    if (job) parentPort.postMessage({ id: m.id, digest: job.hash.digest() });
  } else if (m.type === 'abort') {
    jobs.delete(m.id);
  }
});
`;

/**
 * Shared memory per upload, and how much is copied in before the worker is told. Fewer, larger
 * hand-overs mean fewer thread wake-ups: with 1 MiB ones the worker path costs about 0.45 ms of
 * CPU per MiB more than hashing in place (64 KiB ones: 0.65), and runs 1.4× faster with a free core.
 */
const RING_SIZE = 4 * 1024 * 1024;
const BATCH = 1024 * 1024;

interface Shared {
  readonly worker: Worker;
  readonly jobs: Map<number, WorkerMd5>;
}

let shared: Shared | undefined;
let nextId = 1;

// ES2023's lib does not declare Atomics.waitAsync (Node.js has had it since 16).
type WaitAsync = (array: BigInt64Array, index: number, value: bigint) => { async: boolean; value: Promise<string> | string };
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

function theWorker(): Shared {
  if (shared) return shared;
  // execArgv: [] so the parent's flags (--input-type=module, loaders) cannot turn this CommonJS
  // snippet into something else.
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
  const jobs = new Map<number, WorkerMd5>();
  const current: Shared = { worker, jobs };
  worker.on('message', (m: { id: number; digest: Uint8Array }) => jobs.get(m.id)?.finished(Buffer.from(m.digest.buffer, m.digest.byteOffset, m.digest.length)));
  const die = (reason: unknown) => {
    if (shared === current) shared = undefined;
    for (const job of jobs.values()) job.failed(reason instanceof Error ? reason : new Error(`the MD5 worker stopped (${String(reason)})`));
    jobs.clear();
  };
  worker.on('error', die);
  worker.on('exit', die);
  // Idle, the worker must not keep the process alive (after the listeners: adding a 'message'
  // listener refs it again); busy, it must, or a process waiting only for a digest would exit.
  worker.unref();
  shared = current;
  return current;
}

function addJob(s: Shared, job: WorkerMd5, id: number): void {
  if (s.jobs.size === 0) s.worker.ref();
  s.jobs.set(id, job);
}

function removeJob(s: Shared, id: number): boolean {
  const had = s.jobs.delete(id);
  if (had && s.jobs.size === 0) s.worker.unref();
  return had;
}

/** One upload's MD5, hashed on the worker. */
export class WorkerMd5 {
  private readonly id = nextId++;
  private readonly ring = new SharedArrayBuffer(RING_SIZE);
  private readonly bytes = new Uint8Array(this.ring);
  private readonly consumed = new BigInt64Array(new SharedArrayBuffer(8));
  private readonly shared = theWorker();
  private written = 0;
  /** Bytes the worker has been told about (≤ written). */
  private announced = 0;
  private failure: Error | undefined;
  private settle: { resolve(d: Buffer): void; reject(e: Error): void } | undefined;

  constructor() {
    addJob(this.shared, this, this.id);
    this.shared.worker.postMessage({ type: 'start', id: this.id, ring: this.ring, consumed: this.consumed.buffer });
  }

  /** Hands `chunk` to the worker; a promise when the ring was full and the caller must wait for it. */
  update(chunk: Uint8Array): Promise<void> | undefined {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.failure) return Promise.reject(this.failure);
      const free = RING_SIZE - (this.written - Number(Atomics.load(this.consumed, 0)));
      if (free === 0) {
        this.announce();
        const rest = chunk.subarray(offset);
        return this.spaceFreed().then(() => this.update(rest));
      }
      const at = this.written % RING_SIZE;
      const n = Math.min(free, chunk.length - offset, RING_SIZE - at);
      this.bytes.set(chunk.subarray(offset, offset + n), at);
      this.written += n;
      offset += n;
      if (this.written - this.announced >= BATCH || this.written % RING_SIZE === 0) this.announce();
    }
    return undefined;
  }

  /** Tells the worker about the bytes copied in since last time (they never wrap: see update). */
  private announce(): void {
    const length = this.written - this.announced;
    if (length === 0) return;
    this.shared.worker.postMessage({ type: 'data', id: this.id, offset: this.announced % RING_SIZE, length });
    this.announced = this.written;
  }

  /** The MD5, once the worker has hashed everything handed to it. */
  digest(): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.announce();
      this.shared.worker.postMessage({ type: 'end', id: this.id });
    });
  }

  /** The upload failed: the worker forgets it. */
  abort(): void {
    if (!removeJob(this.shared, this.id)) return;
    this.shared.worker.postMessage({ type: 'abort', id: this.id });
  }

  /** @internal from the worker's reply. */
  finished(digest: Buffer): void {
    removeJob(this.shared, this.id);
    this.settle?.resolve(digest);
  }

  /** @internal the worker died. */
  failed(reason: Error): void {
    this.failure = reason;
    this.settle?.reject(reason);
    // Release an update waiting for space; it then sees the failure.
    Atomics.store(this.consumed, 0, BigInt(this.written));
    Atomics.notify(this.consumed, 0);
  }

  private spaceFreed(): Promise<void> {
    const seen = Atomics.load(this.consumed, 0);
    if (RING_SIZE - (this.written - Number(seen)) > 0) return Promise.resolve();
    const wait = waitAsync(this.consumed, 0, seen);
    return wait.async ? (wait.value as Promise<string>).then(() => undefined) : Promise.resolve();
  }
}

/**
 * Ends the shared worker (at shutdown): an unref'd worker still kept `nimbus start` from exiting
 * once it had hashed an upload. Uploads still hashing fail; the next one starts a new worker.
 */
export async function stopMd5Worker(): Promise<void> {
  const current = shared;
  if (!current) return;
  shared = undefined;
  await current.worker.terminate();
}
