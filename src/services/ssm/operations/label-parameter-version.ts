import { SsmErrors } from '../domain/errors.js';
import { isValidLabel, MAX_LABELS_PER_VERSION } from '../domain/labels.js';
import type { LabelParameterVersionRequest, LabelParameterVersionResult } from '../generated/types.js';
import { labelTarget, type Ctx } from '../lookup.js';

/**
 * Attaches labels to a version (the latest when ParameterVersion is omitted), moving any that
 * are on another version. Labels that break the naming rules are not attached and come back in
 * InvalidLabels. https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_LabelParameterVersion.html
 */
export async function labelParameterVersion(input: LabelParameterVersionRequest, ctx: Ctx): Promise<LabelParameterVersionResult> {
  return ctx.store.transaction(() => {
    const { key, scope, version } = labelTarget(ctx, input.Name, input.ParameterVersion);
    const valid = [...new Set(input.Labels.filter(isValidLabel))];
    const onVersion = ctx.store.labels(scope, key).get(version) ?? [];
    const added = valid.filter((l) => !onVersion.includes(l));
    if (onVersion.length + added.length > MAX_LABELS_PER_VERSION) throw SsmErrors.labelLimit();
    for (const label of added) ctx.store.setLabel(scope, key, label, version);
    return { InvalidLabels: input.Labels.filter((l) => !isValidLabel(l)), ParameterVersion: version };
  });
}
