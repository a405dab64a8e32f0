/**
 * Version ids and the versioning rules every write follows.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
 *
 * - never enabled: each write replaces the key's only version, the null version; answers carry
 *   no version id;
 * - Enabled: each write adds a version with a new id; DeleteObject adds a delete marker;
 * - Suspended: writes replace the null version (other versions stay), DeleteObject replaces it
 *   with a null delete marker.
 */
import { randomBytes } from 'node:crypto';
import type { VersioningStatus } from '../store/buckets.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
const VERSION_ID_LENGTH = 32;

/** A new opaque version id (32 URL-safe characters, like AWS's). */
export function newVersionId(): string {
  const bytes = randomBytes(VERSION_ID_LENGTH);
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}

/** Whether a client-supplied version id could name a version (`null` or one of ours). */
export function isWellFormedVersionId(versionId: string): boolean {
  return versionId === 'null' || (versionId.length === VERSION_ID_LENGTH && /^[A-Za-z0-9._]+$/.test(versionId));
}

/** Whether a new write gets its own version id (Enabled) or becomes the null version. */
export function writesNewVersion(status: VersioningStatus | undefined): boolean {
  return status === 'Enabled';
}

/**
 * The version id to show in answers: none while versioning was never configured (every object
 * is the null version then, and S3 does not mention it), else the version's id, `null` included.
 */
export function visibleVersionId(status: VersioningStatus | undefined, versionId: string): string | undefined {
  return status === undefined ? undefined : versionId;
}
