/**
 * AssumeRoleWithWebIdentity against a real (local) OpenID Connect provider: an https server with
 * a self-signed certificate publishing its JWKS, ID tokens signed with its RSA key, an IAM OIDC
 * provider, and a role whose trust policy names it with a `sub` condition.
 */
import { spawnSync } from 'node:child_process';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateOpenIDConnectProviderCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../helpers/nimbus.js';
import { ACCOUNT, failure, policy, stsAs } from './helpers.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) console.warn('openssl is not installed: the AssumeRoleWithWebIdentity tests (which need a self-signed certificate) are skipped');

const nimbus = useNimbus();
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
let server: Server;
let issuer: string;
let host: string;

function jwt(claims: Record<string, unknown>, key: KeyObject = keys.privateKey): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${enc({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${enc(claims)}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(key).toString('base64url')}`;
}

function token(overrides: Record<string, unknown> = {}, key?: KeyObject): string {
  const now = Math.floor(Date.now() / 1000);
  return jwt({ iss: issuer, sub: 'repo:acme/app', aud: 'my-app', iat: now, exp: now + 300, ...overrides }, key);
}

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/ci-deploy`;

beforeAll(async () => {
  if (!hasOpenssl) return;
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-oidc-'));
  const r = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  const jwk = { ...keys.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' };
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys` }));
    else if (req.url === '/keys') res.end(JSON.stringify({ keys: [jwk] }));
    else res.writeHead(404).end('{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  host = `localhost:${port}`;
  issuer = `https://${host}`;
  const iam = new IAMClient(nimbus.clientConfig());
  const { OpenIDConnectProviderArn } = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: issuer, ClientIDList: ['my-app'], ThumbprintList: ['0'.repeat(40)] }));
  expect(OpenIDConnectProviderArn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/${host}`);
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'ci-deploy',
      AssumeRolePolicyDocument: policy({
        Effect: 'Allow',
        Principal: { Federated: OpenIDConnectProviderArn },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${host}:aud`]: 'my-app' }, StringLike: { [`${host}:sub`]: 'repo:acme/*' } },
      }),
    }),
  );
});

afterAll(() => {
  server?.close();
});

/** AssumeRoleWithWebIdentity is unsigned: a client without credentials calls it. */
function anonymousSts(): STSClient {
  const c = new STSClient(nimbus.clientConfig());
  return c;
}

describe.skipIf(!hasOpenssl)('AssumeRoleWithWebIdentity', () => {
  it('exchanges a valid ID token for a role session', async () => {
    const out = await anonymousSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'build-42', WebIdentityToken: token() }));
    expect(out.SubjectFromWebIdentityToken).toBe('repo:acme/app');
    expect(out.Audience).toBe('my-app');
    expect(out.Provider).toBe(host);
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ci-deploy/build-42`);
    const me = await stsAs(nimbus, { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! }).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/ci-deploy/build-42`);
  });

  it('refuses a subject the trust policy does not allow', async () => {
    const err = await failure(anonymousSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'evil', WebIdentityToken: token({ sub: 'repo:evil/app' }) })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  it('refuses a wrong audience, an expired token and a forged signature', async () => {
    const aud = await failure(anonymousSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'sess', WebIdentityToken: token({ aud: 'other' }) })));
    expect(aud.name).toBe('InvalidIdentityTokenException');
    expect(aud.message).toBe('Incorrect token audience');
    const expired = await failure(anonymousSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'sess', WebIdentityToken: token({ exp: Math.floor(Date.now() / 1000) - 60 }) })));
    expect(expired.name).toBe('ExpiredTokenException');
    const forged = await failure(anonymousSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'sess', WebIdentityToken: token({}, stranger.privateKey) })));
    expect(forged.name).toBe('InvalidIdentityTokenException');
  });

  it('refuses a token from an issuer that is not an IAM OIDC provider, and a non-JWT', async () => {
    const unknown = await failure(anonymousSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'sess', WebIdentityToken: token({ iss: 'https://accounts.example.com' }) })));
    expect(unknown.name).toBe('InvalidIdentityTokenException');
    expect(unknown.message).toBe('No OpenIDConnect provider found in your account for https://accounts.example.com');
    const garbage = await failure(anonymousSts().send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'sess', WebIdentityToken: 'not-a-jwt-at-all' })));
    expect(garbage.name).toBe('InvalidIdentityTokenException');
  });
});
