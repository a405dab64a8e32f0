import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { FileBlobStore, MemoryBlobStore, type BlobStore } from '../../src/storage/blobs.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'nimbus-blobs-'));
  dirs.push(d);
  return d;
}

async function text(s: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString();
}

function failingStream(): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push('partial data');
      } else {
        this.destroy(new Error('client went away'));
      }
    },
  });
}

for (const [name, make] of [['FileBlobStore', () => new FileBlobStore(tempDir())], ['MemoryBlobStore', () => new MemoryBlobStore()]] as const) {
  describe(name, () => {
    it('stores streams and buffers, reads them whole and by range, deletes them', async () => {
      const store: BlobStore = make();
      const a = await store.put(Readable.from([Buffer.from('hello '), Buffer.from('world')]));
      expect(a.size).toBe(11);
      expect(await text(store.read(a.id))).toBe('hello world');
      expect(await text(store.read(a.id, { start: 6, end: 10 }))).toBe('world');
      const b = await store.put(Buffer.from('second'));
      expect((await store.readAll(b.id)).toString()).toBe('second');
      await store.delete(a.id);
      await expect(store.readAll(a.id)).rejects.toThrow();
    });

    it('never names anything after user input: ids are validated', () => {
      const store = make();
      expect(() => store.read('../../etc/passwd')).toThrow(/not a blob id/);
    });

    it('leaves nothing behind when the source stream fails', async () => {
      const store = make();
      await expect(store.put(failingStream())).rejects.toThrow(/client went away/);
      expect(await store.sweep(new Set())).toBe(0);
    });

    it('sweeps blobs no record refers to', async () => {
      const store = make();
      const keep = await store.put('keep');
      await store.put('orphan');
      expect(await store.sweep(new Set([keep.id]))).toBe(1);
      expect((await store.readAll(keep.id)).toString()).toBe('keep');
    });
  });
}

describe('FileBlobStore on disk', () => {
  it('writes through a temporary file and removes leftovers of an interrupted write on sweep', async () => {
    const dir = tempDir();
    const store = new FileBlobStore(dir);
    const blob = await store.put('durable');
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    writeFileSync(join(dir, 'tmp', '2f1c3b0e-0000-4000-8000-000000000000'), 'half written');
    const removed = await store.sweep(new Set([blob.id]));
    expect(removed).toBe(1);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    expect(existsSync(join(dir, blob.id.slice(0, 2), blob.id))).toBe(true);
  });
});
