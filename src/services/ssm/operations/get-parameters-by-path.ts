import { byPathFilters } from '../domain/filters.js';
import { validatePath } from '../domain/names.js';
import { decodeToken, page, queryDigest } from '../domain/pagination.js';
import { toParameter } from '../domain/render.js';
import type { GetParametersByPathRequest, GetParametersByPathResult } from '../generated/types.js';
import { scopeOf, type Ctx } from '../lookup.js';
import type { StoreFilter } from '../store.js';

/** AWS's page size when MaxResults is not given (and its maximum). */
const PAGE_SIZE = 10;

/**
 * The parameters directly under a path, or anywhere beneath it with Recursive, by name order.
 * `/` lists the top-level parameters (with or without their leading slash).
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParametersByPath.html
 */
export function getParametersByPath(input: GetParametersByPathRequest, ctx: Ctx): GetParametersByPathResult {
  const prefix = validatePath(input.Path);
  const filters: StoreFilter[] = [{ field: 'path', recursive: input.Recursive === true, values: [prefix] }, ...byPathFilters(input.ParameterFilters)];
  const limit = input.MaxResults ?? PAGE_SIZE;
  const digest = queryDigest(['GetParametersByPath', filters]);
  const after = decodeToken<string>(input.NextToken, digest, 'string');
  const rows = ctx.store.list(scopeOf(ctx), { filters, after, limit: limit + 1 });
  const { items, NextToken } = page(rows, limit, (p) => p.key, digest);
  return { Parameters: items.map((p) => toParameter(ctx, p, input.WithDecryption)), NextToken };
}
