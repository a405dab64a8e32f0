/** Opens Nimbus's storage: the database and the blob store, durable under a data dir or in memory. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileBlobStore, MemoryBlobStore, type BlobStore } from './blobs.js';
import { Database } from './database.js';

export { Database, type Migration } from './database.js';
export type { BlobStore, BlobInfo } from './blobs.js';

export interface Storage {
  db: Database;
  blobs: BlobStore;
  /** Where state lives, or undefined when ephemeral. */
  dataDir?: string;
  close(): Promise<void>;
}

export function openStorage(options: { dataDir?: string; ephemeral: boolean }): Storage {
  if (options.ephemeral || !options.dataDir) {
    const db = new Database();
    return { db, blobs: new MemoryBlobStore(), close: () => db.close() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const db = new Database({ path: join(options.dataDir, 'nimbus.db') });
  return { db, blobs: new FileBlobStore(join(options.dataDir, 'blobs')), dataDir: options.dataDir, close: () => db.close() };
}
