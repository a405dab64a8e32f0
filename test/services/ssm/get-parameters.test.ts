import { GetParameterCommand, GetParametersCommand, LabelParameterVersionCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { expectError, ssmClient } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const ARN = 'arn:aws:ssm:us-east-1:000000000000:parameter';

describe('SSM GetParameter', () => {
  beforeEach(async () => {
    const ssm = ssmClient(nimbus);
    for (const v of ['one', 'two', 'three']) await ssm.send(new PutParameterCommand({ Name: '/svc/color', Value: v, Type: 'String', Overwrite: true }));
    await ssm.send(new LabelParameterVersionCommand({ Name: '/svc/color', ParameterVersion: 2, Labels: ['prod'] }));
  });

  it('answers ParameterNotFound without a message for a missing parameter', async () => {
    const e = await expectError(ssmClient(nimbus).send(new GetParameterCommand({ Name: '/svc/missing' })), 'ParameterNotFound');
    // AWS sends no message; the SDK fills in its placeholder.
    expect(e.message).toBe('UnknownError');
  });

  it('reads a version with name:version and reports the selector', async () => {
    const p = (await ssmClient(nimbus).send(new GetParameterCommand({ Name: '/svc/color:1' }))).Parameter!;
    expect(p).toMatchObject({ Name: '/svc/color', Value: 'one', Version: 1, Selector: ':1', ARN: `${ARN}/svc/color` });
  });

  it('reads the labelled version with name:label', async () => {
    const p = (await ssmClient(nimbus).send(new GetParameterCommand({ Name: '/svc/color:prod' }))).Parameter!;
    expect(p).toMatchObject({ Value: 'two', Version: 2, Selector: ':prod' });
  });

  it('answers ParameterVersionNotFound for a version that does not exist', async () => {
    await expectError(
      ssmClient(nimbus).send(new GetParameterCommand({ Name: '/svc/color:9' })),
      'ParameterVersionNotFound',
      'Systems Manager could not find version 9 of /svc/color. Verify the version and try again.',
    );
    await expectError(ssmClient(nimbus).send(new GetParameterCommand({ Name: '/svc/color:nolabel' })), 'ParameterNotFound');
    await expectError(ssmClient(nimbus).send(new GetParameterCommand({ Name: '/svc/color:1:2' })), 'ParameterNotFound');
  });

  it('accepts the ARN instead of the name, with or without a selector', async () => {
    const ssm = ssmClient(nimbus);
    expect((await ssm.send(new GetParameterCommand({ Name: `${ARN}/svc/color` }))).Parameter).toMatchObject({ Name: '/svc/color', Value: 'three' });
    expect((await ssm.send(new GetParameterCommand({ Name: `${ARN}/svc/color:prod` }))).Parameter).toMatchObject({ Value: 'two', Selector: ':prod' });
    await expectError(ssm.send(new GetParameterCommand({ Name: 'arn:aws:ssm:us-east-1:111122223333:parameter/svc/color' })), 'ParameterNotFound');
  });

  it('is scoped to the region and the account', async () => {
    await expectError(ssmClient(nimbus, { region: 'eu-west-1' }).send(new GetParameterCommand({ Name: '/svc/color' })), 'ParameterNotFound');
    const other = ssmClient(nimbus, { credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } });
    await expectError(other.send(new GetParameterCommand({ Name: '/svc/color' })), 'ParameterNotFound');
    await other.send(new PutParameterCommand({ Name: '/svc/color', Value: 'mine', Type: 'String' }));
    expect((await other.send(new GetParameterCommand({ Name: '/svc/color' }))).Parameter).toMatchObject({ Value: 'mine', Version: 1, ARN: 'arn:aws:ssm:us-east-1:111122223333:parameter/svc/color' });
    expect((await ssmClient(nimbus).send(new GetParameterCommand({ Name: '/svc/color' }))).Parameter?.Value).toBe('three');
  });

  it('validates the name', async () => {
    await expectError(ssmClient(nimbus).send(new GetParameterCommand({ Name: 'svc/color' })), 'ValidationException', /^Parameter name: can't be prefixed with "ssm"/);
  });
});

describe('SSM SecureString', () => {
  it('returns an opaque, stable ciphertext unless asked to decrypt', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: '/db/password', Value: 'hunter2', Type: 'SecureString' }));
    const enc1 = (await ssm.send(new GetParameterCommand({ Name: '/db/password' }))).Parameter!;
    const enc2 = (await ssm.send(new GetParameterCommand({ Name: '/db/password', WithDecryption: false }))).Parameter!;
    expect(enc1.Type).toBe('SecureString');
    expect(enc1.Value).not.toContain('hunter2');
    expect(enc1.Value).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(enc1.Value!, 'base64').toString('latin1')).not.toContain('hunter2');
    expect(enc2.Value).toBe(enc1.Value);
    expect((await ssm.send(new GetParameterCommand({ Name: '/db/password', WithDecryption: true }))).Parameter?.Value).toBe('hunter2');
    await ssm.send(new PutParameterCommand({ Name: '/db/password', Value: 'hunter2', Overwrite: true }));
    const enc3 = (await ssm.send(new GetParameterCommand({ Name: '/db/password' }))).Parameter!;
    expect(enc3.Value).not.toBe(enc1.Value);
    expect((await ssm.send(new GetParameterCommand({ Name: '/db/password:1' }))).Parameter?.Value).toBe(enc1.Value);
  });
});

describe('SSM GetParameters', () => {
  it('returns found parameters and lists the rest in InvalidParameters', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'alpha', Value: 'a', Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: '/beta', Value: 'b1', Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: '/beta', Value: 'b2', Type: 'String', Overwrite: true }));
    await ssm.send(new PutParameterCommand({ Name: '/gamma', Value: 'secret', Type: 'SecureString' }));
    const out = await ssm.send(new GetParametersCommand({ Names: ['alpha', '/beta:1', 'missing', '/beta:7', '/gamma', 'bad name'], WithDecryption: true }));
    expect(out.Parameters?.map((p) => [p.Name, p.Value, p.Version, p.Selector])).toEqual([
      ['alpha', 'a', 1, undefined],
      ['/beta', 'b1', 1, ':1'],
      ['/gamma', 'secret', 1, undefined],
    ]);
    expect(out.InvalidParameters).toEqual(['missing', '/beta:7', 'bad name']);
  });

  it('refuses more than 10 names (model validation)', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `p${i}`);
    await expectError(ssmClient(nimbus).send(new GetParametersCommand({ Names: names })), 'ValidationException', /Member must have length less than or equal to 10/);
  });
});
