/**
 * The hash that places a partition key in DynamoDB's hash space: a 32-bit unsigned integer of
 * the key's encoded bytes. It must never change once data is stored (it is part of every stored
 * key), and it must spread similar keys ("user#1", "user#2" …) evenly, because a parallel Scan
 * splits the space into equal ranges (segments) and reads each as one contiguous B-tree range.
 *
 * FNV-1a over the bytes, then MurmurHash3's 32-bit finalizer for avalanche.
 */

export const HASH_SPACE = 2 ** 32;

export function partitionHash(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The bucket range [start, end) a parallel Scan segment covers: equal slices of the hash space. */
export function segmentRange(segment: number, totalSegments: number): { start: number; end: number } {
  return {
    start: Math.floor((segment * HASH_SPACE) / totalSegments),
    end: Math.floor(((segment + 1) * HASH_SPACE) / totalSegments),
  };
}
