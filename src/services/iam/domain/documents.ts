/**
 * Policy documents: validated by the policy engine (src/iam) on the way in, stored as submitted,
 * and answered URL-encoded, as IAM answers every document it returns (GetUserPolicy,
 * GetPolicyVersion, GetRole's AssumeRolePolicyDocument, GetAccountAuthorizationDetails …):
 * "The policy document returned in this structure is URL-encoded compliant with RFC 3986."
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUserPolicy.html
 * botocore decodes them back to objects; the JavaScript SDK leaves the text encoded.
 */
import { MalformedPolicyError, parsePolicy, type Policy, type PolicyKind } from '../../../iam/index.js';
import { IamErrors } from './errors.js';

/** Quotas in non-whitespace characters ("IAM does not count white space"). */
export const MANAGED_POLICY_SIZE = 6144;
export const TRUST_POLICY_SIZE = 2048;
export const INLINE_POLICY_SIZE = { user: 2048, role: 10240, group: 5120 } as const;

/** Parses a document as IAM does, answering MalformedPolicyDocument with the engine's message. */
export function checkDocument(text: string, kind: PolicyKind, options?: { managed?: boolean }): Policy {
  try {
    return parsePolicy(text, kind, options);
  } catch (e) {
    if (e instanceof MalformedPolicyError) throw IamErrors.malformedPolicy(e.message);
    throw e;
  }
}

/** The size IAM counts against its quotas. */
export function policySize(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) n++;
  }
  return n;
}

export function checkManagedDocument(text: string): Policy {
  const policy = checkDocument(text, 'identity', { managed: true });
  if (policySize(text) > MANAGED_POLICY_SIZE) throw IamErrors.quota('PolicySize', MANAGED_POLICY_SIZE);
  return policy;
}

export function checkTrustDocument(text: string): Policy {
  const policy = checkDocument(text, 'trust');
  if (policySize(text) > TRUST_POLICY_SIZE) throw IamErrors.quota('ACLSizePerRole', TRUST_POLICY_SIZE);
  return policy;
}

/** RFC 3986 percent-encoding of a document, as IAM returns documents. */
export function encodeDocument(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
