import { parseReference } from '../domain/names.js';
import type { DeleteParametersRequest, DeleteParametersResult } from '../generated/types.js';
import { scopeOf, type Ctx } from '../lookup.js';

/**
 * Deletes up to 10 parameters in one transaction; names that match nothing come back in
 * InvalidParameters. https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_DeleteParameters.html
 */
export async function deleteParameters(input: DeleteParametersRequest, ctx: Ctx): Promise<DeleteParametersResult> {
  const scope = scopeOf(ctx);
  return ctx.store.transaction(() => {
    const DeletedParameters: string[] = [];
    const InvalidParameters: string[] = [];
    for (const raw of new Set(input.Names)) {
      const ref = parseReference(raw, scope, false);
      if (ref && !ref.selector && ctx.store.deleteParameter(scope, ref.key)) DeletedParameters.push(raw);
      else InvalidParameters.push(raw);
    }
    return { DeletedParameters, InvalidParameters };
  });
}
