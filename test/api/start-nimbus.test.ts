/** The in-process API a user's own test suite uses: `import { startNimbus } from 'nimbus'`. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { describe, expect, it } from 'vitest';
import { startNimbus, type StartedNimbus } from '../../src/index.js';

const ssmFor = (n: StartedNimbus) => new SSMClient({ endpoint: n.endpoint, region: n.region, credentials: n.credentials, maxAttempts: 1 });

describe('startNimbus', () => {
  it('starts on a free port, in memory, with the test credentials', async () => {
    const a = await startNimbus();
    const b = await startNimbus({ region: 'eu-west-1' });
    try {
      expect(a.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(a.endpoint).not.toBe(b.endpoint);
      expect(a.credentials).toEqual({ accessKeyId: 'test', secretAccessKey: 'test' });
      expect(b.region).toBe('eu-west-1');
      await ssmFor(a).send(new PutParameterCommand({ Name: 'only-in-a', Value: '1', Type: 'String' }));
      await expect(ssmFor(b).send(new GetParameterCommand({ Name: 'only-in-a' }))).rejects.toMatchObject({ name: 'ParameterNotFound' });
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('reset() wipes all state', async () => {
    const n = await startNimbus();
    try {
      const ssm = ssmFor(n);
      await ssm.send(new PutParameterCommand({ Name: 'temp', Value: '1', Type: 'String' }));
      await n.reset();
      await expect(ssm.send(new GetParameterCommand({ Name: 'temp' }))).rejects.toMatchObject({ name: 'ParameterNotFound' });
      await ssm.send(new PutParameterCommand({ Name: 'temp', Value: '2', Type: 'String' }));
      expect((await ssm.send(new GetParameterCommand({ Name: 'temp' }))).Parameter?.Version).toBe(1);
    } finally {
      await n.stop();
    }
  });

  it('keeps state across restarts with ephemeral: false', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nimbus-api-'));
    try {
      const first = await startNimbus({ ephemeral: false, dataDir });
      await ssmFor(first).send(new PutParameterCommand({ Name: '/kept', Value: 'yes', Type: 'SecureString' }));
      await first.stop();
      const second = await startNimbus({ ephemeral: false, dataDir });
      const got = await ssmFor(second).send(new GetParameterCommand({ Name: '/kept', WithDecryption: true }));
      expect(got.Parameter).toMatchObject({ Value: 'yes', Type: 'SecureString', Version: 1 });
      await second.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
