/**
 * Principal / NotPrincipal in resource-based policies and trust policies, and how strongly a
 * statement names the caller — which decides whether a resource-policy Allow is enough alone:
 *
 * - Direct: the IAM user's ARN, the role session's ARN, the federated-user session's ARN, `"*"`,
 *   a service, a federated provider. Within one account this grants on its own; implicit denies
 *   in identity policies, boundaries and session policies do not limit it.
 * - Role: the ARN of the role a session belongs to (or of the IAM user that federated): limited by
 *   an implicit deny in a permissions boundary or session policy, not by identity policies.
 * - Account: the account (`123456789012` or `arn:aws:iam::123456789012:root`). This delegates to
 *   the account: its identity-based policies must allow too.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html#policy-eval-denyallow
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
 *
 * NotPrincipal applies to a caller unless every identity IAM checks for it is listed: the account,
 * then (for a role session) the role, then the session or user. That is why AWS asks for the
 * account ARN to be listed with the user.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
 */
import type { PrincipalInfo } from '../types.js';

export const enum Grant {
  None = 0,
  Account = 1,
  Role = 2,
  Direct = 3,
}

const ACCOUNT_ARN = /^arn:[a-z-]+:iam::(\d{12}):root$/;

export class PrincipalSpec {
  private any: boolean;
  private readonly arns = new Set<string>();
  private readonly accounts = new Set<string>();
  private readonly uniqueIds = new Set<string>();
  private readonly services = new Set<string>();
  private readonly federated = new Set<string>();
  private readonly canonical = new Set<string>();

  /** `raw` is a validated Principal value: `"*"` or an object of string / string-array members. */
  constructor(raw: unknown) {
    this.any = raw === '*';
    if (this.any || typeof raw !== 'object' || raw === null) return;
    for (const [type, value] of Object.entries(raw as Record<string, unknown>)) {
      const list = Array.isArray(value) ? (value as string[]) : [value as string];
      for (const v of list) {
        if (type === 'AWS') this.addAws(v);
        else if (type === 'Service') this.services.add(v.toLowerCase());
        else if (type === 'Federated') this.federated.add(v);
        else if (type === 'CanonicalUser') this.canonical.add(v);
      }
    }
  }

  private addAws(v: string): void {
    if (v === '*') {
      this.any = true;
      return;
    }
    if (/^\d{12}$/.test(v)) this.accounts.add(v);
    else if (ACCOUNT_ARN.test(v)) this.accounts.add(v.slice(-17, -5));
    else if (v.startsWith('arn:')) this.arns.add(v);
    else this.uniqueIds.add(v);
  }

  /** How strongly this Principal names the caller (Grant.None: not at all). */
  grant(p: PrincipalInfo): Grant {
    if (this.any) return Grant.Direct;
    switch (p.type) {
      case 'anonymous':
        return Grant.None;
      case 'service':
        return p.service !== undefined && this.services.has(p.service) ? Grant.Direct : Grant.None;
      default:
        break;
    }
    if (p.federatedProvider !== undefined && this.federated.has(p.federatedProvider)) return Grant.Direct;
    if (this.arns.has(p.arn)) return p.type === 'root' ? Grant.Account : Grant.Direct;
    if (this.uniqueIds.size > 0 && this.uniqueIds.has(p.userId)) return Grant.Direct;
    if (p.roleArn !== undefined && this.arns.has(p.roleArn)) return Grant.Role;
    if (this.uniqueIds.size > 0 && p.type === 'assumed-role' && this.uniqueIds.has(p.userId.split(':')[0] ?? '')) return Grant.Role;
    if (p.sourceUserArn !== undefined && this.arns.has(p.sourceUserArn)) return Grant.Role;
    if (this.accounts.has(p.accountId)) return Grant.Account;
    if (p.canonicalUserId !== undefined && this.canonical.has(p.canonicalUserId)) return Grant.Account;
    return Grant.None;
  }

  /** For NotPrincipal: true when every identity of the caller is listed (the statement then does not apply). */
  excludes(p: PrincipalInfo): boolean {
    if (this.any) return true;
    switch (p.type) {
      case 'anonymous':
        return false;
      case 'service':
        return p.service !== undefined && this.services.has(p.service);
      case 'root':
        return this.accounts.has(p.accountId);
      case 'assumed-role':
        return this.accounts.has(p.accountId) && (p.roleArn === undefined || this.arns.has(p.roleArn)) && (this.arns.has(p.arn) || this.uniqueIds.has(p.userId));
      default:
        return this.accounts.has(p.accountId) && (this.arns.has(p.arn) || this.uniqueIds.has(p.userId));
    }
  }
}
