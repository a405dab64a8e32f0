/** Nimbus's own endpoints: /_nimbus/health and /_nimbus/reset. */
import { describe, expect, it } from 'vitest';
import { raw } from '../helpers/http.js';
import { useNimbus } from '../helpers/nimbus.js';

const nimbus = useNimbus();

interface Health {
  status: string;
  version: string;
  uptimeSeconds: number;
  storage: { ephemeral: boolean };
  services: { name: string; serviceId: string; protocols: string[]; operations: number; implemented: number; implementedOperations: string[] }[];
}

describe('/_nimbus/health', () => {
  it('reports version, uptime and, per service, implemented operations out of the model total', async () => {
    const r = await raw(nimbus.current.endpoint, { path: '/_nimbus/health' });
    expect(r.status).toBe(200);
    const h = JSON.parse(r.body) as Health;
    expect(h.status).toBe('ok');
    expect(h.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(h.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(h.storage.ephemeral).toBe(true);
    const sts = h.services.find((s) => s.name === 'sts')!;
    expect(sts).toMatchObject({ serviceId: 'STS', protocols: ['query'] });
    expect(sts.implementedOperations).toContain('GetCallerIdentity');
    expect(sts.operations).toBeGreaterThanOrEqual(8);
    const ec2 = h.services.find((s) => s.name === 'ec2')!;
    expect(ec2.implementedOperations).toEqual(expect.arrayContaining(['DescribeAvailabilityZones', 'DescribeRegions']));
    expect(ec2.operations).toBeGreaterThan(500);
    const s3 = h.services.find((s) => s.name === 's3')!;
    expect(s3.implementedOperations).toEqual(expect.arrayContaining(['CreateBucket', 'PutObject', 'GetObject', 'ListObjectsV2']));
    expect(s3.implemented).toBeLessThan(s3.operations);
    expect(h.services.length).toBeGreaterThanOrEqual(19);
  });

  it('answers 404 for unknown Nimbus endpoints', async () => {
    const r = await raw(nimbus.current.endpoint, { path: '/_nimbus/nope' });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body).error).toBe('NotFound');
  });
});

describe('/_nimbus/reset', () => {
  it('answers POST with 200 and refuses GET', async () => {
    const r = await raw(nimbus.current.endpoint, { method: 'POST', path: '/_nimbus/reset' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ reset: true });
    const get = await raw(nimbus.current.endpoint, { path: '/_nimbus/reset' });
    expect(get.status).toBe(404);
  });
});
