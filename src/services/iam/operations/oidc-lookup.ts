import { IamErrors } from '../domain/errors.js';
import type { Ctx } from '../lookup.js';
import type { OidcRow } from '../store/records.js';

export function requireOidcProvider(ctx: Ctx, arn: string): OidcRow {
  const p = ctx.store.oidc.get(arn);
  if (!p || p.accountId !== ctx.accountId) throw IamErrors.noSuchOidcProvider(arn);
  return p;
}
