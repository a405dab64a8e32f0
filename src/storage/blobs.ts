/**
 * Large payloads (object bodies, function code) live outside SQLite as files, written
 * atomically: a temporary file, fsync, rename into place, fsync of the folder. File names are
 * random ids the database records, never anything a user chose, so no key can reach the
 * filesystem. Files no row refers to (a crash between the file and its row) are removed by
 * `sweep()` at start-up. `--ephemeral` keeps blobs in memory instead.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, fdatasync, promises as fsp, mkdirSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface BlobInfo {
  id: string;
  size: number;
}

export interface BlobStore {
  /** Stores the bytes; resolves once they are durable. Never leaves a partial blob behind. */
  put(data: Readable | Buffer | string): Promise<BlobInfo>;
  /** The blob's bytes, optionally a range [start, end] (inclusive), read `chunkSize` bytes at a time (default 64 KiB). */
  read(id: string, range?: { start: number; end: number }, chunkSize?: number): Readable;
  readAll(id: string): Promise<Buffer>;
  delete(id: string): Promise<void>;
  /** Removes every blob not in `referenced`, and leftover temporary files. Returns how many. */
  sweep(referenced: ReadonlySet<string>): Promise<number>;
  /** Removes every blob (`POST /_nimbus/reset`). */
  wipe(): Promise<void>;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkId(id: string): string {
  if (!ID.test(id)) throw new Error(`not a blob id: ${JSON.stringify(id)}`);
  return id;
}

/** fsync of a file or folder, off the event loop (a folder's fsync waits for the disk too). */
async function fsyncPath(path: string): Promise<void> {
  const fh = await fsp.open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * While a large blob arrives, its bytes are flushed to disk every so often (fdatasync on the
 * thread pool, never awaited, one at a time), so the disk writes alongside the network instead of
 * after it and the final fsync only waits for the tail. Without it a big upload is received and
 * then written out, one after the other.
 */
const FLUSH_EVERY = 16 * 1024 * 1024;

function flushAsItArrives(source: Readable, out: WriteStream): void {
  let unflushed = 0;
  let flushing = false;
  let fd: number | undefined;
  out.once('open', (opened: number) => (fd = opened));
  source.on('data', (chunk: Buffer) => {
    unflushed += chunk.length;
    if (unflushed < FLUSH_EVERY || flushing || fd === undefined || out.closed) return;
    unflushed = 0;
    flushing = true;
    // An error here (the stream closed meanwhile) is harmless: the final fsync decides.
    fdatasync(fd, () => {
      flushing = false;
    });
  });
}

export class FileBlobStore implements BlobStore {
  private readonly tmp: string;

  constructor(private readonly dir: string) {
    this.tmp = join(dir, 'tmp');
    mkdirSync(this.tmp, { recursive: true });
  }

  private pathOf(id: string): string {
    return join(this.dir, checkId(id).slice(0, 2), id);
  }

  async put(data: Readable | Buffer | string): Promise<BlobInfo> {
    const id = randomUUID();
    const tmpPath = join(this.tmp, id);
    const source = typeof data === 'string' || Buffer.isBuffer(data) ? Readable.from([Buffer.from(data)]) : data;
    // Up to 1 MiB queued: while one write is on the thread pool the next chunks gather, and go out
    // together (writev), instead of one thread-pool round trip per 64 KiB socket read.
    const out = createWriteStream(tmpPath, { flags: 'wx', highWaterMark: 1024 * 1024 });
    flushAsItArrives(source, out);
    try {
      await pipeline(source, out);
      await fsyncPath(tmpPath);
      const finalDir = join(this.dir, id.slice(0, 2));
      await fsp.mkdir(finalDir, { recursive: true });
      await fsp.rename(tmpPath, join(finalDir, id));
      await fsyncPath(finalDir);
      return { id, size: out.bytesWritten };
    } catch (e) {
      await fsp.rm(tmpPath, { force: true });
      throw e;
    }
  }

  read(id: string, range?: { start: number; end: number }, chunkSize?: number): Readable {
    // (With a range, the stream allocates no more than the range needs, whatever the chunk size.)
    return createReadStream(this.pathOf(id), { ...range, highWaterMark: chunkSize });
  }

  async readAll(id: string): Promise<Buffer> {
    return fsp.readFile(this.pathOf(id));
  }

  async delete(id: string): Promise<void> {
    await fsp.rm(this.pathOf(id), { force: true });
  }

  async sweep(referenced: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    for (const name of readdirSync(this.tmp)) {
      rmSync(join(this.tmp, name), { force: true });
      removed++;
    }
    for (const sub of readdirSync(this.dir)) {
      if (sub === 'tmp' || !/^[0-9a-f]{2}$/.test(sub)) continue;
      for (const name of readdirSync(join(this.dir, sub))) {
        if (!referenced.has(name)) {
          rmSync(join(this.dir, sub, name), { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  async wipe(): Promise<void> {
    await this.sweep(new Set());
  }
}

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  async put(data: Readable | Buffer | string): Promise<BlobInfo> {
    let buf: Buffer;
    if (typeof data === 'string' || Buffer.isBuffer(data)) {
      buf = Buffer.from(data);
    } else {
      const chunks: Buffer[] = [];
      for await (const c of data) chunks.push(Buffer.from(c as Buffer));
      buf = Buffer.concat(chunks);
    }
    const id = randomUUID();
    this.blobs.set(id, buf);
    return { id, size: buf.length };
  }

  private get(id: string): Buffer {
    const b = this.blobs.get(checkId(id));
    if (!b) throw Object.assign(new Error(`no blob ${id}`), { code: 'ENOENT' });
    return b;
  }

  read(id: string, range?: { start: number; end: number }): Readable {
    const b = this.get(id);
    return Readable.from([range ? b.subarray(range.start, range.end + 1) : b]);
  }

  async readAll(id: string): Promise<Buffer> {
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    this.blobs.delete(id);
  }

  async sweep(referenced: ReadonlySet<string>): Promise<number> {
    let removed = 0;
    for (const id of [...this.blobs.keys()]) {
      if (!referenced.has(id)) {
        this.blobs.delete(id);
        removed++;
      }
    }
    return removed;
  }

  async wipe(): Promise<void> {
    this.blobs.clear();
  }
}
