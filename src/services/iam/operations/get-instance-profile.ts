import { renderInstanceProfile } from '../domain/render.js';
import type { GetInstanceProfileRequest, GetInstanceProfileResponse } from '../generated/types.js';
import { requireInstanceProfile, type Ctx } from '../lookup.js';
import { profileRoles } from './list-instance-profiles.js';

export function getInstanceProfile(input: GetInstanceProfileRequest, ctx: Ctx): GetInstanceProfileResponse {
  const p = requireInstanceProfile(ctx, input.InstanceProfileName);
  return { InstanceProfile: renderInstanceProfile(p, profileRoles(ctx, p.profileId), ctx.store.tags.get(p.profileId)) };
}
