import { describeFilters } from '../domain/filters.js';
import { decodeToken, page, queryDigest } from '../domain/pagination.js';
import { toMetadata } from '../domain/render.js';
import type { DescribeParametersRequest, DescribeParametersResult } from '../generated/types.js';
import { scopeOf, type Ctx } from '../lookup.js';

/** AWS's page size when MaxResults is not given. */
const PAGE_SIZE = 10;

/**
 * Metadata (never values) of the parameters matching the filters, by name order. `Shared`
 * lists parameters other accounts share with this one: Nimbus has no sharing, so none.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DescribeParameters.html
 */
export function describeParameters(input: DescribeParametersRequest, ctx: Ctx): DescribeParametersResult {
  const filters = describeFilters(input);
  const limit = input.MaxResults ?? PAGE_SIZE;
  const digest = queryDigest(['DescribeParameters', filters, input.Shared === true]);
  const after = decodeToken<string>(input.NextToken, digest, 'string');
  if (input.Shared) return { Parameters: [] };
  const rows = ctx.store.list(scopeOf(ctx), { filters, after, limit: limit + 1 });
  const { items, NextToken } = page(rows, limit, (p) => p.key, digest);
  return { Parameters: items.map((p) => toMetadata(ctx, p)), NextToken };
}
