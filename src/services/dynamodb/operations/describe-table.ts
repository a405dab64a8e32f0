import type { DescribeTableInput, DescribeTableOutput } from '../generated/types.js';
import { describe, requireTable, type Ctx } from './table-lookup.js';

/**
 * A table's description, with ItemCount and TableSizeBytes exact at this moment (AWS refreshes
 * them about every six hours; Nimbus keeps them current with every write).
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html
 */
export function describeTable(input: DescribeTableInput, ctx: Ctx): DescribeTableOutput {
  return { Table: describe(ctx, requireTable(ctx, input.TableName)) };
}
