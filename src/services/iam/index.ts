/**
 * AWS Identity and Access Management (query protocol). IAM is global: everything is keyed by
 * account, never by region. The store's IamDirectory is what the gateway and STS read identities,
 * keys and policies from. See README.md for what works and how it differs from AWS.
 */
import { defineService } from '../service.js';
import { authorization } from './authorization.js';
import type { Operations } from './generated/operations.js';
import { addClientIDToOpenIDConnectProvider } from './operations/add-client-id-to-open-id-connect-provider.js';
import { addRoleToInstanceProfile } from './operations/add-role-to-instance-profile.js';
import { addUserToGroup } from './operations/add-user-to-group.js';
import { attachGroupPolicy } from './operations/attach-group-policy.js';
import { attachRolePolicy } from './operations/attach-role-policy.js';
import { attachUserPolicy } from './operations/attach-user-policy.js';
import { createAccessKey } from './operations/create-access-key.js';
import { createAccountAlias } from './operations/create-account-alias.js';
import { createGroup } from './operations/create-group.js';
import { createInstanceProfile } from './operations/create-instance-profile.js';
import { createLoginProfile } from './operations/create-login-profile.js';
import { createOpenIDConnectProvider } from './operations/create-open-id-connect-provider.js';
import { createPolicyVersion } from './operations/create-policy-version.js';
import { createPolicy } from './operations/create-policy.js';
import { createRole } from './operations/create-role.js';
import { createServiceLinkedRole } from './operations/create-service-linked-role.js';
import { createUser } from './operations/create-user.js';
import { createVirtualMFADevice } from './operations/create-virtual-mfa-device.js';
import { deactivateMFADevice } from './operations/deactivate-mfa-device.js';
import { deleteAccessKey } from './operations/delete-access-key.js';
import { deleteAccountAlias } from './operations/delete-account-alias.js';
import { deleteAccountPasswordPolicy } from './operations/delete-account-password-policy.js';
import { deleteGroupPolicy } from './operations/delete-group-policy.js';
import { deleteGroup } from './operations/delete-group.js';
import { deleteInstanceProfile } from './operations/delete-instance-profile.js';
import { deleteLoginProfile } from './operations/delete-login-profile.js';
import { deleteOpenIDConnectProvider } from './operations/delete-open-id-connect-provider.js';
import { deletePolicyVersion } from './operations/delete-policy-version.js';
import { deletePolicy } from './operations/delete-policy.js';
import { deleteRolePermissionsBoundary } from './operations/delete-role-permissions-boundary.js';
import { deleteRolePolicy } from './operations/delete-role-policy.js';
import { deleteRole } from './operations/delete-role.js';
import { deleteServiceLinkedRole } from './operations/delete-service-linked-role.js';
import { deleteUserPermissionsBoundary } from './operations/delete-user-permissions-boundary.js';
import { deleteUserPolicy } from './operations/delete-user-policy.js';
import { deleteUser } from './operations/delete-user.js';
import { deleteVirtualMFADevice } from './operations/delete-virtual-mfa-device.js';
import { detachGroupPolicy } from './operations/detach-group-policy.js';
import { detachRolePolicy } from './operations/detach-role-policy.js';
import { detachUserPolicy } from './operations/detach-user-policy.js';
import { enableMFADevice } from './operations/enable-mfa-device.js';
import { getAccessKeyLastUsed } from './operations/get-access-key-last-used.js';
import { getAccountAuthorizationDetails } from './operations/get-account-authorization-details.js';
import { getAccountPasswordPolicy } from './operations/get-account-password-policy.js';
import { getAccountSummary } from './operations/get-account-summary.js';
import { getContextKeysForCustomPolicy } from './operations/get-context-keys-for-custom-policy.js';
import { getContextKeysForPrincipalPolicy } from './operations/get-context-keys-for-principal-policy.js';
import { getGroupPolicy } from './operations/get-group-policy.js';
import { getGroup } from './operations/get-group.js';
import { getInstanceProfile } from './operations/get-instance-profile.js';
import { getLoginProfile } from './operations/get-login-profile.js';
import { getMFADevice } from './operations/get-mfa-device.js';
import { getOpenIDConnectProvider } from './operations/get-open-id-connect-provider.js';
import { getPolicyVersion } from './operations/get-policy-version.js';
import { getPolicy } from './operations/get-policy.js';
import { getRolePolicy } from './operations/get-role-policy.js';
import { getRole } from './operations/get-role.js';
import { getServiceLinkedRoleDeletionStatus } from './operations/get-service-linked-role-deletion-status.js';
import { getUserPolicy } from './operations/get-user-policy.js';
import { getUser } from './operations/get-user.js';
import { listAccessKeys } from './operations/list-access-keys.js';
import { listAccountAliases } from './operations/list-account-aliases.js';
import { listAttachedGroupPolicies } from './operations/list-attached-group-policies.js';
import { listAttachedRolePolicies } from './operations/list-attached-role-policies.js';
import { listAttachedUserPolicies } from './operations/list-attached-user-policies.js';
import { listEntitiesForPolicy } from './operations/list-entities-for-policy.js';
import { listGroupPolicies } from './operations/list-group-policies.js';
import { listGroupsForUser } from './operations/list-groups-for-user.js';
import { listGroups } from './operations/list-groups.js';
import { listInstanceProfileTags } from './operations/list-instance-profile-tags.js';
import { listInstanceProfilesForRole } from './operations/list-instance-profiles-for-role.js';
import { listInstanceProfiles } from './operations/list-instance-profiles.js';
import { listMFADeviceTags } from './operations/list-mfa-device-tags.js';
import { listMFADevices } from './operations/list-mfa-devices.js';
import { listOpenIDConnectProviderTags } from './operations/list-open-id-connect-provider-tags.js';
import { listOpenIDConnectProviders } from './operations/list-open-id-connect-providers.js';
import { listPolicies } from './operations/list-policies.js';
import { listPolicyTags } from './operations/list-policy-tags.js';
import { listPolicyVersions } from './operations/list-policy-versions.js';
import { listRolePolicies } from './operations/list-role-policies.js';
import { listRoleTags } from './operations/list-role-tags.js';
import { listRoles } from './operations/list-roles.js';
import { listUserPolicies } from './operations/list-user-policies.js';
import { listUserTags } from './operations/list-user-tags.js';
import { listUsers } from './operations/list-users.js';
import { listVirtualMFADevices } from './operations/list-virtual-mfa-devices.js';
import { putGroupPolicy } from './operations/put-group-policy.js';
import { putRolePermissionsBoundary } from './operations/put-role-permissions-boundary.js';
import { putRolePolicy } from './operations/put-role-policy.js';
import { putUserPermissionsBoundary } from './operations/put-user-permissions-boundary.js';
import { putUserPolicy } from './operations/put-user-policy.js';
import { removeClientIDFromOpenIDConnectProvider } from './operations/remove-client-id-from-open-id-connect-provider.js';
import { removeRoleFromInstanceProfile } from './operations/remove-role-from-instance-profile.js';
import { removeUserFromGroup } from './operations/remove-user-from-group.js';
import { resyncMFADevice } from './operations/resync-mfa-device.js';
import { setDefaultPolicyVersion } from './operations/set-default-policy-version.js';
import { simulateCustomPolicy } from './operations/simulate-custom-policy.js';
import { simulatePrincipalPolicy } from './operations/simulate-principal-policy.js';
import { tagInstanceProfile } from './operations/tag-instance-profile.js';
import { tagMFADevice } from './operations/tag-mfa-device.js';
import { tagOpenIDConnectProvider } from './operations/tag-open-id-connect-provider.js';
import { tagPolicy } from './operations/tag-policy.js';
import { tagRole } from './operations/tag-role.js';
import { tagUser } from './operations/tag-user.js';
import { untagInstanceProfile } from './operations/untag-instance-profile.js';
import { untagMFADevice } from './operations/untag-mfa-device.js';
import { untagOpenIDConnectProvider } from './operations/untag-open-id-connect-provider.js';
import { untagPolicy } from './operations/untag-policy.js';
import { untagRole } from './operations/untag-role.js';
import { untagUser } from './operations/untag-user.js';
import { updateAccessKey } from './operations/update-access-key.js';
import { updateAccountPasswordPolicy } from './operations/update-account-password-policy.js';
import { updateAssumeRolePolicy } from './operations/update-assume-role-policy.js';
import { updateGroup } from './operations/update-group.js';
import { updateLoginProfile } from './operations/update-login-profile.js';
import { updateOpenIDConnectProviderThumbprint } from './operations/update-open-id-connect-provider-thumbprint.js';
import { updateRoleDescription } from './operations/update-role-description.js';
import { updateRole } from './operations/update-role.js';
import { updateUser } from './operations/update-user.js';
import { createStore, migrations, type IamStore } from './store.js';

export const iam = defineService<Operations, IamStore>({
  model: 'iam',
  iamPrefix: 'iam',
  migrations,
  createStore,
  identity: { directory: (store) => store.directory },
  stop: (store) => store.directory.usage.flush(),
  authorization,
  handlers: {
    AddClientIDToOpenIDConnectProvider: addClientIDToOpenIDConnectProvider,
    AddRoleToInstanceProfile: addRoleToInstanceProfile,
    AddUserToGroup: addUserToGroup,
    AttachGroupPolicy: attachGroupPolicy,
    AttachRolePolicy: attachRolePolicy,
    AttachUserPolicy: attachUserPolicy,
    CreateAccessKey: createAccessKey,
    CreateAccountAlias: createAccountAlias,
    CreateGroup: createGroup,
    CreateInstanceProfile: createInstanceProfile,
    CreateLoginProfile: createLoginProfile,
    CreateOpenIDConnectProvider: createOpenIDConnectProvider,
    CreatePolicyVersion: createPolicyVersion,
    CreatePolicy: createPolicy,
    CreateRole: createRole,
    CreateServiceLinkedRole: createServiceLinkedRole,
    CreateUser: createUser,
    CreateVirtualMFADevice: createVirtualMFADevice,
    DeactivateMFADevice: deactivateMFADevice,
    DeleteAccessKey: deleteAccessKey,
    DeleteAccountAlias: deleteAccountAlias,
    DeleteAccountPasswordPolicy: deleteAccountPasswordPolicy,
    DeleteGroupPolicy: deleteGroupPolicy,
    DeleteGroup: deleteGroup,
    DeleteInstanceProfile: deleteInstanceProfile,
    DeleteLoginProfile: deleteLoginProfile,
    DeleteOpenIDConnectProvider: deleteOpenIDConnectProvider,
    DeletePolicyVersion: deletePolicyVersion,
    DeletePolicy: deletePolicy,
    DeleteRolePermissionsBoundary: deleteRolePermissionsBoundary,
    DeleteRolePolicy: deleteRolePolicy,
    DeleteRole: deleteRole,
    DeleteServiceLinkedRole: deleteServiceLinkedRole,
    DeleteUserPermissionsBoundary: deleteUserPermissionsBoundary,
    DeleteUserPolicy: deleteUserPolicy,
    DeleteUser: deleteUser,
    DeleteVirtualMFADevice: deleteVirtualMFADevice,
    DetachGroupPolicy: detachGroupPolicy,
    DetachRolePolicy: detachRolePolicy,
    DetachUserPolicy: detachUserPolicy,
    EnableMFADevice: enableMFADevice,
    GetAccessKeyLastUsed: getAccessKeyLastUsed,
    GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
    GetAccountPasswordPolicy: getAccountPasswordPolicy,
    GetAccountSummary: getAccountSummary,
    GetContextKeysForCustomPolicy: getContextKeysForCustomPolicy,
    GetContextKeysForPrincipalPolicy: getContextKeysForPrincipalPolicy,
    GetGroupPolicy: getGroupPolicy,
    GetGroup: getGroup,
    GetInstanceProfile: getInstanceProfile,
    GetLoginProfile: getLoginProfile,
    GetMFADevice: getMFADevice,
    GetOpenIDConnectProvider: getOpenIDConnectProvider,
    GetPolicyVersion: getPolicyVersion,
    GetPolicy: getPolicy,
    GetRolePolicy: getRolePolicy,
    GetRole: getRole,
    GetServiceLinkedRoleDeletionStatus: getServiceLinkedRoleDeletionStatus,
    GetUserPolicy: getUserPolicy,
    GetUser: getUser,
    ListAccessKeys: listAccessKeys,
    ListAccountAliases: listAccountAliases,
    ListAttachedGroupPolicies: listAttachedGroupPolicies,
    ListAttachedRolePolicies: listAttachedRolePolicies,
    ListAttachedUserPolicies: listAttachedUserPolicies,
    ListEntitiesForPolicy: listEntitiesForPolicy,
    ListGroupPolicies: listGroupPolicies,
    ListGroupsForUser: listGroupsForUser,
    ListGroups: listGroups,
    ListInstanceProfileTags: listInstanceProfileTags,
    ListInstanceProfilesForRole: listInstanceProfilesForRole,
    ListInstanceProfiles: listInstanceProfiles,
    ListMFADeviceTags: listMFADeviceTags,
    ListMFADevices: listMFADevices,
    ListOpenIDConnectProviderTags: listOpenIDConnectProviderTags,
    ListOpenIDConnectProviders: listOpenIDConnectProviders,
    ListPolicies: listPolicies,
    ListPolicyTags: listPolicyTags,
    ListPolicyVersions: listPolicyVersions,
    ListRolePolicies: listRolePolicies,
    ListRoleTags: listRoleTags,
    ListRoles: listRoles,
    ListUserPolicies: listUserPolicies,
    ListUserTags: listUserTags,
    ListUsers: listUsers,
    ListVirtualMFADevices: listVirtualMFADevices,
    PutGroupPolicy: putGroupPolicy,
    PutRolePermissionsBoundary: putRolePermissionsBoundary,
    PutRolePolicy: putRolePolicy,
    PutUserPermissionsBoundary: putUserPermissionsBoundary,
    PutUserPolicy: putUserPolicy,
    RemoveClientIDFromOpenIDConnectProvider: removeClientIDFromOpenIDConnectProvider,
    RemoveRoleFromInstanceProfile: removeRoleFromInstanceProfile,
    RemoveUserFromGroup: removeUserFromGroup,
    ResyncMFADevice: resyncMFADevice,
    SetDefaultPolicyVersion: setDefaultPolicyVersion,
    SimulateCustomPolicy: simulateCustomPolicy,
    SimulatePrincipalPolicy: simulatePrincipalPolicy,
    TagInstanceProfile: tagInstanceProfile,
    TagMFADevice: tagMFADevice,
    TagOpenIDConnectProvider: tagOpenIDConnectProvider,
    TagPolicy: tagPolicy,
    TagRole: tagRole,
    TagUser: tagUser,
    UntagInstanceProfile: untagInstanceProfile,
    UntagMFADevice: untagMFADevice,
    UntagOpenIDConnectProvider: untagOpenIDConnectProvider,
    UntagPolicy: untagPolicy,
    UntagRole: untagRole,
    UntagUser: untagUser,
    UpdateAccessKey: updateAccessKey,
    UpdateAccountPasswordPolicy: updateAccountPasswordPolicy,
    UpdateAssumeRolePolicy: updateAssumeRolePolicy,
    UpdateGroup: updateGroup,
    UpdateLoginProfile: updateLoginProfile,
    UpdateOpenIDConnectProviderThumbprint: updateOpenIDConnectProviderThumbprint,
    UpdateRoleDescription: updateRoleDescription,
    UpdateRole: updateRole,
    UpdateUser: updateUser,
  },
});
