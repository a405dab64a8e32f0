import { DescribeAvailabilityZonesCommand, DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../helpers/nimbus.js';

const nimbus = useNimbus();
const ec2 = (region?: string) => new EC2Client(nimbus.clientConfig(region ? { region } : {}));

async function rejection(p: Promise<unknown>): Promise<{ name: string; message: string; $metadata: { httpStatusCode?: number } }> {
  return p.then(() => { throw new Error('expected an error'); }, (e) => e);
}

describe('EC2 DescribeRegions', () => {
  it('lists every region with its endpoint and opt-in status', async () => {
    const out = await ec2().send(new DescribeRegionsCommand({}));
    const names = out.Regions!.map((r) => r.RegionName);
    expect(names).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2', 'af-south-1']));
    expect(out.Regions!.find((r) => r.RegionName === 'us-east-1')).toEqual({ RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' });
    expect(out.Regions!.find((r) => r.RegionName === 'af-south-1')?.OptInStatus).toBe('opted-in');
  });

  it('narrows by RegionNames and by filters (with wildcards)', async () => {
    const byName = await ec2().send(new DescribeRegionsCommand({ RegionNames: ['eu-west-1', 'us-west-2'] }));
    expect(byName.Regions!.map((r) => r.RegionName).sort()).toEqual(['eu-west-1', 'us-west-2']);
    const filtered = await ec2().send(new DescribeRegionsCommand({ Filters: [{ Name: 'region-name', Values: ['eu-*'] }, { Name: 'opt-in-status', Values: ['opt-in-not-required'] }] }));
    expect(filtered.Regions!.length).toBeGreaterThanOrEqual(5);
    expect(filtered.Regions!.every((r) => r.RegionName!.startsWith('eu-') && r.OptInStatus === 'opt-in-not-required')).toBe(true);
  });

  it('rejects an unknown region name', async () => {
    const e = await rejection(ec2().send(new DescribeRegionsCommand({ RegionNames: ['us-east-1', 'mars-north-1'] })));
    expect(e.name).toBe('InvalidParameterValue');
    expect(e.message).toBe('Invalid region: [mars-north-1]');
    expect(e.$metadata.httpStatusCode).toBe(400);
  });

  it('rejects an unknown filter name', async () => {
    const e = await rejection(ec2().send(new DescribeRegionsCommand({ Filters: [{ Name: 'colour', Values: ['blue'] }] })));
    expect(e.name).toBe('InvalidParameterValue');
    expect(e.message).toBe("The filter 'colour' is invalid");
  });

  it('answers DryRun with DryRunOperation (412)', async () => {
    const e = await rejection(ec2().send(new DescribeRegionsCommand({ DryRun: true })));
    expect(e.name).toBe('DryRunOperation');
    expect(e.message).toBe('Request would have succeeded, but DryRun flag is set.');
    expect(e.$metadata.httpStatusCode).toBe(412);
  });

  it.skipIf(!hasAwsCli)('works with aws ec2 describe-regions, including --dry-run', async () => {
    const ok = await awsCli(nimbus.current, ['ec2', 'describe-regions', '--region-names', 'us-east-1']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.json).toEqual({ Regions: [{ Endpoint: 'ec2.us-east-1.amazonaws.com', RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }] });
    const dry = await awsCli(nimbus.current, ['ec2', 'describe-regions', '--dry-run']);
    expect(dry.status).not.toBe(0);
    expect(dry.stderr).toContain('An error occurred (DryRunOperation) when calling the DescribeRegions operation: Request would have succeeded, but DryRun flag is set.');
  });

  it.skipIf(!hasBoto3)('works with boto3', async () => {
    const r = await boto3(nimbus.current, `out(sorted(r['RegionName'] for r in client('ec2').describe_regions(RegionNames=['eu-west-1','us-east-1'])['Regions']))`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual(['eu-west-1', 'us-east-1']);
  });
});

describe('EC2 DescribeAvailabilityZones', () => {
  it("describes the request region's zones", async () => {
    const out = await ec2('eu-west-1').send(new DescribeAvailabilityZonesCommand({}));
    expect(out.AvailabilityZones!.map((z) => z.ZoneName)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(out.AvailabilityZones![0]).toMatchObject({
      ZoneId: 'euw1-az1', RegionName: 'eu-west-1', State: 'available', ZoneType: 'availability-zone', OptInStatus: 'opt-in-not-required', NetworkBorderGroup: 'eu-west-1', Messages: [],
    });
    const use1 = await ec2('us-east-1').send(new DescribeAvailabilityZonesCommand({}));
    expect(use1.AvailabilityZones).toHaveLength(6);
  });

  it('narrows by ZoneNames, ZoneIds and filters', async () => {
    const byName = await ec2('us-west-2').send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['us-west-2b'] }));
    expect(byName.AvailabilityZones!.map((z) => z.ZoneId)).toEqual(['usw2-az2']);
    const byId = await ec2('us-west-2').send(new DescribeAvailabilityZonesCommand({ ZoneIds: ['usw2-az4'] }));
    expect(byId.AvailabilityZones!.map((z) => z.ZoneName)).toEqual(['us-west-2d']);
    const filtered = await ec2('us-west-2').send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'zone-name', Values: ['*a', '*c'] }] }));
    expect(filtered.AvailabilityZones!.map((z) => z.ZoneName)).toEqual(['us-west-2a', 'us-west-2c']);
    const none = await ec2('us-west-2').send(new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'state', Values: ['impaired'] }] }));
    expect(none.AvailabilityZones).toEqual([]);
  });

  it('rejects zones that do not exist in the region', async () => {
    const e = await rejection(ec2('eu-west-1').send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['eu-west-1z'] })));
    expect(e.name).toBe('InvalidParameterValue');
    expect(e.message).toBe("The zone 'eu-west-1z' does not exist.");
  });

  it('answers DryRun with DryRunOperation', async () => {
    const e = await rejection(ec2().send(new DescribeAvailabilityZonesCommand({ DryRun: true })));
    expect(e.name).toBe('DryRunOperation');
  });

  it.skipIf(!hasAwsCli)('works with aws ec2 describe-availability-zones', async () => {
    const r = await awsCli(nimbus.current, ['ec2', 'describe-availability-zones', '--region', 'ap-northeast-2', '--query', 'AvailabilityZones[].ZoneName']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual(['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c', 'ap-northeast-2d']);
  });
});
