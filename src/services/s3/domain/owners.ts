/**
 * S3's canonical user ids. AWS gives every account an opaque 64-hex-digit canonical user id that
 * ACLs, `GetBucketAcl`/`ListBuckets` owners and `Principal: {"CanonicalUser": …}` use. Nimbus
 * derives it from the account id, so it is stable across restarts and the same everywhere.
 * AWS stopped returning the owner's DisplayName in 2025, so owners carry only the ID.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/finding-canonical-user-id.html
 */
import { createHash } from 'node:crypto';
import type { Owner } from '../generated/types.js';

const cache = new Map<string, string>();

/** The canonical user id of an account: 64 lower-case hex digits, the same for every call. */
export function canonicalUserId(accountId: string): string {
  let id = cache.get(accountId);
  if (id === undefined) {
    id = createHash('sha256').update(`nimbus-s3-canonical-user:${accountId}`).digest('hex');
    if (cache.size > 10_000) cache.clear();
    cache.set(accountId, id);
  }
  return id;
}

/** The `Owner` element S3 answers for something the account owns. */
export function ownerOf(accountId: string): Owner {
  return { ID: canonicalUserId(accountId) };
}

/** What a canonical user id looks like (AWS refuses other `id=` grantees with "Invalid id"). */
export function isCanonicalUserId(id: string): boolean {
  return /^[0-9a-f]{64}$/.test(id);
}
