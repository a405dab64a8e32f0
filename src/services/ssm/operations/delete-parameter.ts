import { SsmErrors } from '../domain/errors.js';
import { parseReference } from '../domain/names.js';
import type { DeleteParameterRequest, DeleteParameterResult } from '../generated/types.js';
import { scopeOf, type Ctx } from '../lookup.js';

/**
 * Deletes a parameter with all its versions, labels and tags. A later PutParameter of the same
 * name starts again at version 1.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DeleteParameter.html
 */
export async function deleteParameter(input: DeleteParameterRequest, ctx: Ctx): Promise<DeleteParameterResult> {
  const scope = scopeOf(ctx);
  const ref = parseReference(input.Name, scope, true);
  const deleted = ref !== undefined && !ref.selector && (await ctx.store.transaction(() => ctx.store.deleteParameter(scope, ref.key)));
  if (!deleted) throw SsmErrors.parameterNotFound();
  return {};
}
