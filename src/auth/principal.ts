/**
 * Who a request comes from. The conventional keys existing tools use resolve to account roots:
 * a 12-digit access key is the root of that account (multi-account testing), any other key the
 * root of the default account. Keys and sessions issued through IAM/STS arrive with the identity
 * issue; they plug in at `resolveCaller`.
 */
export interface Caller {
  accountId: string;
  /** `arn:aws:iam::123456789012:root`, `…:user/alice`, `arn:aws:sts::…:assumed-role/r/s`. */
  arn: string;
  /** What GetCallerIdentity calls UserId: the account id for a root, `AIDA…` for users, `AROA…:session`. */
  userId: string;
  type: 'root' | 'user' | 'assumed-role' | 'federated-user' | 'anonymous';
  accessKeyId?: string;
}

export function rootCaller(accountId: string, accessKeyId?: string): Caller {
  return { accountId, arn: `arn:aws:iam::${accountId}:root`, userId: accountId, type: 'root', accessKeyId };
}

export function anonymousCaller(accountId: string): Caller {
  return { accountId, arn: '*', userId: 'anonymous', type: 'anonymous' };
}

/** Root callers by access key; they never change, so each request need not build one. */
const roots = new Map<string, Caller>();

export function resolveCaller(accessKeyId: string | undefined, defaultAccountId: string): Caller {
  if (accessKeyId === undefined) return anonymousCaller(defaultAccountId);
  const cacheKey = `${defaultAccountId}/${accessKeyId}`;
  let caller = roots.get(cacheKey);
  if (!caller) {
    caller = Object.freeze(rootCaller(/^\d{12}$/.test(accessKeyId) ? accessKeyId : defaultAccountId, accessKeyId));
    if (roots.size > 1000) roots.clear();
    roots.set(cacheKey, caller);
  }
  return caller;
}
