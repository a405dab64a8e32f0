import { SsmErrors } from '../domain/errors.js';
import { isValidLabel, MAX_LABELS_PER_VERSION } from '../domain/labels.js';
import { parseReference } from '../domain/names.js';
import type { LabelParameterVersionRequest, LabelParameterVersionResult } from '../generated/types.js';
import { scopeOf, type Ctx } from '../lookup.js';

/**
 * Attaches labels to a version (the latest when ParameterVersion is omitted), moving any that
 * are on another version. Labels that break the naming rules are not attached and come back in
 * InvalidLabels. https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_LabelParameterVersion.html
 */
export async function labelParameterVersion(input: LabelParameterVersionRequest, ctx: Ctx): Promise<LabelParameterVersionResult> {
  const scope = scopeOf(ctx);
  const ref = parseReference(input.Name, scope, true);
  if (!ref || ref.selector) throw SsmErrors.parameterNotFound();
  return ctx.store.transaction(() => {
    const current = ctx.store.current(scope, ref.key);
    if (!current) throw SsmErrors.parameterNotFound();
    const version = input.ParameterVersion ?? current.version;
    if (version !== current.version && !ctx.store.atVersion(scope, ref.key, version)) throw SsmErrors.versionNotFound(current.name, version);
    const valid = [...new Set(input.Labels.filter(isValidLabel))];
    const onVersion = ctx.store.labels(scope, ref.key).get(version) ?? [];
    const added = valid.filter((l) => !onVersion.includes(l));
    if (onVersion.length + added.length > MAX_LABELS_PER_VERSION) throw SsmErrors.labelLimit();
    for (const label of added) ctx.store.setLabel(scope, ref.key, label, version);
    return { InvalidLabels: input.Labels.filter((l) => !isValidLabel(l)), ParameterVersion: version };
  });
}
