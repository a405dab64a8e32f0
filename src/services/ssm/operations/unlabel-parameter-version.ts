import { SsmErrors } from '../domain/errors.js';
import { parseReference } from '../domain/names.js';
import type { UnlabelParameterVersionRequest, UnlabelParameterVersionResult } from '../generated/types.js';
import { scopeOf, type Ctx } from '../lookup.js';

/**
 * Removes labels from a version; labels that are not on that version come back in InvalidLabels.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_UnlabelParameterVersion.html
 */
export async function unlabelParameterVersion(input: UnlabelParameterVersionRequest, ctx: Ctx): Promise<UnlabelParameterVersionResult> {
  const scope = scopeOf(ctx);
  const ref = parseReference(input.Name, scope, true);
  if (!ref || ref.selector) throw SsmErrors.parameterNotFound();
  return ctx.store.transaction(() => {
    const current = ctx.store.current(scope, ref.key);
    if (!current) throw SsmErrors.parameterNotFound();
    const version = input.ParameterVersion;
    if (version !== current.version && !ctx.store.atVersion(scope, ref.key, version)) throw SsmErrors.versionNotFound(current.name, version);
    const RemovedLabels: string[] = [];
    const InvalidLabels: string[] = [];
    for (const label of new Set(input.Labels)) {
      if (ctx.store.removeLabel(scope, ref.key, label, version)) RemovedLabels.push(label);
      else InvalidLabels.push(label);
    }
    return { RemovedLabels, InvalidLabels };
  });
}
