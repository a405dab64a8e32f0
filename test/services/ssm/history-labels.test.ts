import {
  GetParameterCommand,
  GetParameterHistoryCommand,
  LabelParameterVersionCommand,
  PutParameterCommand,
  UnlabelParameterVersionCommand,
  type SSMClient,
} from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { expectError, ssmClient } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

async function putVersions(ssm: SSMClient, Name: string, n: number, Type: 'String' | 'SecureString' = 'String'): Promise<void> {
  for (let i = 1; i <= n; i++) await ssm.send(new PutParameterCommand({ Name, Value: `value-${i}`, Type, Description: `version ${i}`, Overwrite: true }));
}

async function labelsByVersion(ssm: SSMClient, Name: string): Promise<Record<number, string[]>> {
  const out = await ssm.send(new GetParameterHistoryCommand({ Name }));
  return Object.fromEntries(out.Parameters!.map((p) => [p.Version!, p.Labels!]));
}

describe('SSM GetParameterHistory', () => {
  it('lists every version oldest first with its attributes and labels', async () => {
    const ssm = ssmClient(nimbus);
    await putVersions(ssm, '/hist/p', 3);
    await ssm.send(new LabelParameterVersionCommand({ Name: '/hist/p', ParameterVersion: 2, Labels: ['prod'] }));
    const out = await ssm.send(new GetParameterHistoryCommand({ Name: '/hist/p' }));
    expect(out.Parameters?.map((p) => [p.Version, p.Value, p.Description, p.Labels])).toEqual([
      [1, 'value-1', 'version 1', []],
      [2, 'value-2', 'version 2', ['prod']],
      [3, 'value-3', 'version 3', []],
    ]);
    expect(out.Parameters![0]).toMatchObject({ Name: '/hist/p', Type: 'String', Tier: 'Standard', DataType: 'text', LastModifiedUser: 'arn:aws:iam::000000000000:root', Policies: [] });
    expect(out.NextToken).toBeUndefined();
  });

  it('keeps SecureString history encrypted unless WithDecryption', async () => {
    const ssm = ssmClient(nimbus);
    await putVersions(ssm, 'secret', 2, 'SecureString');
    const enc = await ssm.send(new GetParameterHistoryCommand({ Name: 'secret' }));
    expect(enc.Parameters?.map((p) => p.Value)).not.toContain('value-1');
    expect(enc.Parameters![0]!.KeyId).toBe('alias/aws/ssm');
    const dec = await ssm.send(new GetParameterHistoryCommand({ Name: 'secret', WithDecryption: true }));
    expect(dec.Parameters?.map((p) => p.Value)).toEqual(['value-1', 'value-2']);
  });

  it('pages with MaxResults', async () => {
    const ssm = ssmClient(nimbus);
    await putVersions(ssm, 'paged', 5);
    const first = await ssm.send(new GetParameterHistoryCommand({ Name: 'paged', MaxResults: 2 }));
    const second = await ssm.send(new GetParameterHistoryCommand({ Name: 'paged', MaxResults: 2, NextToken: first.NextToken }));
    const third = await ssm.send(new GetParameterHistoryCommand({ Name: 'paged', MaxResults: 2, NextToken: second.NextToken }));
    expect([first, second, third].flatMap((p) => p.Parameters!.map((v) => v.Version))).toEqual([1, 2, 3, 4, 5]);
    expect(third.NextToken).toBeUndefined();
    await expectError(ssm.send(new GetParameterHistoryCommand({ Name: 'paged', NextToken: 'eyJhIjoxfQ' })), 'InvalidNextToken');
  });

  it('answers ParameterNotFound for a missing parameter', async () => {
    await expectError(ssmClient(nimbus).send(new GetParameterHistoryCommand({ Name: 'nope' })), 'ParameterNotFound');
  });

  it('keeps 100 versions, dropping the oldest unlabelled one', async () => {
    const ssm = ssmClient(nimbus);
    await putVersions(ssm, 'capped', 101);
    const all = await ssm.send(new GetParameterHistoryCommand({ Name: 'capped', MaxResults: 50 }));
    expect(all.Parameters![0]!.Version).toBe(2);
    const rest = await ssm.send(new GetParameterHistoryCommand({ Name: 'capped', MaxResults: 50, NextToken: all.NextToken }));
    expect(rest.Parameters!.at(-1)!.Version).toBe(101);
    expect(all.Parameters!.length + rest.Parameters!.length).toBe(100);
    await expectError(ssm.send(new GetParameterCommand({ Name: 'capped:1' })), 'ParameterVersionNotFound');

    await ssm.send(new LabelParameterVersionCommand({ Name: 'capped', ParameterVersion: 2, Labels: ['keep'] }));
    await expectError(
      ssm.send(new PutParameterCommand({ Name: 'capped', Value: 'more', Overwrite: true })),
      'ParameterMaxVersionLimitExceeded',
      "You attempted to create a new version of capped by calling the PutParameter API with the overwrite flag. Version 2, the oldest version, can't be deleted because it has a label associated with it. Move the label to another version of the parameter, and try again.",
    );
    await ssm.send(new LabelParameterVersionCommand({ Name: 'capped', ParameterVersion: 101, Labels: ['keep'] }));
    expect((await ssm.send(new PutParameterCommand({ Name: 'capped', Value: 'more', Overwrite: true }))).Version).toBe(102);
  }, 60_000);
});

describe('SSM LabelParameterVersion / UnlabelParameterVersion', () => {
  it('labels the latest version by default and moves labels between versions', async () => {
    const ssm = ssmClient(nimbus);
    await putVersions(ssm, 'lab', 3);
    expect(await ssm.send(new LabelParameterVersionCommand({ Name: 'lab', Labels: ['latest-good'] }))).toMatchObject({ InvalidLabels: [], ParameterVersion: 3 });
    await ssm.send(new LabelParameterVersionCommand({ Name: 'lab', ParameterVersion: 1, Labels: ['l1', 'l2', 'l3'] }));
    await ssm.send(new LabelParameterVersionCommand({ Name: 'lab', ParameterVersion: 2, Labels: ['l2', 'l3'] }));
    expect(await labelsByVersion(ssm, 'lab')).toEqual({ 1: ['l1'], 2: ['l2', 'l3'], 3: ['latest-good'] });
    expect((await ssm.send(new GetParameterCommand({ Name: 'lab:l3' }))).Parameter?.Version).toBe(2);
  });

  it('reports labels that break the rules as InvalidLabels without attaching them', async () => {
    const ssm = ssmClient(nimbus);
    await putVersions(ssm, 'lab', 1);
    const out = await ssm.send(new LabelParameterVersionCommand({ Name: 'lab', ParameterVersion: 1, Labels: ['awsabc', 'SSMabc', '9abc', 'abc/123', 'ok_label-1.0'] }));
    expect(out).toMatchObject({ InvalidLabels: ['awsabc', 'SSMabc', '9abc', 'abc/123'], ParameterVersion: 1 });
    expect(await labelsByVersion(ssm, 'lab')).toEqual({ 1: ['ok_label-1.0'] });
    await expectError(ssm.send(new LabelParameterVersionCommand({ Name: 'lab', Labels: ['x'.repeat(101)] })), 'ValidationException', /Member must have length less than or equal to 100/);
  });

  it('allows at most 10 labels on a version', async () => {
    const ssm = ssmClient(nimbus);
    await putVersions(ssm, 'lab', 1);
    await ssm.send(new LabelParameterVersionCommand({ Name: 'lab', Labels: ['a1', 'a2', 'a3', 'a4', 'a5'] }));
    await expectError(
      ssm.send(new LabelParameterVersionCommand({ Name: 'lab', Labels: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'] })),
      'ParameterVersionLabelLimitExceeded',
      'A parameter version can have maximum 10 labels.Move one or more labels to another version and try again.',
    );
    expect((await labelsByVersion(ssm, 'lab'))[1]).toHaveLength(5);
    await ssm.send(new LabelParameterVersionCommand({ Name: 'lab', Labels: ['a1', 'b1', 'b2', 'b3', 'b4', 'b5'] }));
    expect((await labelsByVersion(ssm, 'lab'))[1]).toHaveLength(10);
  });

  it('answers ParameterNotFound / ParameterVersionNotFound', async () => {
    const ssm = ssmClient(nimbus);
    await expectError(ssm.send(new LabelParameterVersionCommand({ Name: 'none', Labels: ['x'] })), 'ParameterNotFound');
    await putVersions(ssm, 'lab', 1);
    await expectError(ssm.send(new LabelParameterVersionCommand({ Name: 'lab', ParameterVersion: 5, Labels: ['x'] })), 'ParameterVersionNotFound', 'Systems Manager could not find version 5 of lab. Verify the version and try again.');
    await expectError(ssm.send(new UnlabelParameterVersionCommand({ Name: 'lab', ParameterVersion: 5, Labels: ['x'] })), 'ParameterVersionNotFound');
    await expectError(ssm.send(new UnlabelParameterVersionCommand({ Name: 'none', ParameterVersion: 1, Labels: ['x'] })), 'ParameterNotFound');
  });

  it('removes labels, reporting those not on the version', async () => {
    const ssm = ssmClient(nimbus);
    await putVersions(ssm, 'lab', 2);
    await ssm.send(new LabelParameterVersionCommand({ Name: 'lab', ParameterVersion: 1, Labels: ['one', 'two'] }));
    await ssm.send(new LabelParameterVersionCommand({ Name: 'lab', ParameterVersion: 2, Labels: ['three'] }));
    const out = await ssm.send(new UnlabelParameterVersionCommand({ Name: 'lab', ParameterVersion: 1, Labels: ['one', 'three', 'never'] }));
    expect(out).toMatchObject({ RemovedLabels: ['one'], InvalidLabels: ['three', 'never'] });
    expect(await labelsByVersion(ssm, 'lab')).toEqual({ 1: ['two'], 2: ['three'] });
  });
});
