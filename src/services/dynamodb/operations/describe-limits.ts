import type { DescribeLimitsInput, DescribeLimitsOutput } from '../generated/types.js';
import type { Ctx } from './table-lookup.js';

/**
 * The default provisioned capacity quotas of an account in a region, as AWS reports them before
 * any increase. Nimbus accepts any throughput; these are informational.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeLimits.html
 */
export function describeLimits(_input: DescribeLimitsInput, _ctx: Ctx): DescribeLimitsOutput {
  return {
    AccountMaxReadCapacityUnits: 80000,
    AccountMaxWriteCapacityUnits: 80000,
    TableMaxReadCapacityUnits: 40000,
    TableMaxWriteCapacityUnits: 40000,
  };
}
