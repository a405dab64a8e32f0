import { DescribeParametersCommand, PutParameterCommand, paginateDescribeParameters, type ParameterStringFilter } from '@aws-sdk/client-ssm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { expectError, ssmClient } from './helpers.js';

const nimbus = useNimbus();

async function names(ParameterFilters: ParameterStringFilter[]): Promise<string[]> {
  const out = await ssmClient(nimbus).send(new DescribeParametersCommand({ ParameterFilters, MaxResults: 50 }));
  return out.Parameters!.map((p) => p.Name!);
}

describe('SSM DescribeParameters', () => {
  beforeAll(async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'param', Value: 'v', Type: 'String', Description: 'first', AllowedPattern: '.*' }));
    await ssm.send(new PutParameterCommand({ Name: '/param-2', Value: 'v', Type: 'String', Tags: [{ Key: 'team', Value: 'core' }] }));
    await ssm.send(new PutParameterCommand({ Name: '/tangent-3', Value: 'v', Type: 'StringList', Tags: [{ Key: 'team', Value: 'edge' }] }));
    await ssm.send(new PutParameterCommand({ Name: 'tangram-4', Value: 's', Type: 'SecureString', Tier: 'Advanced' }));
    await ssm.send(new PutParameterCommand({ Name: '/app/a', Value: 'v', Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: '/app/b/c', Value: 'ami-12345678', Type: 'String', DataType: 'aws:ec2:image', Tags: [{ Key: 'env', Value: 'prod' }] }));
  });

  it('returns metadata without values', async () => {
    const out = await ssmClient(nimbus).send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: ['param'] }] }));
    expect(out.Parameters).toHaveLength(1);
    const p = out.Parameters![0]!;
    expect(p).toMatchObject({
      Name: 'param',
      ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/param',
      Type: 'String',
      Description: 'first',
      AllowedPattern: '.*',
      Version: 1,
      Tier: 'Standard',
      DataType: 'text',
      LastModifiedUser: 'arn:aws:iam::000000000000:root',
      Policies: [],
    });
    expect(p).not.toHaveProperty('Value');
    expect(p.LastModifiedDate).toBeInstanceOf(Date);
  });

  it('filters by name with Equals, BeginsWith and Contains, ignoring the leading slash', async () => {
    expect(await names([{ Key: 'Name', Values: ['/param'] }])).toEqual(['param']);
    expect(await names([{ Key: 'Name', Values: ['param-2'] }])).toEqual(['/param-2']);
    expect(await names([{ Key: 'Name', Option: 'BeginsWith', Values: ['param'] }])).toEqual(['param', '/param-2']);
    expect(await names([{ Key: 'Name', Option: 'Contains', Values: ['/tan'] }])).toEqual(['/tangent-3', 'tangram-4']);
  });

  it('filters by type, key, tier, data type and tags', async () => {
    expect(await names([{ Key: 'Type', Values: ['StringList', 'SecureString'] }])).toEqual(['/tangent-3', 'tangram-4']);
    expect(await names([{ Key: 'KeyId', Values: ['alias/aws/ssm'] }])).toEqual(['tangram-4']);
    expect(await names([{ Key: 'Tier', Values: ['Advanced'] }])).toEqual(['tangram-4']);
    expect(await names([{ Key: 'DataType', Values: ['aws:ec2:image'] }])).toEqual(['/app/b/c']);
    expect(await names([{ Key: 'tag:team', Values: ['edge'] }])).toEqual(['/tangent-3']);
    expect(await names([{ Key: 'tag:team' }])).toEqual(['/param-2', '/tangent-3']);
    expect(await names([{ Key: 'tag:team', Option: 'BeginsWith', Values: ['c'] }])).toEqual(['/param-2']);
    expect(await names([{ Key: 'Type', Values: ['String'] }, { Key: 'tag:team', Values: ['core', 'edge'] }])).toEqual(['/param-2']);
  });

  it('filters by path, one level or recursively', async () => {
    expect(await names([{ Key: 'Path', Values: ['/app'] }])).toEqual(['/app/a']);
    expect(await names([{ Key: 'Path', Option: 'Recursive', Values: ['/app'] }])).toEqual(['/app/a', '/app/b/c']);
    expect(await names([{ Key: 'Path', Values: ['/'] }])).toEqual(['param', '/param-2', '/tangent-3', 'tangram-4']);
    expect(await names([{ Key: 'Path', Values: ['/', '/app/b'] }])).toEqual(['/app/b/c', 'param', '/param-2', '/tangent-3', 'tangram-4']);
  });

  it('supports the legacy Filters, but not together with ParameterFilters', async () => {
    const ssm = ssmClient(nimbus);
    const out = await ssm.send(new DescribeParametersCommand({ Filters: [{ Key: 'Type', Values: ['SecureString'] }] }));
    expect(out.Parameters?.map((p) => p.Name)).toEqual(['tangram-4']);
    await expectError(
      ssm.send(new DescribeParametersCommand({ Filters: [{ Key: 'Name', Values: ['param'] }], ParameterFilters: [{ Key: 'Name', Values: ['param'] }] })),
      'ValidationException',
      'You can use either Filters or ParameterFilters in a single request.',
    );
  });

  it('refuses invalid filters with AWS errors', async () => {
    const ssm = ssmClient(nimbus);
    const bad = (ParameterFilters: ParameterStringFilter[]) => ssm.send(new DescribeParametersCommand({ ParameterFilters }));
    await expectError(bad([{ Key: 'Label', Values: ['x'] }]), 'InvalidFilterKey', 'The following filter key is not valid: Label. Valid filter keys include: [Path, Name, Type, KeyId, Tier].');
    await expectError(bad([{ Key: 'Name' }]), 'InvalidFilterValue', 'The following filter values are missing : null for filter key Name.');
    await expectError(bad([{ Key: 'Name', Values: ['a'] }, { Key: 'Name', Values: ['b'] }]), 'InvalidFilterKey', 'The following filter is duplicated in the request: Name. A request can contain only one occurrence of a specific filter.');
    await expectError(bad([{ Key: 'Path', Option: 'Equals', Values: ['/app'] }]), 'InvalidFilterOption', 'The following filter option is not valid: Equals. Valid options include: [Recursive, OneLevel].');
    await expectError(bad([{ Key: 'Type', Option: 'Contains', Values: ['String'] }]), 'InvalidFilterOption', 'The following filter option is not valid: Contains. Valid options include: [BeginsWith, Equals].');
    await expectError(bad([{ Key: 'Tier', Values: ['Gold'] }]), 'InvalidFilterValue', 'The following filter value is not valid: Gold. Valid values include: [Standard, Advanced, Intelligent-Tiering].');
    await expectError(bad([{ Key: 'Path', Values: ['/aws'] }]), 'ValidationException', /^Filters for common parameters can't be prefixed with "aws" or "ssm"/);
    await expectError(bad([{ Key: 'Path', Values: ['test'] }]), 'ValidationException', /^The parameter doesn't meet the parameter name requirements/);
    await expectError(bad([{ Key: 'Color', Values: ['x'] }]), 'ValidationException', /failed to satisfy constraint: Member must satisfy regular expression pattern/);
  });

  it('pages 10 at a time by default', async () => {
    const ssm = ssmClient(nimbus);
    for (let i = 0; i < 12; i++) await ssm.send(new PutParameterCommand({ Name: `/many/p${String(i).padStart(2, '0')}`, Value: 'v', Type: 'String' }));
    const first = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Path', Values: ['/many'] }] }));
    expect(first.Parameters).toHaveLength(10);
    const second = await ssm.send(new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Path', Values: ['/many'] }], NextToken: first.NextToken }));
    expect(second.Parameters?.map((p) => p.Name)).toEqual(['/many/p10', '/many/p11']);
    expect(second.NextToken).toBeUndefined();
    let total = 0;
    for await (const page of paginateDescribeParameters({ client: ssm, pageSize: 5 }, {})) total += page.Parameters!.length;
    expect(total).toBe(18);
    await expectError(ssm.send(new DescribeParametersCommand({ NextToken: first.NextToken })), 'InvalidNextToken');
  });

  it('lists nothing shared with this account', async () => {
    const out = await ssmClient(nimbus).send(new DescribeParametersCommand({ Shared: true }));
    expect(out.Parameters).toEqual([]);
  });
});
