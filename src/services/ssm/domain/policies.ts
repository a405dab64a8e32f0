/**
 * Parameter policies (advanced parameters only): a JSON array of `{Type, Version, Attributes}`
 * with types Expiration, ExpirationNotification and NoChangeNotification, each at most once.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-policies.html
 * Nimbus stores and reports them (status Pending) but does not act on them: nothing expires.
 */
import type { ParameterInlinePolicy } from '../generated/types.js';
import { SsmErrors } from './errors.js';

const TYPES = new Set(['Expiration', 'ExpirationNotification', 'NoChangeNotification']);

/** Validates the request's Policies and returns them in stored form (JSON of the inline policies). */
export function parsePolicies(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw SsmErrors.invalidPolicyAttribute('the policies are not valid JSON');
  }
  if (!Array.isArray(parsed)) throw SsmErrors.invalidPolicyAttribute('the policies must be a JSON array');
  const seen = new Set<string>();
  const out: ParameterInlinePolicy[] = [];
  for (const p of parsed) {
    if (typeof p !== 'object' || p === null || Array.isArray(p)) throw SsmErrors.invalidPolicyAttribute('each policy must be a JSON object');
    const type = (p as Record<string, unknown>).Type;
    if (typeof type !== 'string' || !TYPES.has(type)) throw SsmErrors.invalidPolicyType(String(type));
    if (typeof (p as Record<string, unknown>).Attributes !== 'object') throw SsmErrors.invalidPolicyAttribute(`the ${type} policy has no Attributes`);
    if (seen.has(type)) throw SsmErrors.incompatiblePolicy();
    seen.add(type);
    out.push({ PolicyText: JSON.stringify(p), PolicyType: type, PolicyStatus: 'Pending' });
  }
  return JSON.stringify(out);
}

export function storedPolicies(stored: string | undefined): ParameterInlinePolicy[] {
  return stored ? (JSON.parse(stored) as ParameterInlinePolicy[]) : [];
}
