/** Roles as STS sees them: ARNs, session identities, and the session's principal tags. */
import type { IdentityDirectory, RoleRecord } from '../../../auth/identity.js';
import type { Caller, SessionFacts } from '../../../auth/principal.js';

/** `arn:aws:iam::123456789012:role/path/Name` → its account and name. */
export function parseRoleArn(arn: string): { accountId: string; name: string } | undefined {
  const m = /^arn:aws:iam::(\d{12}):role\/(?:[\u0021-\u007e]*\/)?([\w+=,.@-]{1,64})$/.exec(arn);
  return m ? { accountId: m[1]!, name: m[2]! } : undefined;
}

export function findRole(directory: IdentityDirectory, arn: string): RoleRecord | undefined {
  const parsed = parseRoleArn(arn);
  if (!parsed) return undefined;
  const role = directory.role(parsed.accountId, parsed.name);
  // The ARN must name the role exactly, path included.
  return role && role.arn === arn ? role : undefined;
}

/**
 * The caller a role session is: `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION` (no path),
 * user id `AROA…:SESSION`. Principal tags: the role's tags, overridden by session tags.
 */
export function roleSessionCaller(role: RoleRecord, sessionName: string, accessKeyId: string, sessionTags: Record<string, string>, session: SessionFacts): Caller {
  return {
    arn: `arn:aws:sts::${role.accountId}:assumed-role/${role.name}/${sessionName}`,
    accountId: role.accountId,
    type: 'assumed-role',
    userId: `${role.roleId}:${sessionName}`,
    roleArn: role.arn,
    tags: { ...role.tags, ...sessionTags },
    accessKeyId,
    policyHolder: { kind: 'role', name: role.name },
    session,
  };
}

/** Tags a chaining caller passes on (its transitive session tags), to be merged under new ones. */
export function inheritedTags(caller: Caller): { tags: Record<string, string>; transitive: string[] } {
  const keys = caller.session?.transitiveTagKeys ?? [];
  const tags: Record<string, string> = {};
  for (const k of keys) {
    for (const [tk, tv] of Object.entries(caller.tags)) if (tk.toLowerCase() === k.toLowerCase()) tags[tk] = tv;
  }
  return { tags, transitive: [...keys] };
}
