/**
 * Temporary credentials as STS issues them: an `ASIA…` access key id (20 characters), a
 * 40-character secret and an opaque session token the requests must carry.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html
 */
import { randomBytes } from 'node:crypto';
import type { Credentials } from '../generated/types.js';

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface IssuedKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

export function newSessionKeys(): IssuedKeys {
  const bytes = randomBytes(16);
  let id = 'ASIA';
  for (let i = 0; i < 16; i++) id += KEY_ALPHABET[bytes[i]! & 31];
  const secretAccessKey = randomBytes(30).toString('base64').replace(/\+/g, 'A').replace(/\//g, 'B');
  // AWS's tokens are long opaque base64 blobs (hundreds of characters); only their identity matters.
  const sessionToken = `IQoJb3JpZ2luX2VjE${randomBytes(240).toString('base64')}`;
  return { accessKeyId: id, secretAccessKey, sessionToken };
}

export function credentialsOutput(keys: IssuedKeys, expiresAt: number): Credentials {
  return { AccessKeyId: keys.accessKeyId, SecretAccessKey: keys.secretAccessKey, SessionToken: keys.sessionToken, Expiration: new Date(expiresAt) };
}
