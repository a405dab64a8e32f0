/**
 * Parameter tiers and value sizes.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html
 *
 * - Standard: values up to 4 KB, no policies. Advanced: up to 8 KB, policies allowed.
 * - A standard parameter can become advanced; an advanced one can never go back.
 * - Intelligent-Tiering picks Standard unless the request needs Advanced (a larger value or
 *   policies) or the parameter is already advanced.
 * - No tier in the request: the account's default tier (Standard; Nimbus has no
 *   UpdateServiceSetting yet) for a new parameter, the parameter's own tier for an update.
 * Sizes are counted in UTF-8 bytes (AWS states the limits in KB).
 */
import type { ParameterTier } from '../generated/types.js';
import { SsmErrors } from './errors.js';

export type StoredTier = Exclude<ParameterTier, 'Intelligent-Tiering'>;

export const STANDARD_MAX = 4096;
export const ADVANCED_MAX = 8192;

export function valueSize(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}

export function resolveTier(requested: ParameterTier | undefined, existing: StoredTier | undefined, size: number, hasPolicies: boolean): StoredTier {
  let tier: StoredTier;
  switch (requested) {
    case 'Advanced':
      tier = 'Advanced';
      break;
    case 'Standard':
      if (existing === 'Advanced') throw SsmErrors.tierDowngrade();
      tier = 'Standard';
      break;
    case 'Intelligent-Tiering':
      tier = existing === 'Advanced' || size > STANDARD_MAX || hasPolicies ? 'Advanced' : 'Standard';
      break;
    default:
      tier = existing ?? 'Standard';
  }
  if (tier === 'Standard' && hasPolicies) throw SsmErrors.policiesNeedAdvanced();
  if (tier === 'Standard' && size > STANDARD_MAX) throw SsmErrors.standardTooLarge();
  if (size > ADVANCED_MAX) throw SsmErrors.advancedTooLarge();
  return tier;
}
