import { renderUser } from '../domain/render.js';
import type { GetUserRequest, GetUserResponse, User } from '../generated/types.js';
import { targetUser, type Ctx } from '../lookup.js';

/** When Nimbus says the account root was created (AWS answers the account's creation date). */
const ROOT_CREATED = new Date('2024-01-01T00:00:00Z');

/**
 * Without UserName: the caller. The account root gets AWS's root answer (its account id as
 * UserId, the root ARN, no name or path).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html
 */
export function getUser(input: GetUserRequest, ctx: Ctx): GetUserResponse {
  const user = targetUser(ctx, input.UserName);
  if (!user) return { User: { UserId: ctx.accountId, Arn: `arn:aws:iam::${ctx.accountId}:root`, CreateDate: ROOT_CREATED } as User };
  return { User: renderUser(user, { tags: ctx.store.tags.get(user.userId) }) };
}
