/**
 * The identity issue's bar, end to end through the real SDK v3 and the aws CLI: an IAM user
 * limited to ssm:GetParameter on parameter/app/* reads /app/x, is denied (with AWS's message)
 * /other and PutParameter; an explicit deny wins; root is never denied.
 */
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, it } from 'vitest';
import { awsCli, hasAwsCli, useNimbus } from '../helpers/nimbus.js';
import { ACCOUNT, cliEnv, failure, policy, ssmAs, stsAs, userWithPolicies, type Keys } from './helpers.js';

const nimbus = useNimbus();
let alice: Keys;

const READ_APP = policy({ Sid: 'ReadApp', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/*` });

beforeAll(async () => {
  const root = new SSMClient(nimbus.clientConfig());
  for (const name of ['/app/x', '/app/secret', '/other']) await root.send(new PutParameterCommand({ Name: name, Value: `value of ${name}`, Type: 'String' }));
  alice = await userWithPolicies(nimbus, 'alice', {
    'read-app': READ_APP,
    'no-secret': policy({ Effect: 'Deny', Action: 'ssm:*', Resource: `arn:aws:ssm:*:*:parameter/app/secret` }),
  });
});

describe('IAM enforcement for an IAM user', () => {
  it('knows who the keys belong to', async () => {
    const me = await stsAs(nimbus, alice).send(new GetCallerIdentityCommand({}));
    expect(me.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/alice`);
    expect(me.Account).toBe(ACCOUNT);
    expect(me.UserId).toMatch(/^AIDA[A-Z0-9]{17}$/);
  });

  it('allows what the policy allows', async () => {
    const out = await ssmAs(nimbus, alice).send(new GetParameterCommand({ Name: '/app/x' }));
    expect(out.Parameter?.Value).toBe('value of /app/x');
  });

  it('denies another parameter with AWS message', async () => {
    const err = await failure(ssmAs(nimbus, alice).send(new GetParameterCommand({ Name: '/other' })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.status).toBe(400);
    expect(err.message).toBe(
      `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/other because no identity-based policy allows the ssm:GetParameter action`,
    );
  });

  it('denies an action the policy does not name', async () => {
    const err = await failure(ssmAs(nimbus, alice).send(new PutParameterCommand({ Name: '/app/new', Value: 'v', Type: 'String' })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toContain('is not authorized to perform: ssm:PutParameter on resource: arn:aws:ssm:us-east-1:000000000000:parameter/app/new because no identity-based policy allows the ssm:PutParameter action');
    // Nothing was written.
    const err2 = await failure(new SSMClient(nimbus.clientConfig()).send(new GetParameterCommand({ Name: '/app/new' })));
    expect(err2.name).toBe('ParameterNotFound');
  });

  it('lets an explicit deny win over an allow', async () => {
    const err = await failure(ssmAs(nimbus, alice).send(new GetParameterCommand({ Name: '/app/secret' })));
    expect(err.name).toBe('AccessDeniedException');
    expect(err.message).toMatch(/^User: arn:aws:iam::000000000000:user\/alice is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:000000000000:parameter\/app\/secret with an explicit deny in an identity-based policy/);
  });

  it('never denies the root (conventional keys)', async () => {
    const out = await new SSMClient(nimbus.clientConfig()).send(new GetParameterCommand({ Name: '/app/secret' }));
    expect(out.Parameter?.Value).toBe('value of /app/secret');
  });

  it('refuses a wrong secret for a real key', async () => {
    // Change the last character to one it cannot already be (a fixed 'X' matched 1 secret in 64).
    const last = alice.secretAccessKey.slice(-1);
    const wrongSecret = `${alice.secretAccessKey.slice(0, -1)}${last === 'X' ? 'Y' : 'X'}`;
    expect(wrongSecret).not.toBe(alice.secretAccessKey);
    const err = await failure(ssmAs(nimbus, { ...alice, secretAccessKey: wrongSecret }).send(new GetParameterCommand({ Name: '/app/x' })));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.message).toContain('The request signature we calculated does not match the signature you provided.');
  });

  it.skipIf(!hasAwsCli)('gives the aws CLI the same answers', async () => {
    const ok = await awsCli(nimbus.current, ['ssm', 'get-parameter', '--name', '/app/x'], cliEnv(alice));
    expect(ok.status).toBe(0);
    expect((ok.json as { Parameter: { Value: string } }).Parameter.Value).toBe('value of /app/x');
    const denied = await awsCli(nimbus.current, ['ssm', 'get-parameter', '--name', '/other'], cliEnv(alice));
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain(
      'An error occurred (AccessDeniedException) when calling the GetParameter operation: User: arn:aws:iam::000000000000:user/alice is not authorized to perform: ssm:GetParameter on resource: arn:aws:ssm:us-east-1:000000000000:parameter/other because no identity-based policy allows the ssm:GetParameter action',
    );
    const put = await awsCli(nimbus.current, ['ssm', 'put-parameter', '--name', '/app/y', '--value', 'v', '--type', 'String'], cliEnv(alice));
    expect(put.stderr).toContain('(AccessDeniedException) when calling the PutParameter operation');
  });
});
