import type { UnlabelParameterVersionRequest, UnlabelParameterVersionResult } from '../generated/types.js';
import { labelTarget, type Ctx } from '../lookup.js';

/**
 * Removes labels from a version; labels that are not on that version come back in InvalidLabels.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UnlabelParameterVersion.html
 */
export async function unlabelParameterVersion(input: UnlabelParameterVersionRequest, ctx: Ctx): Promise<UnlabelParameterVersionResult> {
  return ctx.store.transaction(() => {
    const { key, scope, version } = labelTarget(ctx, input.Name, input.ParameterVersion);
    const RemovedLabels: string[] = [];
    const InvalidLabels: string[] = [];
    for (const label of new Set(input.Labels)) {
      if (ctx.store.removeLabel(scope, key, label, version)) RemovedLabels.push(label);
      else InvalidLabels.push(label);
    }
    return { RemovedLabels, InvalidLabels };
  });
}
