import type { DescribeTimeToLiveInput, DescribeTimeToLiveOutput } from '../generated/types.js';
import { requireTable, type Ctx } from './table-lookup.js';

/**
 * TTL status: ENABLED with its attribute, or DISABLED. Changes take effect at once in Nimbus, so
 * the transitional ENABLING/DISABLING states AWS reports for up to an hour are never shown.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTimeToLive.html
 */
export function describeTimeToLive(input: DescribeTimeToLiveInput, ctx: Ctx): DescribeTimeToLiveOutput {
  const ttl = requireTable(ctx, input.TableName).ttl;
  if (!ttl?.enabled) return { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } };
  return { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: ttl.attributeName } };
}
