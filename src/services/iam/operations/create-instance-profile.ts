import { IamErrors } from '../domain/errors.js';
import { iamNow, uniqueId } from '../domain/ids.js';
import { renderInstanceProfile } from '../domain/render.js';
import { checkRequestTags } from '../domain/tags.js';
import type { CreateInstanceProfileRequest, CreateInstanceProfileResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import type { InstanceProfileRow } from '../store/records.js';

export async function createInstanceProfile(input: CreateInstanceProfileRequest, ctx: Ctx): Promise<CreateInstanceProfileResponse> {
  checkRequestTags(input.Tags);
  const profile: InstanceProfileRow = {
    accountId: ctx.accountId,
    profileId: uniqueId('AIPA'),
    name: input.InstanceProfileName,
    path: input.Path ?? '/',
    createDate: iamNow(ctx.now()),
  };
  await ctx.store.transaction(() => {
    if (ctx.store.instanceProfiles.get(ctx.accountId, input.InstanceProfileName)) throw IamErrors.instanceProfileExists(input.InstanceProfileName);
    ctx.store.instanceProfiles.insert(profile);
    if (input.Tags?.length) ctx.store.tags.set(profile.profileId, input.Tags);
  });
  return { InstanceProfile: renderInstanceProfile(profile, [], input.Tags) };
}
