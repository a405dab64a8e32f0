import type { OperationContext } from '../../service.js';
import { Ec2Errors } from '../domain/errors.js';
import { applyFilters } from '../domain/filters.js';
import { regionAbbreviation, regionInfo } from '../domain/regions.js';
import type { AvailabilityZone, DescribeAvailabilityZonesRequest, DescribeAvailabilityZonesResult } from '../generated/types.js';

/** The Availability Zones of a region: `us-east-1a` … with ids `use1-az1` …, all available. */
export function zonesOf(region: string): AvailabilityZone[] {
  const info = regionInfo(region);
  return Array.from({ length: info.zones }, (_, i) => ({
    OptInStatus: 'opt-in-not-required',
    Messages: [],
    RegionName: region,
    ZoneName: `${region}${String.fromCharCode(97 + i)}`,
    ZoneId: `${regionAbbreviation(region)}-az${i + 1}`,
    GroupName: `${region}-zg-1`,
    NetworkBorderGroup: region,
    ZoneType: 'availability-zone',
    GroupLongName: `${info.longName} 1`,
    State: 'available',
  }));
}

/** The zones of the request's region. https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeAvailabilityZones.html */
export function describeAvailabilityZones(input: DescribeAvailabilityZonesRequest, ctx: OperationContext): DescribeAvailabilityZonesResult {
  let zones = zonesOf(ctx.region);
  for (const name of input.ZoneNames ?? []) if (!zones.some((z) => z.ZoneName === name)) throw Ec2Errors.invalidZoneName(name);
  for (const id of input.ZoneIds ?? []) if (!zones.some((z) => z.ZoneId === id)) throw Ec2Errors.invalidZoneId(id);
  if (input.ZoneNames?.length || input.ZoneIds?.length) {
    zones = zones.filter((z) => input.ZoneNames?.includes(z.ZoneName!) || input.ZoneIds?.includes(z.ZoneId!));
  }
  zones = applyFilters(zones, input.Filters, {
    'group-long-name': (z) => [z.GroupLongName],
    'group-name': (z) => [z.GroupName],
    message: (z) => (z.Messages ?? []).map((m) => m.Message),
    'opt-in-status': (z) => [z.OptInStatus],
    'parent-zone-id': (z) => [z.ParentZoneId],
    'parent-zone-name': (z) => [z.ParentZoneName],
    'region-name': (z) => [z.RegionName],
    state: (z) => [z.State],
    'zone-id': (z) => [z.ZoneId],
    'zone-name': (z) => [z.ZoneName],
    'zone-type': (z) => [z.ZoneType],
  });
  return { AvailabilityZones: zones };
}
