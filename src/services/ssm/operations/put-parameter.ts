import { nameKey, parentPath, validateNewName } from '../domain/names.js';
import { planPut } from '../domain/put.js';
import type { PutParameterRequest, PutParameterResult } from '../generated/types.js';
import { scopeOf, type Ctx } from '../lookup.js';

/**
 * Creates a parameter or, with Overwrite, a new version of it. The checks and the write run in
 * one transaction, so concurrent puts get consecutive versions.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html
 */
export async function putParameter(input: PutParameterRequest, ctx: Ctx): Promise<PutParameterResult> {
  const name = validateNewName(input.Name);
  const key = nameKey(name);
  const scope = scopeOf(ctx);
  const now = ctx.now();
  return ctx.store.transaction(() => {
    const head = ctx.store.head(scope, key);
    const plan = planPut(input, head, now, ctx.caller.arn);
    if (!plan.store) {
      // AWS validates aws:ec2:image asynchronously: the call succeeds, the version never appears.
      ctx.log.warn(`ssm: ${name}: ${input.Value} is not an AMI id; like AWS, the aws:ec2:image version is not stored`);
      return { Version: plan.record.version, Tier: plan.record.tier };
    }
    if (plan.dropVersion !== undefined) ctx.store.deleteVersion(scope, key, plan.dropVersion);
    ctx.store.putVersion(scope, key, head?.current.name ?? name, parentPath(key), plan.record);
    if (!head) for (const t of input.Tags ?? []) ctx.store.putTag(scope, key, t.Key, t.Value);
    return { Version: plan.record.version, Tier: plan.record.tier };
  });
}
