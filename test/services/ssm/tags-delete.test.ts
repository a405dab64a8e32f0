import {
  AddTagsToResourceCommand,
  DeleteParameterCommand,
  DeleteParametersCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  RemoveTagsFromResourceCommand,
} from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { expectError, ssmClient } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

describe('SSM tags on parameters', () => {
  it('adds, replaces, lists and removes tags', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: '/tagged/p', Value: 'v', Type: 'String', Tags: [{ Key: 'b', Value: '1' }] }));
    await ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: '/tagged/p', Tags: [{ Key: 'a', Value: 'x' }, { Key: 'b', Value: '2' }] }));
    const list = () => ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/tagged/p' })).then((o) => o.TagList);
    expect(await list()).toEqual([{ Key: 'a', Value: 'x' }, { Key: 'b', Value: '2' }]);
    await ssm.send(new RemoveTagsFromResourceCommand({ ResourceType: 'Parameter', ResourceId: '/tagged/p', TagKeys: ['b', 'never-there'] }));
    expect(await list()).toEqual([{ Key: 'a', Value: 'x' }]);
  });

  it('allows at most 50 tags', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'many', Value: 'v', Type: 'String' }));
    const tags = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${from + i}`, Value: 'v' }));
    await ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: 'many', Tags: tags(0, 45) }));
    await expectError(ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: 'many', Tags: tags(45, 6) })), 'TooManyTagsError');
    await ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: 'many', Tags: [...tags(40, 5), ...tags(45, 5)] }));
    expect((await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: 'many' }))).TagList).toHaveLength(50);
  });

  it('answers InvalidResourceId for a missing parameter or another resource type', async () => {
    const ssm = ssmClient(nimbus);
    await expectError(ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: 'ghost' })), 'InvalidResourceId');
    await expectError(ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: 'ghost', Tags: [{ Key: 'a', Value: 'b' }] })), 'InvalidResourceId');
    await expectError(ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Document', ResourceId: 'AWS-RunShellScript' })), 'InvalidResourceId');
    await expectError(ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: 'no/slash' })), 'ValidationException', /^The parameter doesn't meet the parameter name requirements/);
    await expectError(
      ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Bucket' as never, ResourceId: 'x' })),
      'ValidationException',
      /Member must satisfy enum value set/,
    );
  });
});

describe('SSM DeleteParameter(s)', () => {
  it('deletes a parameter with its history and tags; a new one starts at version 1', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: '/del/p', Value: 'a', Type: 'String', Tags: [{ Key: 't', Value: '1' }] }));
    await ssm.send(new PutParameterCommand({ Name: '/del/p', Value: 'b', Overwrite: true }));
    expect((await ssm.send(new DeleteParameterCommand({ Name: '/del/p' }))).$metadata.httpStatusCode).toBe(200);
    await expectError(ssm.send(new GetParameterCommand({ Name: '/del/p' })), 'ParameterNotFound');
    await expectError(ssm.send(new GetParameterHistoryCommand({ Name: '/del/p' })), 'ParameterNotFound');
    await expectError(ssm.send(new DeleteParameterCommand({ Name: '/del/p' })), 'ParameterNotFound');
    expect((await ssm.send(new PutParameterCommand({ Name: '/del/p', Value: 'c', Type: 'String' }))).Version).toBe(1);
    expect((await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/del/p' }))).TagList).toEqual([]);
  });

  it('deletes several, reporting the missing ones', async () => {
    const ssm = ssmClient(nimbus);
    await ssm.send(new PutParameterCommand({ Name: 'one', Value: '1', Type: 'String' }));
    await ssm.send(new PutParameterCommand({ Name: '/two', Value: '2', Type: 'String' }));
    const out = await ssm.send(new DeleteParametersCommand({ Names: ['one', 'two', 'three'] }));
    expect(out).toMatchObject({ DeletedParameters: ['one', 'two'], InvalidParameters: ['three'] });
    await expectError(ssm.send(new GetParameterCommand({ Name: '/two' })), 'ParameterNotFound');
  });
});
