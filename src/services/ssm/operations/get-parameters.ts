import { isServiceError } from '../../../shared/errors.js';
import { toParameter } from '../domain/render.js';
import type { GetParametersRequest, GetParametersResult, Parameter } from '../generated/types.js';
import { resolveReference, type Ctx } from '../lookup.js';

/**
 * Up to 10 parameters; names (with or without selectors) that match nothing are listed in
 * InvalidParameters instead of failing the call.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameters.html
 */
export function getParameters(input: GetParametersRequest, ctx: Ctx): GetParametersResult {
  const Parameters: Parameter[] = [];
  const InvalidParameters: string[] = [];
  for (const raw of new Set(input.Names)) {
    try {
      const { param, selector } = resolveReference(ctx, raw, false);
      Parameters.push(toParameter(ctx, param, input.WithDecryption, selector));
    } catch (e) {
      if (!isServiceError(e)) throw e;
      InvalidParameters.push(raw);
    }
  }
  return { Parameters, InvalidParameters };
}
