/**
 * Signature verification at the gateway, through real clients: keys IAM issued are always
 * verified (a changed byte, a stale date, an expired presigned URL are refused with AWS's
 * errors), sessions expire, inactive keys stop working, and --strict-auth extends all of it to
 * the root key pair and refuses unknown keys.
 */
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { UpdateAccessKeyCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNimbus, type Clock, type StartedNimbus } from '../../src/index.js';
import { sdkSigner, toSdk, wireQuery } from '../auth/sigv4/sdk-signer.js';
import { useNimbus } from '../helpers/nimbus.js';
import { ACCOUNT, failure, policy, ssmAs, stsAs, userWithPolicies, type Keys } from './helpers.js';

/** A clock the test can move forward. */
class TestClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

const clock = new TestClock();
const nimbus = useNimbus({ clock });
let alice: Keys;

beforeAll(async () => {
  await new SSMClient(nimbus.clientConfig()).send(new PutParameterCommand({ Name: '/app/x', Value: 'x', Type: 'String' }));
  alice = await userWithPolicies(nimbus, 'alice', { all: policy({ Effect: 'Allow', Action: ['ssm:*', 'sts:*', 's3:*', 'cloudwatch:*'], Resource: '*' }) });
});

/** Sends a request signed by the SDK's own signer, optionally changed after signing. */
async function sendSigned(n: StartedNimbus, keys: Keys, o: { service: string; method: string; path: string; query?: Record<string, string>; headers: Record<string, string>; body?: string; presignExpires?: number; signingDate?: Date; tamper?: (body: string) => string }): Promise<{ status: number; text: string }> {
  const url = new URL(n.endpoint);
  const s3 = o.service === 's3';
  const signer = sdkSigner({ service: o.service, region: 'us-east-1', ...keys, s3 });
  const request = toSdk({ method: o.method, hostname: url.host, path: o.path, query: o.query, headers: { host: url.host, ...(s3 && o.presignExpires !== undefined ? { 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' } : {}), ...o.headers }, body: o.body === undefined ? undefined : Buffer.from(o.body) });
  const signed = o.presignExpires !== undefined ? await signer.presign(request, { expiresIn: o.presignExpires, signingDate: o.signingDate }) : await signer.sign(request, { signingDate: o.signingDate });
  const query = wireQuery(signed.query);
  const headers = { ...(signed.headers as Record<string, string>) };
  delete headers.host;
  const body = o.body === undefined ? undefined : o.tamper ? o.tamper(o.body) : o.body;
  const res = await fetch(`${n.endpoint}${signed.path}${query ? `?${query}` : ''}`, { method: o.method, headers, body });
  return { status: res.status, text: await res.text() };
}

const GET_PARAMETER = { service: 'ssm', method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.GetParameter' }, body: '{"Name":"/app/x"}' };

describe('signature verification for issued keys', () => {
  it('accepts a request the SDK signed', async () => {
    const r = await sendSigned(nimbus.current, alice, GET_PARAMETER);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).Parameter.Value).toBe('x');
  });

  it('refuses one changed byte in the body', async () => {
    const r = await sendSigned(nimbus.current, alice, { ...GET_PARAMETER, tamper: (b) => b.replace('/app/x', '/app/y') });
    expect(r.status).toBe(400);
    const err = JSON.parse(r.text);
    expect(err.__type).toContain('InvalidSignatureException');
    expect(err.message).toContain('The request signature we calculated does not match the signature you provided.');
  });

  it('refuses a stale date (SDK clock 20 minutes slow)', async () => {
    const err = await failure(new SSMClient(nimbus.clientConfig({ credentials: alice, systemClockOffset: -20 * 60 * 1000 })).send(new GetParameterCommand({ Name: '/app/x' })));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - \d+ min\.\)$/);
    const sts = await failure(new STSClient(nimbus.clientConfig({ credentials: alice, systemClockOffset: 20 * 60 * 1000 })).send(new GetCallerIdentityCommand({})));
    expect(sts.name).toBe('SignatureDoesNotMatch');
    expect(sts.message).toMatch(/^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)$/);
  });

  it('accepts a presigned STS URL within the 15-minute window (STS ignores X-Amz-Expires), not after', async () => {
    const query = { Action: 'GetCallerIdentity', Version: '2011-06-15' };
    const ok = await sendSigned(nimbus.current, alice, { service: 'sts', method: 'GET', path: '/', query, headers: {}, presignExpires: 60, signingDate: new Date(Date.now() - 5 * 60 * 1000) });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain(`<Arn>arn:aws:iam::${ACCOUNT}:user/alice</Arn>`);
    const old = await sendSigned(nimbus.current, alice, { service: 'sts', method: 'GET', path: '/', query, headers: {}, presignExpires: 60, signingDate: new Date(Date.now() - 20 * 60 * 1000) });
    expect(old.status).toBe(403);
    expect(old.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(old.text).toContain('Signature expired:');
  });

  it('enforces X-Amz-Expires on presigned S3 URLs', async () => {
    const s3 = { service: 's3', method: 'GET', path: '/bucket/key', headers: {}, presignExpires: 60 };
    // Authenticated and allowed: it gets as far as the operation, which finds no such bucket.
    const fresh = await sendSigned(nimbus.current, alice, s3);
    expect(fresh.status).toBe(404);
    expect(fresh.text).toContain('<Code>NoSuchBucket</Code>');
    const expired = await sendSigned(nimbus.current, alice, { ...s3, signingDate: new Date(Date.now() - 5 * 60 * 1000) });
    expect(expired.status).toBe(403);
    expect(expired.text).toContain('<Code>AccessDenied</Code>');
    expect(expired.text).toContain('<Message>Request has expired</Message>');
    expect(expired.text).toContain('<X-Amz-Expires>60</X-Amz-Expires>');
  });

  it('verifies a compressed body as the client signed it (gzip, before Nimbus decompresses it)', async () => {
    const cw = new CloudWatchClient(nimbus.clientConfig({ credentials: alice, requestMinCompressionSizeBytes: 1 }));
    // Authenticated and allowed (alice may cloudwatch:*): it gets as far as the not-yet-implemented operation.
    const err = await failure(cw.send(new PutMetricDataCommand({ Namespace: 'App', MetricData: [{ MetricName: 'm', Value: 1 }] })));
    expect(err.name).toBe('NotImplemented');
  });

  it('refuses an inactive key', async () => {
    const bob = await userWithPolicies(nimbus, 'bob', { all: policy({ Effect: 'Allow', Action: '*', Resource: '*' }) });
    await new IAMClient(nimbus.clientConfig()).send(new UpdateAccessKeyCommand({ UserName: 'bob', AccessKeyId: bob.accessKeyId, Status: 'Inactive' }));
    const sts = await failure(stsAs(nimbus, bob).send(new GetCallerIdentityCommand({})));
    expect(sts.name).toBe('InvalidClientTokenId');
    expect(sts.message).toBe('The security token included in the request is invalid.');
    const ssm = await failure(ssmAs(nimbus, bob).send(new GetParameterCommand({ Name: '/app/x' })));
    expect(ssm.name).toBe('UnrecognizedClientException');
  });

  it('expires session credentials', async () => {
    const out = await stsAs(nimbus, alice).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const session = { accessKeyId: out.Credentials!.AccessKeyId!, secretAccessKey: out.Credentials!.SecretAccessKey!, sessionToken: out.Credentials!.SessionToken! };
    expect((await ssmAs(nimbus, session).send(new GetParameterCommand({ Name: '/app/x' }))).Parameter?.Value).toBe('x');
    // Fifteen minutes later (for Nimbus and for the client, whose signing clock moves with it).
    clock.offsetMs = 901_000;
    const later = { credentials: session, systemClockOffset: clock.offsetMs };
    try {
      const sts = await failure(new STSClient(nimbus.clientConfig(later)).send(new GetCallerIdentityCommand({})));
      expect(sts.name).toBe('ExpiredToken');
      expect(sts.message).toBe('The security token included in the request is expired');
      const ssm = await failure(new SSMClient(nimbus.clientConfig(later)).send(new GetParameterCommand({ Name: '/app/x' })));
      expect(ssm.name).toBe('ExpiredTokenException');
    } finally {
      clock.offsetMs = 0;
    }
  });
});

describe('--strict-auth', () => {
  let strict: StartedNimbus;
  beforeAll(async () => {
    strict = await startNimbus({ strictAuth: true });
  });
  afterAll(async () => {
    await strict.stop();
  });
  const config = (credentials: Keys) => ({ endpoint: strict.endpoint, region: strict.region, credentials, maxAttempts: 1 });

  it('accepts the root key pair with its secret', async () => {
    const me = await new STSClient(config({ accessKeyId: 'test', secretAccessKey: 'test' })).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:iam::${ACCOUNT}:root`);
  });

  it('refuses the root key with another secret', async () => {
    const err = await failure(new STSClient(config({ accessKeyId: 'test', secretAccessKey: 'nope' })).send(new GetCallerIdentityCommand({})));
    expect(err.name).toBe('SignatureDoesNotMatch');
    const ssm = await failure(new SSMClient(config({ accessKeyId: 'test', secretAccessKey: 'nope' })).send(new GetParameterCommand({ Name: '/x' })));
    expect(ssm.name).toBe('InvalidSignatureException');
  });

  it('refuses keys it does not know, 12-digit ones included', async () => {
    for (const accessKeyId of ['AKIAIOSFODNN7EXAMPLE', '123456789012']) {
      const sts = await failure(new STSClient(config({ accessKeyId, secretAccessKey: 'x' })).send(new GetCallerIdentityCommand({})));
      expect(sts.name).toBe('InvalidClientTokenId');
      expect(sts.message).toBe('The security token included in the request is invalid.');
      const ssm = await failure(new SSMClient(config({ accessKeyId, secretAccessKey: 'x' })).send(new GetParameterCommand({ Name: '/x' })));
      expect(ssm.name).toBe('UnrecognizedClientException');
    }
  });
});
