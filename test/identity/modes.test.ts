/**
 * The enforcement switch (--iam enforce | audit | off), the decision log, and EC2's encoded
 * authorization failure messages decoded by STS DecodeAuthorizationMessage.
 */
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DecodeAuthorizationMessageCommand } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type IamMode } from '../../src/config/config.js';
import { createNimbus, type NimbusInstance } from '../../src/nimbus.js';
import { createLogger } from '../../src/shared/logger.js';
import { awsCli, hasAwsCli, useNimbus, type TestNimbus } from '../helpers/nimbus.js';
import { ACCOUNT, cliEnv, failure, policy, ssmAs, stsAs, userWithPolicies, type Keys } from './helpers.js';

/** A Nimbus in the given mode whose log lines the test can read. */
async function nimbusIn(mode: IamMode, level: 'debug' | 'info'): Promise<{ instance: NimbusInstance; lines: string[]; harness: TestNimbus }> {
  const lines: string[] = [];
  const config = resolveConfig({ port: 0, ephemeral: true, iam: mode, logLevel: level });
  const instance = await createNimbus(config, { log: createLogger(level, (t) => lines.push(...t.split('\n').filter(Boolean))) });
  const harness: TestNimbus = {
    get current() {
      return { endpoint: instance.endpoint, region: config.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, reset: async () => {}, stop: () => instance.close() };
    },
    clientConfig(overrides = {}) {
      return { endpoint: instance.endpoint, region: config.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1, ...overrides };
    },
  };
  return { instance, lines, harness };
}

async function flushLog(): Promise<void> {
  await new Promise((r) => setImmediate(r));
}

const READ_ONLY = policy({ Sid: 'ReadOnly', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' });

describe('--iam audit', () => {
  let n: Awaited<ReturnType<typeof nimbusIn>>;
  let user: Keys;
  beforeAll(async () => {
    n = await nimbusIn('audit', 'info');
    user = await userWithPolicies(n.harness, 'auditee', { ro: READ_ONLY });
  });
  afterAll(() => n.instance.close());

  it('lets a denied request through and logs what AWS would answer', async () => {
    await ssmAs(n.harness, user).send(new PutParameterCommand({ Name: '/audited', Value: 'v', Type: 'String' }));
    await flushLog();
    const line = n.lines.find((l) => l.includes('iam audit'));
    expect(line).toContain('AWS would deny arn:aws:iam::000000000000:user/auditee ssm:PutParameter arn:aws:ssm:us-east-1:000000000000:parameter/audited');
    expect(line).toContain('because no identity-based policy allows the ssm:PutParameter action');
  });
});

describe('--iam off', () => {
  let n: Awaited<ReturnType<typeof nimbusIn>>;
  let user: Keys;
  beforeAll(async () => {
    n = await nimbusIn('off', 'info');
    user = await userWithPolicies(n.harness, 'free', { deny: policy({ Effect: 'Deny', Action: '*', Resource: '*' }) });
  });
  afterAll(() => n.instance.close());

  it('does not evaluate policies, but still verifies signatures', async () => {
    await ssmAs(n.harness, user).send(new PutParameterCommand({ Name: '/free', Value: 'v', Type: 'String' }));
    const err = await failure(ssmAs(n.harness, { ...user, secretAccessKey: 'wrong' }).send(new GetParameterCommand({ Name: '/free' })));
    expect(err.name).toBe('InvalidSignatureException');
  });
});

describe('decision log (--log-level debug)', () => {
  let n: Awaited<ReturnType<typeof nimbusIn>>;
  let user: Keys;
  beforeAll(async () => {
    n = await nimbusIn('enforce', 'debug');
    user = await userWithPolicies(n.harness, 'logged', { ro: READ_ONLY });
    await new SSMClient(n.harness.clientConfig()).send(new PutParameterCommand({ Name: '/logged', Value: 'v', Type: 'String' }));
  });
  afterAll(() => n.instance.close());

  it('names the statement that allowed a request, and the reason for a denial', async () => {
    await ssmAs(n.harness, user).send(new GetParameterCommand({ Name: '/logged' }));
    await failure(ssmAs(n.harness, user).send(new PutParameterCommand({ Name: '/logged', Value: 'w', Type: 'String', Overwrite: true })));
    await flushLog();
    expect(n.lines.find((l) => l.includes('iam allow'))).toContain('user/logged ssm:GetParameter arn:aws:ssm:us-east-1:000000000000:parameter/logged by identity:ro#ReadOnly');
    expect(n.lines.find((l) => l.includes('iam deny'))).toContain('user/logged ssm:PutParameter arn:aws:ssm:us-east-1:000000000000:parameter/logged by no matching statement (implicit-deny)');
  });
});

describe('EC2 encoded authorization failures', () => {
  const nimbus = useNimbus();
  let user: Keys;
  beforeAll(async () => {
    user = await userWithPolicies(nimbus, 'ec2user', { decode: policy({ Effect: 'Allow', Action: 'sts:DecodeAuthorizationMessage', Resource: '*' }) });
  });

  it('answers UnauthorizedOperation with a message STS decodes', async () => {
    const err = await failure(new EC2Client(nimbus.clientConfig({ credentials: user })).send(new DescribeRegionsCommand({})));
    expect(err.name).toBe('UnauthorizedOperation');
    expect(err.status).toBe(403);
    expect(err.message).toMatch(
      /^You are not authorized to perform this operation\. User: arn:aws:iam::000000000000:user\/ec2user is not authorized to perform: ec2:DescribeRegions because no identity-based policy allows the ec2:DescribeRegions action\. Encoded authorization failure message: \S+$/,
    );
    const encoded = err.message.split('Encoded authorization failure message: ')[1]!;
    const { DecodedMessage } = await stsAs(nimbus, user).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }));
    const decoded = JSON.parse(DecodedMessage!);
    expect(decoded.allowed).toBe(false);
    expect(decoded.explicitDeny).toBe(false);
    expect(decoded.context.principal.arn).toBe(`arn:aws:iam::${ACCOUNT}:user/ec2user`);
    expect(decoded.context.action).toBe('ec2:DescribeRegions');
    expect(decoded.context.resource).toBe('*');
  });

  it('refuses to decode a message it did not encode', async () => {
    const err = await failure(stsAs(nimbus, user).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: 'not-a-message' })));
    expect(err.name).toBe('InvalidAuthorizationMessageException');
  });

  it.skipIf(!hasAwsCli)('works from the aws CLI', async () => {
    const r = await awsCli(nimbus.current, ['ec2', 'describe-regions'], cliEnv(user));
    expect(r.stderr).toContain('An error occurred (UnauthorizedOperation) when calling the DescribeRegions operation: You are not authorized to perform this operation.');
    const encoded = r.stderr.split('Encoded authorization failure message: ')[1]!.trim();
    const d = await awsCli(nimbus.current, ['sts', 'decode-authorization-message', '--encoded-message', encoded], cliEnv(user));
    expect(d.status).toBe(0);
    expect(JSON.parse((d.json as { DecodedMessage: string }).DecodedMessage).context.action).toBe('ec2:DescribeRegions');
  });
});
