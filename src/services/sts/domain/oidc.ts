/**
 * Web identity tokens (OIDC ID tokens, JWTs) as AssumeRoleWithWebIdentity checks them: the issuer
 * must be an IAM OIDC provider in the role's account, the audience one of its client ids, the
 * token unexpired, and the signature valid under a key the issuer publishes (its JWKS, found
 * through `<issuer>/.well-known/openid-configuration`).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html
 *
 * Keys are fetched over https, as AWS does. For a loopback issuer (`https://localhost:8443`,
 * `https://127.0.0.1:…`) Nimbus accepts a self-signed certificate, so a test suite can run its
 * own identity provider.
 */
import { createPublicKey, verify, type JsonWebKey } from 'node:crypto';
import { get as httpsGet } from 'node:https';
import type { IdentityDirectory, OidcProviderRecord } from '../../../auth/identity.js';
import { ExpiredTokenException, IDPCommunicationErrorException, InvalidIdentityTokenException } from '../generated/errors.js';

export interface WebIdentity {
  readonly provider: OidcProviderRecord;
  /** The issuer without `https://` (what condition keys are prefixed with). */
  readonly issuerHost: string;
  readonly subject: string;
  readonly audience: string;
  readonly claims: Record<string, unknown>;
}

interface Jwt {
  header: { alg?: string; kid?: string };
  claims: Record<string, unknown>;
  signed: Buffer;
  signature: Buffer;
}

function parseJwt(token: string): Jwt {
  const parts = token.split('.');
  const invalid = () => new InvalidIdentityTokenException('The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  if (parts.length !== 3) throw invalid();
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Jwt['header'];
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw invalid();
    return { header, claims, signed: Buffer.from(`${parts[0]}.${parts[1]}`), signature: Buffer.from(parts[2]!, 'base64url') };
  } catch {
    throw invalid();
  }
}

export async function verifyWebIdentity(directory: IdentityDirectory, roleAccount: string, token: string, now: number): Promise<WebIdentity> {
  const jwt = parseJwt(token);
  const iss = jwt.claims.iss;
  if (typeof iss !== 'string') throw new InvalidIdentityTokenException('The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
  const issuerHost = iss.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const provider = directory.oidcProvider(`arn:aws:iam::${roleAccount}:oidc-provider/${issuerHost}`);
  if (!provider) throw new InvalidIdentityTokenException(`No OpenIDConnect provider found in your account for ${iss}`);
  const audiences = Array.isArray(jwt.claims.aud) ? (jwt.claims.aud as unknown[]).map(String) : jwt.claims.aud !== undefined ? [String(jwt.claims.aud)] : [];
  const audience = audiences.find((a) => provider.clientIds.includes(a)) ?? (typeof jwt.claims.azp === 'string' && provider.clientIds.includes(jwt.claims.azp) ? jwt.claims.azp : undefined);
  if (audience === undefined) throw new InvalidIdentityTokenException('Incorrect token audience');
  const exp = Number(jwt.claims.exp);
  if (!Number.isFinite(exp) || exp * 1000 <= now) {
    throw new ExpiredTokenException(`Token expired: current date/time ${Math.floor(now / 1000)} must be before the expiration date/time${Number.isFinite(exp) ? ` ${exp}` : ''}`);
  }
  await verifySignature(iss, jwt);
  const subject = typeof jwt.claims.sub === 'string' ? jwt.claims.sub : '';
  return { provider, issuerHost, subject, audience, claims: jwt.claims };
}

const ALGORITHMS: Record<string, { hash: string; ec?: boolean; pss?: boolean }> = {
  RS256: { hash: 'sha256' }, RS384: { hash: 'sha384' }, RS512: { hash: 'sha512' },
  PS256: { hash: 'sha256', pss: true }, PS384: { hash: 'sha384', pss: true }, PS512: { hash: 'sha512', pss: true },
  ES256: { hash: 'sha256', ec: true }, ES384: { hash: 'sha384', ec: true }, ES512: { hash: 'sha512', ec: true },
};

async function verifySignature(issuer: string, jwt: Jwt): Promise<void> {
  const alg = jwt.header.alg ? ALGORITHMS[jwt.header.alg] : undefined;
  if (!alg) throw new InvalidIdentityTokenException(`The ID Token provided uses an unsupported signing algorithm (${jwt.header.alg ?? 'none'}).`);
  const keys = await issuerKeys(issuer);
  const candidates = keys.filter((k) => jwt.header.kid === undefined || k.kid === jwt.header.kid);
  for (const jwk of candidates) {
    try {
      const key = createPublicKey({ key: jwk, format: 'jwk' });
      const ok = verify(alg.hash, jwt.signed, alg.ec ? { key, dsaEncoding: 'ieee-p1363' } : alg.pss ? { key, padding: 6, saltLength: -1 } : key, jwt.signature);
      if (ok) return;
    } catch {
      // a key of another type: try the next
    }
  }
  throw new InvalidIdentityTokenException('Couldn\'t verify the signature of the ID Token with any key the identity provider publishes.');
}

const jwksCache = new Map<string, { at: number; keys: (JsonWebKey & { kid?: string })[] }>();
const JWKS_TTL_MS = 5 * 60 * 1000;

async function issuerKeys(issuer: string): Promise<(JsonWebKey & { kid?: string })[]> {
  const cached = jwksCache.get(issuer);
  if (cached && Date.now() - cached.at < JWKS_TTL_MS) return cached.keys;
  const unreachable = () => new IDPCommunicationErrorException('Couldn\'t retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw unreachable();
  }
  if (url.protocol !== 'https:') throw unreachable();
  try {
    const config = (await fetchJson(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)) as { jwks_uri?: string };
    if (typeof config.jwks_uri !== 'string') throw unreachable();
    const jwks = (await fetchJson(config.jwks_uri)) as { keys?: (JsonWebKey & { kid?: string })[] };
    const keys = Array.isArray(jwks.keys) ? jwks.keys : [];
    jwksCache.set(issuer, { at: Date.now(), keys });
    return keys;
  } catch {
    throw unreachable();
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function fetchJson(target: string): Promise<unknown> {
  const url = new URL(target);
  if (url.protocol !== 'https:') return Promise.reject(new Error(`${target}: not https`));
  return new Promise((resolve, reject) => {
    const req = httpsGet(url, { timeout: 5000, rejectUnauthorized: !LOOPBACK.has(url.hostname) }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`${target}: ${res.statusCode}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 1 << 20) req.destroy(new Error(`${target}: too large`));
        else chunks.push(c);
      });
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${target}: timed out`)));
    req.on('error', reject);
  });
}
