import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddTagsToResourceCommand,
  GetParameterCommand,
  GetParameterHistoryCommand,
  LabelParameterVersionCommand,
  ListTagsForResourceCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { afterAll, describe, expect, it } from 'vitest';
import { startNimbus, type StartedNimbus } from '../../../src/index.js';

function client(n: StartedNimbus): SSMClient {
  return new SSMClient({ endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1 });
}

describe('SSM Parameter Store durability', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps parameters, versions, labels and tags across a restart', async () => {
    dir = await mkdtemp(join(tmpdir(), 'nimbus-ssm-'));
    const first = await startNimbus({ ephemeral: false, dataDir: dir });
    try {
      const ssm = client(first);
      await ssm.send(new PutParameterCommand({ Name: '/durable/url', Value: 'v1', Type: 'String', Tags: [{ Key: 'team', Value: 'core' }] }));
      await ssm.send(new PutParameterCommand({ Name: '/durable/url', Value: 'v2', Overwrite: true }));
      await ssm.send(new LabelParameterVersionCommand({ Name: '/durable/url', ParameterVersion: 1, Labels: ['first'] }));
      await ssm.send(new PutParameterCommand({ Name: 'durable-secret', Value: 's3cr3t', Type: 'SecureString', Tier: 'Advanced' }));
      await ssm.send(new AddTagsToResourceCommand({ ResourceType: 'Parameter', ResourceId: 'durable-secret', Tags: [{ Key: 'k', Value: 'v' }] }));
    } finally {
      await first.stop();
    }

    const second = await startNimbus({ ephemeral: false, dataDir: dir });
    try {
      const ssm = client(second);
      expect((await ssm.send(new GetParameterCommand({ Name: '/durable/url' }))).Parameter).toMatchObject({ Value: 'v2', Version: 2 });
      expect((await ssm.send(new GetParameterCommand({ Name: '/durable/url:first' }))).Parameter).toMatchObject({ Value: 'v1', Version: 1 });
      const history = await ssm.send(new GetParameterHistoryCommand({ Name: '/durable/url' }));
      expect(history.Parameters?.map((p) => [p.Version, p.Value, p.Labels])).toEqual([
        [1, 'v1', ['first']],
        [2, 'v2', []],
      ]);
      expect((await ssm.send(new GetParameterCommand({ Name: 'durable-secret', WithDecryption: true }))).Parameter).toMatchObject({ Value: 's3cr3t', Type: 'SecureString' });
      expect((await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: '/durable/url' }))).TagList).toEqual([{ Key: 'team', Value: 'core' }]);
      expect((await ssm.send(new ListTagsForResourceCommand({ ResourceType: 'Parameter', ResourceId: 'durable-secret' }))).TagList).toEqual([{ Key: 'k', Value: 'v' }]);
      expect((await ssm.send(new PutParameterCommand({ Name: '/durable/url', Value: 'v3', Overwrite: true }))).Version).toBe(3);
    } finally {
      await second.stop();
    }
  });
});
