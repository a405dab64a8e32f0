import { toParameter } from '../domain/render.js';
import type { GetParameterRequest, GetParameterResult } from '../generated/types.js';
import { resolveReference, type Ctx } from '../lookup.js';

/**
 * One parameter by name or ARN, optionally at `:version` or `:label`.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html
 */
export function getParameter(input: GetParameterRequest, ctx: Ctx): GetParameterResult {
  const { param, selector } = resolveReference(ctx, input.Name, true);
  return { Parameter: toParameter(ctx, param, input.WithDecryption, selector) };
}
