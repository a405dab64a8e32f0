import type { OperationContext } from '../../service.js';
import { Ec2Errors } from '../domain/errors.js';
import { applyFilters } from '../domain/filters.js';
import { REGIONS, type RegionInfo } from '../domain/regions.js';
import type { DescribeRegionsRequest, DescribeRegionsResult, Region } from '../generated/types.js';

function describe(r: RegionInfo): Region {
  return { RegionName: r.name, Endpoint: `ec2.${r.name}.amazonaws.com`, OptInStatus: r.optInRequired ? 'opted-in' : 'opt-in-not-required' };
}

/** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html */
export function describeRegions(input: DescribeRegionsRequest, _ctx: OperationContext): DescribeRegionsResult {
  let regions = REGIONS.map(describe);
  if (input.RegionNames?.length) {
    const unknown = input.RegionNames.filter((n) => !REGIONS.some((r) => r.name === n));
    if (unknown.length) throw Ec2Errors.invalidRegion(unknown);
    regions = regions.filter((r) => input.RegionNames!.includes(r.RegionName!));
  }
  regions = applyFilters(regions, input.Filters, {
    endpoint: (r) => [r.Endpoint],
    'region-name': (r) => [r.RegionName],
    'opt-in-status': (r) => [r.OptInStatus],
  });
  return { Regions: regions };
}
