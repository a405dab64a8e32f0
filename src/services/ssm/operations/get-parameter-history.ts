import { SsmErrors } from '../domain/errors.js';
import { parseReference } from '../domain/names.js';
import { decodeToken, page, queryDigest } from '../domain/pagination.js';
import { toHistory } from '../domain/render.js';
import type { GetParameterHistoryRequest, GetParameterHistoryResult } from '../generated/types.js';
import { scopeOf, type Ctx } from '../lookup.js';

const PAGE_SIZE = 50;

/**
 * Every kept version of a parameter (up to 100), oldest first, each with its labels.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameterHistory.html
 */
export function getParameterHistory(input: GetParameterHistoryRequest, ctx: Ctx): GetParameterHistoryResult {
  const scope = scopeOf(ctx);
  const ref = parseReference(input.Name, scope, true);
  if (!ref || ref.selector || !ctx.store.current(scope, ref.key)) throw SsmErrors.parameterNotFound();
  const limit = input.MaxResults ?? PAGE_SIZE;
  const digest = queryDigest(['GetParameterHistory', ref.key]);
  const after = decodeToken<number>(input.NextToken, digest, 'number') ?? 0;
  const { items, NextToken } = page(ctx.store.history(scope, ref.key, after, limit + 1), limit, (p) => p.version, digest);
  const labels = ctx.store.labels(scope, ref.key);
  return { Parameters: items.map((p) => toHistory(ctx, p, labels.get(p.version) ?? [], input.WithDecryption)), NextToken };
}
