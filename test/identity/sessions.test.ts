/**
 * STS sessions through the real SDK: a role assumed via AssumeRole gets exactly its policies;
 * GetSessionToken with a correct TOTP code satisfies aws:MultiFactorAuthPresent and a wrong code
 * is refused; GetFederationToken narrows to the session policy; sessions expire.
 */
import {
  AttachRolePolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetFederationTokenCommand, GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, timeStep, totpCode } from '../../src/auth/totp.js';
import { awsCli, hasAwsCli, useNimbus } from '../helpers/nimbus.js';
import { ACCOUNT, cliEnv, failure, policy, ssmAs, stsAs, userWithPolicies, type Keys } from './helpers.js';

const nimbus = useNimbus();
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/app-writer`;
let bob: Keys;

function sessionKeys(c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined): Keys {
  return { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! };
}

beforeAll(async () => {
  const root = new SSMClient(nimbus.clientConfig());
  for (const name of ['/app/x', '/mfa/x', '/fed/x']) await root.send(new PutParameterCommand({ Name: name, Value: `value of ${name}`, Type: 'String' }));
  bob = await userWithPolicies(nimbus, 'bob', {
    'assume-writer': policy({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARN }),
    'read-mfa-only': policy({ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
    'read-fed': policy({ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/fed/*` }),
    federate: policy({ Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: '*' }),
  });
  const iam = new IAMClient(nimbus.clientConfig());
  await iam.send(
    new CreateRoleCommand({
      RoleName: 'app-writer',
      AssumeRolePolicyDocument: policy({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'sts:AssumeRole' }),
    }),
  );
  await iam.send(new PutRolePolicyCommand({ RoleName: 'app-writer', PolicyName: 'write-app', PolicyDocument: policy({ Effect: 'Allow', Action: 'ssm:PutParameter', Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/*` }) }));
});

describe('AssumeRole', () => {
  it('gives the session exactly the role policies', async () => {
    const out = await stsAs(nimbus, bob).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'deploy' }));
    expect(out.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app-writer/deploy`);
    expect(out.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z0-9]{17}:deploy$/);
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const expiresIn = out.Credentials!.Expiration!.getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(3500_000);
    expect(expiresIn).toBeLessThanOrEqual(3600_000);
    const session = sessionKeys(out.Credentials);
    const me = await stsAs(nimbus, session).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/app-writer/deploy`);
    expect(me.UserId).toBe(out.AssumedRoleUser?.AssumedRoleId);
    // The role may write /app/*…
    await ssmAs(nimbus, session).send(new PutParameterCommand({ Name: '/app/written', Value: 'by role', Type: 'String' }));
    // …but not read, which bob may do on /fed/* only: the session has the role's policies, not bob's.
    const err = await failure(ssmAs(nimbus, session).send(new GetParameterCommand({ Name: '/fed/x' })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toBe(
      `User: arn:aws:sts::${ACCOUNT}:assumed-role/app-writer/deploy is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/fed/x because no identity-based policy allows the ssm:GetParameter action`,
    );
  });

  it('narrows the session with a session policy', async () => {
    const out = await stsAs(nimbus, bob).send(
      new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'narrow', Policy: policy({ Effect: 'Allow', Action: 'ssm:PutParameter', Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/narrow` }) }),
    );
    expect(out.PackedPolicySize).toBeGreaterThan(0);
    const session = ssmAs(nimbus, sessionKeys(out.Credentials));
    await session.send(new PutParameterCommand({ Name: '/app/narrow', Value: 'ok', Type: 'String' }));
    const err = await failure(session.send(new PutParameterCommand({ Name: '/app/wide', Value: 'no', Type: 'String' })));
    expect(err.message).toContain('because no session policy allows the ssm:PutParameter action');
  });

  it('refuses a caller whose policies do not allow sts:AssumeRole (the trust policy names only the account)', async () => {
    const carol = await userWithPolicies(nimbus, 'carol', { nothing: policy({ Effect: 'Allow', Action: 'ssm:DescribeParameters', Resource: '*' }) });
    const err = await failure(stsAs(nimbus, carol).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'sess' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.status).toBe(403);
    expect(err.message).toContain(`User: arn:aws:iam::${ACCOUNT}:user/carol is not authorized to perform: sts:AssumeRole on resource: ${ROLE_ARN}`);
  });

  it('refuses a role that does not exist and a duration over the role limit', async () => {
    const missing = await failure(stsAs(nimbus, bob).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/nope`, RoleSessionName: 'sess' })));
    expect(missing.name).toBe('AccessDenied');
    const long = await failure(stsAs(nimbus, bob).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'sess', DurationSeconds: 7200 })));
    expect(long.name).toBe('ValidationError');
    expect(long.message).toBe('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  });

  it('refuses a session key without its token, and with another token', async () => {
    const out = await stsAs(nimbus, bob).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'tok' }));
    const keys = sessionKeys(out.Credentials);
    const noToken = await failure(stsAs(nimbus, { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey }).send(new GetCallerIdentityCommand({})));
    expect(noToken.name).toBe('InvalidClientTokenId');
    expect(noToken.message).toBe('The security token included in the request is invalid.');
    const wrong = await failure(stsAs(nimbus, { ...keys, sessionToken: `${keys.sessionToken}x` }).send(new GetCallerIdentityCommand({})));
    expect(wrong.name).toBe('InvalidClientTokenId');
  });
});

describe('GetSessionToken with MFA', () => {
  let seed: Buffer;
  const serial = `arn:aws:iam::${ACCOUNT}:mfa/bob-phone`;

  beforeAll(async () => {
    const iam = new IAMClient(nimbus.clientConfig());
    const { VirtualMFADevice } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bob-phone' }));
    seed = base32Decode(Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString('ascii'));
    const now = timeStep(Date.now());
    await iam.send(new EnableMFADeviceCommand({ UserName: 'bob', SerialNumber: serial, AuthenticationCode1: totpCode(seed, now - 2), AuthenticationCode2: totpCode(seed, now - 1) }));
  });

  it('long-term keys do not satisfy aws:MultiFactorAuthPresent', async () => {
    const err = await failure(ssmAs(nimbus, bob).send(new GetParameterCommand({ Name: '/mfa/x' })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toContain('because no identity-based policy allows the ssm:GetParameter action');
  });

  it('refuses a wrong code and an unknown device', async () => {
    const code = totpCode(seed, timeStep(Date.now()));
    const wrong = code === '000000' ? '111111' : '000000';
    const bad = await failure(stsAs(nimbus, bob).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong })));
    expect(bad.name).toBe('AccessDenied');
    expect(bad.message).toBe('MultiFactorAuthentication failed with invalid MFA one time pass code. ');
    const unknown = await failure(stsAs(nimbus, bob).send(new GetSessionTokenCommand({ SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/nope`, TokenCode: code })));
    expect(unknown.message).toContain('MultiFactorAuthentication failed, unable to validate MFA code.');
  });

  it('a session from a correct code satisfies the condition, and the code cannot be used twice', async () => {
    const code = totpCode(seed, timeStep(Date.now()));
    const out = await stsAs(nimbus, bob).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code, DurationSeconds: 900 }));
    const session = sessionKeys(out.Credentials);
    expect(out.Credentials!.Expiration!.getTime() - Date.now()).toBeLessThanOrEqual(900_000);
    const read = await ssmAs(nimbus, session).send(new GetParameterCommand({ Name: '/mfa/x' }));
    expect(read.Parameter?.Value).toBe('value of /mfa/x');
    const me = await stsAs(nimbus, session).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/bob`);
    const replay = await failure(stsAs(nimbus, bob).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code })));
    expect(replay.name).toBe('AccessDenied');
  });

  it.skipIf(!hasAwsCli)('works from the aws CLI', async () => {
    const code = totpCode(seed, timeStep(Date.now()) + 1);
    const r = await awsCli(nimbus.current, ['sts', 'get-session-token', '--serial-number', serial, '--token-code', code], cliEnv(bob));
    expect(r.status).toBe(0);
    const c = (r.json as { Credentials: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string } }).Credentials;
    const read = await awsCli(nimbus.current, ['ssm', 'get-parameter', '--name', '/mfa/x'], cliEnv(sessionKeys(c)));
    expect(read.status).toBe(0);
    expect((read.json as { Parameter: { Value: string } }).Parameter.Value).toBe('value of /mfa/x');
  });
});

describe('GetFederationToken', () => {
  it('gives the federated user the intersection of the user and the session policy', async () => {
    const out = await stsAs(nimbus, bob).send(
      new GetFederationTokenCommand({ Name: 'partner', Policy: policy({ Effect: 'Allow', Action: 'ssm:*', Resource: '*' }) }),
    );
    expect(out.FederatedUser?.Arn).toBe(`arn:aws:sts::${ACCOUNT}:federated-user/partner`);
    expect(out.FederatedUser?.FederatedUserId).toBe(`${ACCOUNT}:partner`);
    const fed = ssmAs(nimbus, sessionKeys(out.Credentials));
    expect((await fed.send(new GetParameterCommand({ Name: '/fed/x' }))).Parameter?.Value).toBe('value of /fed/x');
    // The session policy allows ssm:*, but bob may not write: no identity-based policy allows it.
    const err = await failure(fed.send(new PutParameterCommand({ Name: '/fed/y', Value: 'v', Type: 'String' })));
    expect(err.message).toContain(`User: arn:aws:sts::${ACCOUNT}:federated-user/partner is not authorized to perform: ssm:PutParameter`);
  });

  it('without a session policy allows nothing', async () => {
    const out = await stsAs(nimbus, bob).send(new GetFederationTokenCommand({ Name: 'nobody' }));
    const err = await failure(ssmAs(nimbus, sessionKeys(out.Credentials)).send(new GetParameterCommand({ Name: '/fed/x' })));
    expect(err.name).toBe('AccessDeniedException');
  });

  it('is refused to session credentials', async () => {
    const gst = await stsAs(nimbus, bob).send(new GetSessionTokenCommand({}));
    const err = await failure(stsAs(nimbus, sessionKeys(gst.Credentials)).send(new GetFederationTokenCommand({ Name: 'x1' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toBe('Cannot call GetFederationToken with session credentials');
  });
});

describe('managed policies on roles', () => {
  it('a role session gets attached managed policies too', async () => {
    const iam = new IAMClient(nimbus.clientConfig());
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'read-app', PolicyDocument: policy({ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/*` }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'app-writer', PolicyArn: Policy!.Arn! }));
    const out = await stsAs(nimbus, bob).send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'managed' }));
    const read = await ssmAs(nimbus, sessionKeys(out.Credentials)).send(new GetParameterCommand({ Name: '/app/x' }));
    expect(read.Parameter?.Value).toBe('value of /app/x');
  });
});
