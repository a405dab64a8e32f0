/**
 * `--iam audit` and `--iam off` for S3: audit decides and logs but denies nothing; off evaluates
 * nothing, so unsigned requests pass as they did before S3 authorization existed.
 */
import { createHash } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type IamMode } from '../../../../src/config/config.js';
import { createNimbus, type NimbusInstance } from '../../../../src/nimbus.js';
import { createLogger } from '../../../../src/shared/logger.js';

async function nimbusIn(mode: IamMode): Promise<{ instance: NimbusInstance; lines: string[]; s3: S3Client }> {
  const lines: string[] = [];
  const config = resolveConfig({ port: 0, ephemeral: true, iam: mode, logLevel: 'info' });
  const instance = await createNimbus(config, { log: createLogger('info', (t) => lines.push(...t.split('\n').filter(Boolean))) });
  const s3 = new S3Client({ endpoint: instance.endpoint, region: config.region, credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, forcePathStyle: true, maxAttempts: 1 });
  return { instance, lines, s3 };
}

for (const mode of ['audit', 'off'] as const) {
  describe(`--iam ${mode}`, () => {
    let n: Awaited<ReturnType<typeof nimbusIn>>;
    beforeAll(async () => {
      n = await nimbusIn(mode);
      await n.s3.send(new CreateBucketCommand({ Bucket: 'private-bucket' }));
      await n.s3.send(new PutObjectCommand({ Bucket: 'private-bucket', Key: 'k', Body: 'secret' }));
    });
    afterAll(() => n.instance.close());

    it('lets an unsigned read of a private object through', async () => {
      const res = await fetch(`${n.instance.endpoint}/private-bucket/k`);
      expect({ status: res.status, body: await res.text() }).toEqual({ status: 200, body: 'secret' });
      await new Promise((r) => setImmediate(r));
      const logged = n.lines.some((l) => l.includes('iam audit: AWS would deny anonymous s3:GetObject arn:aws:s3:::private-bucket/k'));
      expect(logged).toBe(mode === 'audit');
    });

    it('lets an unsigned DeleteObjects delete every key (each key is authorized by the handler)', async () => {
      await n.s3.send(new PutObjectCommand({ Bucket: 'private-bucket', Key: 'gone', Body: 'x' }));
      const body = '<Delete><Object><Key>gone</Key></Object></Delete>';
      const md5 = createHash('md5').update(body).digest('base64');
      const res = await fetch(`${n.instance.endpoint}/private-bucket?delete`, { method: 'POST', body, headers: { 'content-md5': md5, 'content-type': 'application/xml' } });
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).toContain('<Deleted><Key>gone</Key>');
      expect(text).not.toContain('<Error>');
      await new Promise((r) => setImmediate(r));
      const logged = n.lines.some((l) => l.includes('iam audit: AWS would deny anonymous s3:DeleteObject arn:aws:s3:::private-bucket/gone'));
      expect(logged).toBe(mode === 'audit');
    });
  });
}
