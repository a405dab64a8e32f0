import type { EmptyInput } from '../../../protocol/handler-types.js';
import { INLINE_POLICY_SIZE, MANAGED_POLICY_SIZE, TRUST_POLICY_SIZE } from '../domain/documents.js';
import type { GetAccountSummaryResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import { ATTACHED_POLICIES_QUOTA } from '../principal-policies.js';
import { GROUPS_PER_USER } from './add-user-to-group.js';
import { ACCESS_KEYS_PER_USER } from './create-access-key.js';
import { MAX_POLICY_VERSIONS } from './create-policy-version.js';

/**
 * Usage and quotas of the account (AWS's default quotas).
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountSummary.html
 */
export function getAccountSummary(_input: EmptyInput, ctx: Ctx): GetAccountSummaryResponse {
  const s = ctx.store;
  const a = ctx.accountId;
  const mfa = s.mfa.list(a);
  return {
    SummaryMap: {
      AccessKeysPerUserQuota: ACCESS_KEYS_PER_USER,
      AccountAccessKeysPresent: 0,
      AccountMFAEnabled: 0,
      AccountSigningCertificatesPresent: 0,
      AssumeRolePolicySizeQuota: TRUST_POLICY_SIZE,
      AttachedPoliciesPerGroupQuota: ATTACHED_POLICIES_QUOTA.group[1],
      AttachedPoliciesPerRoleQuota: ATTACHED_POLICIES_QUOTA.role[1],
      AttachedPoliciesPerUserQuota: ATTACHED_POLICIES_QUOTA.user[1],
      GlobalEndpointTokenVersion: 1,
      GroupPolicySizeQuota: INLINE_POLICY_SIZE.group,
      Groups: s.groups.count(a),
      GroupsPerUserQuota: GROUPS_PER_USER,
      GroupsQuota: 300,
      InstanceProfiles: s.instanceProfiles.count(a),
      InstanceProfilesQuota: 1000,
      MFADevices: mfa.length,
      MFADevicesInUse: mfa.filter((d) => d.userId !== undefined).length,
      Policies: s.policies.count(a),
      PoliciesQuota: 1500,
      PolicySizeQuota: MANAGED_POLICY_SIZE,
      PolicyVersionsInUse: s.policies.versionCount(a),
      PolicyVersionsInUseQuota: 10000,
      Providers: s.oidc.list(a).length,
      RolePolicySizeQuota: INLINE_POLICY_SIZE.role,
      Roles: s.roles.count(a),
      RolesQuota: 1000,
      ServerCertificates: 0,
      ServerCertificatesQuota: 20,
      SigningCertificatesPerUserQuota: 2,
      UserPolicySizeQuota: INLINE_POLICY_SIZE.user,
      Users: s.users.count(a),
      UsersQuota: 5000,
      VersionsPerPolicyQuota: MAX_POLICY_VERSIONS,
    },
  };
}
