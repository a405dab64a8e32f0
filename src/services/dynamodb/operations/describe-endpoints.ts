import type { DescribeEndpointsRequest, DescribeEndpointsResponse } from '../generated/types.js';
import type { Ctx } from './table-lookup.js';

/**
 * The endpoint to send DynamoDB requests to (endpoint discovery): this Nimbus's own address, so a
 * client with discovery enabled keeps talking to it. AWS caches the answer for 1440 minutes.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeEndpoints.html
 */
export function describeEndpoints(_input: DescribeEndpointsRequest, ctx: Ctx): DescribeEndpointsResponse {
  return { Endpoints: [{ Address: ctx.store.endpointAddress, CachePeriodInMinutes: 1440 }] };
}
