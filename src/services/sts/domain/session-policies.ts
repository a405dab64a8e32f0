/**
 * Session policies (an inline `Policy` and up to 10 managed `PolicyArns`) and session tags, as
 * AssumeRole* and GetFederationToken take them, and the PackedPolicySize STS reports.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
import { deflateRawSync } from 'node:zlib';
import type { IdentityDirectory } from '../../../auth/identity.js';
import { MalformedPolicyError, parsePolicy, type AttachedPolicy } from '../../../iam/index.js';
import { MalformedPolicyDocumentException, PackedPolicyTooLargeException } from '../generated/errors.js';
import type { PolicyDescriptorType, Tag } from '../generated/types.js';
import { invalidParameterValue } from './errors.js';

export interface SessionGrant {
  /** Undefined when the request passed no session policy (the session is not narrowed). */
  readonly policies: AttachedPolicy[] | undefined;
  /** Percentage of AWS's packed allowance the policies and tags use; undefined when none given. */
  readonly packedPolicySize: number | undefined;
}

export function sessionPolicies(directory: IdentityDirectory, policy: string | undefined, policyArns: readonly PolicyDescriptorType[] | undefined, tags: readonly Tag[] | undefined): SessionGrant {
  const policies: AttachedPolicy[] = [];
  if (policy !== undefined) {
    try {
      policies.push({ policy: parsePolicy(policy, 'session'), source: { type: 'session', name: 'session policy' } });
    } catch (e) {
      if (e instanceof MalformedPolicyError) throw new MalformedPolicyDocumentException(e.message);
      throw e;
    }
  }
  for (const { arn } of policyArns ?? []) {
    const managed = arn === undefined ? undefined : directory.managedPolicy(arn);
    if (!managed) throw new MalformedPolicyDocumentException(`Policy ${arn ?? ''} does not exist or is not attachable.`);
    policies.push({ policy: managed.policy, source: { type: 'session', name: arn!, arn } });
  }
  const given = policy !== undefined || (policyArns?.length ?? 0) > 0;
  const packed = given || tags?.length ? packedSize(policy, policyArns, tags) : undefined;
  return { policies: given ? policies : undefined, packedPolicySize: packed };
}

/**
 * AWS packs session policies and tags into a compressed binary form whose size it reports as a
 * percentage of the allowance; the format is not published. Nimbus compresses the same content
 * and reports its share of 2,048 bytes, which grows and overflows the way AWS's does.
 */
function packedSize(policy: string | undefined, policyArns: readonly PolicyDescriptorType[] | undefined, tags: readonly Tag[] | undefined): number {
  const minified = policy === undefined ? '' : JSON.stringify(JSON.parse(policy));
  const text = [minified, ...(policyArns ?? []).map((p) => p.arn ?? ''), ...(tags ?? []).map((t) => `${t.Key}=${t.Value}`)].join('\n');
  const percent = Math.ceil((deflateRawSync(text).length / 2048) * 100);
  if (percent > 100) throw new PackedPolicyTooLargeException(`Packed policy consumes ${percent}% of allotted space, please use smaller policy.`);
  return percent;
}

/** Session tags: keys unique ignoring case; transitive keys must be among them. Returns key → value. */
export function sessionTags(tags: readonly Tag[] | undefined, transitive: readonly string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const t of tags ?? []) {
    const lower = t.Key.toLowerCase();
    if (seen.has(lower)) throw invalidParameterValue('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(lower);
    out[t.Key] = t.Value;
  }
  for (const k of transitive ?? []) {
    if (!seen.has(k.toLowerCase())) throw invalidParameterValue('The specified transitive tag key must be included in the requested tags.');
  }
  return out;
}
