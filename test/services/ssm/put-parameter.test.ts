import { GetParameterCommand, GetParameterHistoryCommand, ListTagsForResourceCommand, PutParameterCommand } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { expectError, ssmClient } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const NAME_MESSAGE =
  'Parameter name: can\'t be prefixed with "ssm" (case-insensitive). If formed as a path, it can consist of sub-paths divided by slash symbol; each sub-path can be formed as a mix of letters, numbers and the following 3 symbols .-_';

describe('SSM PutParameter', () => {
  it('creates version 1 and overwrites to version 2, 3', async () => {
    const ssm = ssmClient(nimbus);
    const first = await ssm.send(new PutParameterCommand({ Name: '/app/db/host', Value: 'db1', Type: 'String', Description: 'the host' }));
    expect(first).toMatchObject({ Version: 1, Tier: 'Standard' });
    expect(first.$metadata.httpStatusCode).toBe(200);
    expect((await ssm.send(new PutParameterCommand({ Name: '/app/db/host', Value: 'db2', Overwrite: true }))).Version).toBe(2);
    expect((await ssm.send(new PutParameterCommand({ Name: '/app/db/host', Value: 'db3', Type: 'String', Overwrite: true }))).Version).toBe(3);
    const got = (await ssm.send(new GetParameterCommand({ Name: '/app/db/host' }))).Parameter!;
    expect(got).toMatchObject({ Name: '/app/db/host', Value: 'db3', Version: 3, Type: 'String', DataType: 'text', ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/app/db/host' });
    expect(got.LastModifiedDate).toBeInstanceOf(Date);
    expect(Math.abs(got.LastModifiedDate!.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('refuses to overwrite without Overwrite, keeping the value', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'plain', Value: 'one', Type: 'String' }));
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'plain', Value: 'two', Type: 'String' })),
      'ParameterAlreadyExists',
      'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
    );
    expect((await ssm.send(new GetParameterCommand({ Name: 'plain' }))).Parameter).toMatchObject({ Value: 'one', Version: 1 });
  });

  it('treats /Name and Name as the same parameter, keeping the first spelling', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'TestParam1', Value: 'a', Type: 'String' }));
    await expectError(ssm.send(new PutParameterCommand({ Name: '/TestParam1', Value: 'b', Type: 'String' })), 'ParameterAlreadyExists');
    const got = (await ssm.send(new GetParameterCommand({ Name: '/TestParam1' }))).Parameter!;
    expect(got).toMatchObject({ Name: 'TestParam1', Value: 'a', ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/TestParam1' });
  });

  it('keeps names case sensitive', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: '/Case/Key', Value: 'upper', Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: '/case/key', Value: 'lower', Type: 'String' }));
    expect((await ssm.send(new GetParameterCommand({ Name: '/Case/Key' }))).Parameter?.Value).toBe('upper');
    expect((await ssm.send(new GetParameterCommand({ Name: '/case/key' }))).Parameter?.Value).toBe('lower');
  });

  it('requires a type to create, and allows changing it on overwrite', async () => {
    const ssm = ssmClient(nimbus);
    await expectError(ssm.send(new PutParameterCommand({ Name: 'typeless', Value: 'v' })), 'ValidationException', 'A parameter type is required when you create a parameter.');
    await ssm.send(new PutParameterCommand({ Name: 'morph', Value: 'a,b', Type: 'StringList' }));
    await ssm.send(new PutParameterCommand({ Name: 'morph', Value: 'secret', Type: 'SecureString', Overwrite: true }));
    const got = (await ssm.send(new GetParameterCommand({ Name: 'morph', WithDecryption: true }))).Parameter!;
    expect(got).toMatchObject({ Type: 'SecureString', Value: 'secret', Version: 2 });
  });

  it('rejects names AWS rejects', async () => {
    const ssm = ssmClient(nimbus);
    for (const name of ['ssm-param', '/SSM/path', 'has space', 'a/b', '/a//b', '/trailing/', 'bad@char', '/']) {
      await expectError(ssm.send(new PutParameterCommand({ Name: name, Value: 'v', Type: 'String' })), 'ValidationException', NAME_MESSAGE);
    }
    await expectError(ssm.send(new PutParameterCommand({ Name: 'awsTestParameter', Value: 'v', Type: 'String' })), 'AccessDeniedException', 'No access to reserved parameter name: awsTestParameter.');
    await expectError(ssm.send(new PutParameterCommand({ Name: '/aws/testparam1', Value: 'v', Type: 'String' })), 'AccessDeniedException', 'No access to reserved parameter name: /aws/testparam1.');
  });

  it('allows 15 hierarchy levels and refuses 16', async () => {
    const ssm = ssmClient(nimbus);
    const levels = (n: number) => '/' + Array.from({ length: n }, (_, i) => `L${i + 1}`).join('/');
    expect((await ssm.send(new PutParameterCommand({ Name: levels(15), Value: 'deep', Type: 'String' }))).Version).toBe(1);
    await expectError(
      ssm.send(new PutParameterCommand({ Name: levels(16), Value: 'too deep', Type: 'String' })),
      'HierarchyLevelLimitExceededException',
      'A hierarchy can have a maximum of 15 levels. For more information, see Requirements and constraints for parameter names in the Amazon Web Services Systems Manager User Guide.',
    );
  });

  it('refuses Tags together with Overwrite, and stores tags given at creation', async () => {
    const ssm = ssmClient(nimbus);
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'tagged', Value: 'v', Type: 'String', Overwrite: true, Tags: [{ Key: 'team', Value: 'core' }] })),
      'ValidationException',
      "Invalid request: tags and overwrite can't be used together. To create a parameter with tags, please remove overwrite flag. To update tags for an existing parameter, please use AddTagsToResource or RemoveTagsFromResource.",
    );
    await ssm.send(new PutParameterCommand({ Name: 'tagged', Value: 'v', Type: 'String', Tags: [{ Key: 'team', Value: 'core' }] }));
    const tags = await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: 'tagged' }));
    expect(tags.TagList).toEqual([{ Key: 'team', Value: 'core' }]);
  });

  it('gives concurrent writers consecutive versions and only one creator', async () => {
    const ssm = ssmClient(nimbus);
    const created = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => ssm.send(new PutParameterCommand({ Name: 'race', Value: `c${i}`, Type: 'String' }))));
    expect(created.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(created.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.name)).toEqual(Array(7).fill('ParameterAlreadyExists'));
    const versions = await Promise.all(Array.from({ length: 20 }, (_, i) => ssm.send(new PutParameterCommand({ Name: 'race', Value: `v${i}`, Overwrite: true }))));
    expect(versions.map((v) => v.Version).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect((await ssm.send(new GetParameterCommand({ Name: 'race' }))).Parameter?.Version).toBe(21);
  });

  it("rejects values outside AWS's 1..32768 length without echoing them (sensitive)", async () => {
    const ssm = ssmClient(nimbus);
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'empty', Value: '', Type: 'String' })),
      'ValidationException',
      "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'huge', Value: 'x'.repeat(32769), Type: 'String', Tier: 'Advanced' })),
      'ValidationException',
      "1 validation error detected: Value at 'value' failed to satisfy constraint: Member must have length less than or equal to 32768",
    );
  });
});

describe('SSM PutParameter tiers', () => {
  it('limits Standard to 4 KB and Advanced to 8 KB', async () => {
    const ssm = ssmClient(nimbus);
    expect((await ssm.send(new PutParameterCommand({ Name: 'std', Value: 'x'.repeat(4096), Type: 'String' }))).Tier).toBe('Standard');
    await expectError(ssm.send(new PutParameterCommand({ Name: 'big', Value: 'x'.repeat(4097), Type: 'String' })), 'ValidationException', /^Standard tier parameters support a maximum parameter value of 4096 characters\./);
    expect((await ssm.send(new PutParameterCommand({ Name: 'big', Value: 'x'.repeat(8192), Type: 'String', Tier: 'Advanced' }))).Tier).toBe('Advanced');
    await expectError(ssm.send(new PutParameterCommand({ Name: 'huge', Value: 'x'.repeat(8193), Type: 'String', Tier: 'Advanced' })), 'ValidationException', /maximum parameter value of 8192 characters/);
  });

  it('lets Intelligent-Tiering pick the tier', async () => {
    const ssm = ssmClient(nimbus);
    expect((await ssm.send(new PutParameterCommand({ Name: 'it-small', Value: 'small', Type: 'String', Tier: 'Intelligent-Tiering' }))).Tier).toBe('Standard');
    expect((await ssm.send(new PutParameterCommand({ Name: 'it-large', Value: 'x'.repeat(5000), Type: 'String', Tier: 'Intelligent-Tiering' }))).Tier).toBe('Advanced');
    const policies = JSON.stringify([{ Type: 'Expiration', Version: '1.0', Attributes: { Timestamp: '2030-12-02T21:34:33.000Z' } }]);
    expect((await ssm.send(new PutParameterCommand({ Name: 'it-policy', Value: 'v', Type: 'String', Tier: 'Intelligent-Tiering', Policies: policies }))).Tier).toBe('Advanced');
  });

  it('upgrades Standard to Advanced but never downgrades', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'tiered', Value: 'v1', Type: 'String' }));
    expect((await ssm.send(new PutParameterCommand({ Name: 'tiered', Value: 'v2', Overwrite: true, Tier: 'Advanced' }))).Tier).toBe('Advanced');
    expect((await ssm.send(new PutParameterCommand({ Name: 'tiered', Value: 'v3', Overwrite: true }))).Tier).toBe('Advanced');
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'tiered', Value: 'v4', Overwrite: true, Tier: 'Standard' })),
      'ValidationException',
      "This parameter uses the advanced-parameter tier. You can't downgrade a parameter from the advanced-parameter tier to the standard-parameter tier. If necessary, you can delete the advanced parameter and recreate it as a standard parameter. Be aware that standard parameters have a value limit of 4096 characters.",
    );
    expect((await ssm.send(new PutParameterCommand({ Name: 'tiered', Value: 'v4', Overwrite: true, Tier: 'Intelligent-Tiering' }))).Tier).toBe('Advanced');
  });

  it('checks policy types', async () => {
    const ssm = ssmClient(nimbus);
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'pol', Value: 'v', Type: 'String', Tier: 'Advanced', Policies: '[{"Type":"SelfDestruct","Version":"1.0","Attributes":{}}]' })),
      'InvalidPolicyTypeException',
    );
    const two = '[{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2030-01-01T00:00:00Z"}},{"Type":"Expiration","Version":"1.0","Attributes":{"Timestamp":"2031-01-01T00:00:00Z"}}]';
    await expectError(ssm.send(new PutParameterCommand({ Name: 'pol', Value: 'v', Type: 'String', Tier: 'Advanced', Policies: two })), 'IncompatiblePolicyException');
  });
});

describe('SSM PutParameter AllowedPattern, KeyId, DataType', () => {
  it('validates the whole value against AllowedPattern, also on later versions', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'MyParameter', Value: '100', Type: 'String', AllowedPattern: '\\d{1,4}' }));
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'MyParameter', Value: '10,000', Type: 'String', Overwrite: true })),
      'ParameterPatternMismatchException',
      'Parameter value, cannot be validated against allowedPattern: \\d{1,4}',
    );
    await expectError(ssm.send(new PutParameterCommand({ Name: 'MyParameter', Value: '12345', Overwrite: true })), 'ParameterPatternMismatchException');
    await expectError(ssm.send(new PutParameterCommand({ Name: 'other', Value: 'x', Type: 'String', AllowedPattern: '([a-z' })), 'InvalidAllowedPatternException');
  });

  it('uses alias/aws/ssm for SecureString by default and ignores KeyId on String', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'sec', Value: 's3cr3t', Type: 'SecureString' }));
    await ssm.send(new PutParameterCommand({ Name: 'sec-custom', Value: 's3cr3t', Type: 'SecureString', KeyId: 'alias/custom' }));
    await ssm.send(new PutParameterCommand({ Name: 'str', Value: 'plain', Type: 'String', KeyId: 'alias/custom' }));
    const history = async (Name: string) => (await ssm.send(new GetParameterHistoryCommand({ Name }))).Parameters![0]!.KeyId;
    expect(await history('sec')).toBe('alias/aws/ssm');
    expect(await history('sec-custom')).toBe('alias/custom');
    expect(await history('str')).toBeUndefined();
  });

  it('accepts known data types and refuses others', async () => {
    const ssm = ssmClient(nimbus);
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'dt', Value: 'v', Type: 'String', DataType: 'Text' })),
      'ValidationException',
      'The following data type is not supported: Text (Data type names are all lowercase.)',
    );
    await ssm.send(new PutParameterCommand({ Name: '/ami/latest', Value: 'ami-0123456789abcdef0', Type: 'String', DataType: 'aws:ec2:image' }));
    expect((await ssm.send(new GetParameterCommand({ Name: '/ami/latest' }))).Parameter).toMatchObject({ DataType: 'aws:ec2:image', Value: 'ami-0123456789abcdef0' });
  });

  it('accepts an aws:ec2:image value that is no AMI id but never stores it (AWS validates asynchronously)', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: '/ami/golden', Value: 'ami-12345678', Type: 'String', DataType: 'aws:ec2:image' }));
    const out = await ssm.send(new PutParameterCommand({ Name: '/ami/golden', Value: 'not-an-ami', Overwrite: true }));
    expect(out.Version).toBe(2);
    expect((await ssm.send(new GetParameterCommand({ Name: '/ami/golden' }))).Parameter).toMatchObject({ Value: 'ami-12345678', Version: 1 });
  });
});
