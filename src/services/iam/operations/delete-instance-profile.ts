import type { EmptyOutput } from '../../../protocol/handler-types.js';
import { IamErrors } from '../domain/errors.js';
import type { DeleteInstanceProfileRequest } from '../generated/types.js';
import { requireInstanceProfile, type Ctx } from '../lookup.js';

export async function deleteInstanceProfile(input: DeleteInstanceProfileRequest, ctx: Ctx): Promise<EmptyOutput> {
  await ctx.store.transaction(() => {
    const p = requireInstanceProfile(ctx, input.InstanceProfileName);
    if (ctx.store.instanceProfiles.roleIds(p.profileId).length) throw IamErrors.mustDeleteFirst('remove roles from instance profile');
    ctx.store.tags.clear(p.profileId);
    ctx.store.instanceProfiles.delete(p.profileId);
  });
  return {};
}
