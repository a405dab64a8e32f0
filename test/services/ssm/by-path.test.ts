import { GetParametersByPathCommand, LabelParameterVersionCommand, PutParameterCommand, paginateGetParametersByPath } from '@aws-sdk/client-ssm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { expectError, ssmClient } from './helpers.js';

const nimbus = useNimbus();
const PATH_MESSAGE =
  'The parameter doesn\'t meet the parameter name requirements. The parameter name must begin with a forward slash "/". It can\'t be prefixed with \\"aws\\" or \\"ssm\\" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.';

async function names(input: ConstructorParameters<typeof GetParametersByPathCommand>[0]): Promise<string[]> {
  const out = await ssmClient(nimbus).send(new GetParametersByPathCommand(input));
  return out.Parameters!.map((p) => p.Name!);
}

describe('SSM GetParametersByPath', () => {
  beforeAll(async () => {
    const ssm = ssmClient(nimbus);
    const put = (Name: string, Value: string, Type: 'String' | 'StringList' | 'SecureString' = 'String', KeyId?: string) =>
      ssm.send(new PutParameterCommand({ Name, Value, Type, KeyId }));
    await put('/foo/name1', 'value1');
    await put('/foo/name2', 'value2');
    await put('/bar/name3', 'value3');
    await put('/bar/name3/name4', 'value4');
    await put('/baz/list', 'a,b,c', 'StringList');
    await put('/baz/plain', 'p');
    await put('/baz/pwd', 'my_secret', 'SecureString');
    await put('/baz/custom', 'other_secret', 'SecureString', 'alias/custom');
    await put('top', 'bar');
    await put('/slashed-top', 'qux');
    await ssm.send(new PutParameterCommand({ Name: '/foo/name2', Value: 'value2-v2', Overwrite: true }));
    await ssm.send(new LabelParameterVersionCommand({ Name: '/foo/name2', ParameterVersion: 1, Labels: ['stable'] }));
  });

  it('lists one level, in name order, with values and metadata', async () => {
    const out = await ssmClient(nimbus).send(new GetParametersByPathCommand({ Path: '/foo' }));
    expect(out.Parameters).toMatchObject([
      { Name: '/foo/name1', Value: 'value1', Version: 1, Type: 'String', ARN: 'arn:aws:ssm:us-east-1:000000000000:parameter/foo/name1', DataType: 'text' },
      { Name: '/foo/name2', Value: 'value2-v2', Version: 2 },
    ]);
    expect(out.NextToken).toBeUndefined();
    expect(await names({ Path: '/foo/' })).toEqual(['/foo/name1', '/foo/name2']);
    expect(await names({ Path: '/bar' })).toEqual(['/bar/name3']);
    expect(await names({ Path: '/bar/name3' })).toEqual(['/bar/name3/name4']);
    expect(await names({ Path: '/fo' })).toEqual([]);
  });

  it('lists everything beneath with Recursive; / holds the top-level names', async () => {
    expect(await names({ Path: '/bar', Recursive: true })).toEqual(['/bar/name3', '/bar/name3/name4']);
    expect(await names({ Path: '/' })).toEqual(['/slashed-top', 'top']);
    expect(await names({ Path: '/', Recursive: true })).toHaveLength(10);
  });

  it('keeps SecureStrings encrypted unless WithDecryption', async () => {
    const enc = (await ssmClient(nimbus).send(new GetParametersByPathCommand({ Path: '/baz' }))).Parameters!.find((p) => p.Name === '/baz/pwd')!;
    expect(enc.Value).not.toBe('my_secret');
    const dec = (await ssmClient(nimbus).send(new GetParametersByPathCommand({ Path: '/baz', WithDecryption: true }))).Parameters!.find((p) => p.Name === '/baz/pwd')!;
    expect(dec.Value).toBe('my_secret');
  });

  it('filters by Type, KeyId and Label', async () => {
    expect(await names({ Path: '/baz', ParameterFilters: [{ Key: 'Type', Values: ['StringList'] }] })).toEqual(['/baz/list']);
    expect(await names({ Path: '/baz', ParameterFilters: [{ Key: 'Type', Option: 'BeginsWith', Values: ['String'] }] })).toEqual(['/baz/list', '/baz/plain']);
    expect(await names({ Path: '/baz', ParameterFilters: [{ Key: 'KeyId', Values: ['alias/aws/ssm'] }] })).toEqual(['/baz/pwd']);
    const labelled = await ssmClient(nimbus).send(new GetParametersByPathCommand({ Path: '/foo', ParameterFilters: [{ Key: 'Label', Values: ['stable'] }] }));
    expect(labelled.Parameters).toMatchObject([{ Name: '/foo/name2', Value: 'value2', Version: 1 }]);
  });

  it('refuses filters AWS does not allow here', async () => {
    const ssm = ssmClient(nimbus);
    for (const Key of ['Name', 'Path', 'Tier', 'DataType', 'tag:team']) {
      await expectError(ssm.send(new GetParametersByPathCommand({ Path: '/baz', ParameterFilters: [{ Key, Values: ['x'] }] })), 'InvalidFilterKey', `The following filter key is not valid: ${Key}. Valid filter keys include: [Type, KeyId].`);
    }
    await expectError(ssm.send(new GetParametersByPathCommand({ Path: '/baz', ParameterFilters: [{ Key: 'Label', Option: 'BeginsWith', Values: ['x'] }] })), 'InvalidFilterOption', 'The following filter option is not valid: BeginsWith. Valid options include: [Equals].');
    await expectError(ssm.send(new GetParametersByPathCommand({ Path: '/baz', ParameterFilters: [{ Key: 'Type', Values: ['Blob'] }] })), 'InvalidFilterValue', 'The following filter value is not valid: Blob. Valid values include: [String, StringList, SecureString].');
  });

  it('refuses malformed paths', async () => {
    for (const Path of ['foo', '/foo//bar', '/foo bar', '/ssm/x']) {
      await expectError(ssmClient(nimbus).send(new GetParametersByPathCommand({ Path })), 'ValidationException', PATH_MESSAGE);
    }
  });

  it('pages with MaxResults and an opaque NextToken', async () => {
    const ssm = ssmClient(nimbus);
    const first = await ssm.send(new GetParametersByPathCommand({ Path: '/', Recursive: true, MaxResults: 4 }));
    expect(first.Parameters).toHaveLength(4);
    expect(first.NextToken).toBeTruthy();
    const second = await ssm.send(new GetParametersByPathCommand({ Path: '/', Recursive: true, MaxResults: 4, NextToken: first.NextToken }));
    const third = await ssm.send(new GetParametersByPathCommand({ Path: '/', Recursive: true, MaxResults: 4, NextToken: second.NextToken }));
    expect(third.Parameters).toHaveLength(2);
    expect(third.NextToken).toBeUndefined();
    const all = [...first.Parameters!, ...second.Parameters!, ...third.Parameters!].map((p) => p.Name);
    expect(new Set(all).size).toBe(10);
    const keys = all.map((n) => n!.replace(/^\//, ''));
    expect(keys).toEqual([...keys].sort());
    await expectError(ssm.send(new GetParametersByPathCommand({ Path: '/', Recursive: true, NextToken: 'garbage' })), 'InvalidNextToken');
    await expectError(ssm.send(new GetParametersByPathCommand({ Path: '/foo', NextToken: first.NextToken })), 'InvalidNextToken');
    await expectError(ssm.send(new GetParametersByPathCommand({ Path: '/', MaxResults: 11 })), 'ValidationException', /Member must have value less than or equal to 10/);
  });

  it('works with the SDK paginator', async () => {
    const seen: string[] = [];
    for await (const page of paginateGetParametersByPath({ client: ssmClient(nimbus), pageSize: 3 }, { Path: '/', Recursive: true })) {
      seen.push(...page.Parameters!.map((p) => p.Name!));
    }
    expect(seen).toHaveLength(10);
  });
});
