/**
 * What each IAM operation is authorized as: the action (iam:<Operation>), the resource ARNs and
 * the condition keys the request supplies, per the Service Authorization Reference for IAM.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 *
 * User and role ARNs carry the entity's path (looked up in the directory); operations whose
 * UserName may be left out act on the caller's own user and are authorized on its ARN.
 */
import type { AuthorizationScope, OperationAuthorization } from '../service.js';
import type { Operations } from './generated/operations.js';
import type { Tag } from './generated/types.js';
import type { IamStore } from './store.js';

type Table = { [K in keyof Operations]?: OperationAuthorization<Operations[K]['input'], IamStore> };
type Pairs = Iterable<readonly [string, readonly string[]]>;

const arn = (account: string, type: string, name: string) => `arn:aws:iam::${account}:${type}/${name}`;
/**
 * A user's ARN with its path, as AWS names it; with no UserName, the calling user (operations on
 * "your own" credentials), or `*` for callers that are not IAM users.
 */
function user(name: string | undefined, scope: AuthorizationScope, store: IamStore): string {
  if (name === undefined) return scope.caller.type === 'user' ? scope.caller.arn : '*';
  return store.directory.user(scope.accountId, name)?.arn ?? arn(scope.accountId, 'user', name);
}
const group = (name: string, account: string) => arn(account, 'group', name);
function role(name: string, scope: AuthorizationScope, store: IamStore): string {
  return store.directory.role(scope.accountId, name)?.arn ?? arn(scope.accountId, 'role', name);
}
const profile = (name: string, account: string) => arn(account, 'instance-profile', name);
/** List operations are authorized on the path they list (`arn:aws:iam::123456789012:user/`). */
const listed = (type: string, prefix: string | undefined, account: string) => `arn:aws:iam::${account}:${type}${prefix ?? '/'}`;
/** Virtual MFA devices are named by their serial number, which is their ARN. */
const mfa = (serial: string) => serial;
const self = (v: string) => v;

function tagKeys(keys: readonly string[]): Pairs {
  return [['aws:tagkeys', keys]];
}

function requestTags(tags: readonly Tag[] | undefined): Pairs {
  if (!tags?.length) return [];
  const out: [string, string[]][] = tags.map((t) => [`aws:requesttag/${t.Key.toLowerCase()}`, [t.Value]]);
  out.push(['aws:tagkeys', tags.map((t) => t.Key)]);
  return out;
}

const policyArnKey = (policyArn: string): Pairs => [['iam:policyarn', [policyArn]]];
const boundaryKey = (policyArn: string | undefined): Pairs => (policyArn === undefined ? [] : [['iam:permissionsboundary', [policyArn]]]);

export const authorization: Table = {
  // users
  CreateUser: { resources: (i, s, st) => user(i.UserName, s, st), conditions: (i) => [...requestTags(i.Tags), ...boundaryKey(i.PermissionsBoundary)] },
  GetUser: { resources: (i, s, st) => user(i.UserName, s, st) },
  ListUsers: { resources: (i, s) => listed('user', i.PathPrefix, s.accountId) },
  UpdateUser: { resources: (i, s, st) => user(i.UserName, s, st) },
  DeleteUser: { resources: (i, s, st) => user(i.UserName, s, st) },
  TagUser: { resources: (i, s, st) => user(i.UserName, s, st), conditions: (i) => requestTags(i.Tags) },
  UntagUser: { resources: (i, s, st) => user(i.UserName, s, st), conditions: (i) => tagKeys(i.TagKeys) },
  ListUserTags: { resources: (i, s, st) => user(i.UserName, s, st) },
  PutUserPermissionsBoundary: { resources: (i, s, st) => user(i.UserName, s, st), conditions: (i) => boundaryKey(i.PermissionsBoundary) },
  DeleteUserPermissionsBoundary: { resources: (i, s, st) => user(i.UserName, s, st) },
  // groups
  CreateGroup: { resources: (i, s) => group(i.GroupName, s.accountId) },
  GetGroup: { resources: (i, s) => group(i.GroupName, s.accountId) },
  ListGroups: { resources: (i, s) => listed('group', i.PathPrefix, s.accountId) },
  ListGroupsForUser: { resources: (i, s, st) => user(i.UserName, s, st) },
  UpdateGroup: { resources: (i, s) => group(i.GroupName, s.accountId) },
  DeleteGroup: { resources: (i, s) => group(i.GroupName, s.accountId) },
  AddUserToGroup: { resources: (i, s) => group(i.GroupName, s.accountId) },
  RemoveUserFromGroup: { resources: (i, s) => group(i.GroupName, s.accountId) },
  // roles
  CreateRole: { resources: (i, s, st) => role(i.RoleName, s, st), conditions: (i) => [...requestTags(i.Tags), ...boundaryKey(i.PermissionsBoundary)] },
  GetRole: { resources: (i, s, st) => role(i.RoleName, s, st) },
  ListRoles: { resources: (i, s) => listed('role', i.PathPrefix, s.accountId) },
  UpdateRole: { resources: (i, s, st) => role(i.RoleName, s, st) },
  UpdateRoleDescription: { resources: (i, s, st) => role(i.RoleName, s, st) },
  UpdateAssumeRolePolicy: { resources: (i, s, st) => role(i.RoleName, s, st) },
  DeleteRole: { resources: (i, s, st) => role(i.RoleName, s, st) },
  TagRole: { resources: (i, s, st) => role(i.RoleName, s, st), conditions: (i) => requestTags(i.Tags) },
  UntagRole: { resources: (i, s, st) => role(i.RoleName, s, st), conditions: (i) => tagKeys(i.TagKeys) },
  ListRoleTags: { resources: (i, s, st) => role(i.RoleName, s, st) },
  PutRolePermissionsBoundary: { resources: (i, s, st) => role(i.RoleName, s, st), conditions: (i) => boundaryKey(i.PermissionsBoundary) },
  DeleteRolePermissionsBoundary: { resources: (i, s, st) => role(i.RoleName, s, st) },
  CreateServiceLinkedRole: {
    resources: (i, s) => `arn:aws:iam::${s.accountId}:role/aws-service-role/${i.AWSServiceName}/*`,
    conditions: (i) => [['iam:awsservicename', [i.AWSServiceName]]],
  },
  DeleteServiceLinkedRole: { resources: (i, s, st) => role(i.RoleName, s, st) },
  GetServiceLinkedRoleDeletionStatus: {},
  // inline policies and attachments
  PutUserPolicy: { resources: (i, s, st) => user(i.UserName, s, st) },
  GetUserPolicy: { resources: (i, s, st) => user(i.UserName, s, st) },
  DeleteUserPolicy: { resources: (i, s, st) => user(i.UserName, s, st) },
  ListUserPolicies: { resources: (i, s, st) => user(i.UserName, s, st) },
  PutGroupPolicy: { resources: (i, s) => group(i.GroupName, s.accountId) },
  GetGroupPolicy: { resources: (i, s) => group(i.GroupName, s.accountId) },
  DeleteGroupPolicy: { resources: (i, s) => group(i.GroupName, s.accountId) },
  ListGroupPolicies: { resources: (i, s) => group(i.GroupName, s.accountId) },
  PutRolePolicy: { resources: (i, s, st) => role(i.RoleName, s, st) },
  GetRolePolicy: { resources: (i, s, st) => role(i.RoleName, s, st) },
  DeleteRolePolicy: { resources: (i, s, st) => role(i.RoleName, s, st) },
  ListRolePolicies: { resources: (i, s, st) => role(i.RoleName, s, st) },
  AttachUserPolicy: { resources: (i, s, st) => user(i.UserName, s, st), conditions: (i) => policyArnKey(i.PolicyArn) },
  DetachUserPolicy: { resources: (i, s, st) => user(i.UserName, s, st), conditions: (i) => policyArnKey(i.PolicyArn) },
  ListAttachedUserPolicies: { resources: (i, s, st) => user(i.UserName, s, st) },
  AttachGroupPolicy: { resources: (i, s) => group(i.GroupName, s.accountId), conditions: (i) => policyArnKey(i.PolicyArn) },
  DetachGroupPolicy: { resources: (i, s) => group(i.GroupName, s.accountId), conditions: (i) => policyArnKey(i.PolicyArn) },
  ListAttachedGroupPolicies: { resources: (i, s) => group(i.GroupName, s.accountId) },
  AttachRolePolicy: { resources: (i, s, st) => role(i.RoleName, s, st), conditions: (i) => policyArnKey(i.PolicyArn) },
  DetachRolePolicy: { resources: (i, s, st) => role(i.RoleName, s, st), conditions: (i) => policyArnKey(i.PolicyArn) },
  ListAttachedRolePolicies: { resources: (i, s, st) => role(i.RoleName, s, st) },
  // managed policies
  CreatePolicy: { resources: (i, s) => `arn:aws:iam::${s.accountId}:policy${i.Path ?? '/'}${i.PolicyName}`, conditions: (i) => requestTags(i.Tags) },
  GetPolicy: { resources: (i) => self(i.PolicyArn) },
  DeletePolicy: { resources: (i) => self(i.PolicyArn) },
  ListPolicies: {},
  CreatePolicyVersion: { resources: (i) => self(i.PolicyArn) },
  GetPolicyVersion: { resources: (i) => self(i.PolicyArn) },
  ListPolicyVersions: { resources: (i) => self(i.PolicyArn) },
  DeletePolicyVersion: { resources: (i) => self(i.PolicyArn) },
  SetDefaultPolicyVersion: { resources: (i) => self(i.PolicyArn) },
  TagPolicy: { resources: (i) => self(i.PolicyArn), conditions: (i) => requestTags(i.Tags) },
  UntagPolicy: { resources: (i) => self(i.PolicyArn), conditions: (i) => tagKeys(i.TagKeys) },
  ListPolicyTags: { resources: (i) => self(i.PolicyArn) },
  ListEntitiesForPolicy: { resources: (i) => self(i.PolicyArn) },
  // credentials
  CreateAccessKey: { resources: (i, s, st) => user(i.UserName, s, st) },
  ListAccessKeys: { resources: (i, s, st) => user(i.UserName, s, st) },
  UpdateAccessKey: { resources: (i, s, st) => user(i.UserName, s, st) },
  DeleteAccessKey: { resources: (i, s, st) => user(i.UserName, s, st) },
  GetAccessKeyLastUsed: { resources: (i, _s, st) => st.directory.resolveCredential(i.AccessKeyId)?.caller.arn ?? '*' },
  CreateLoginProfile: { resources: (i, s, st) => user(i.UserName, s, st) },
  GetLoginProfile: { resources: (i, s, st) => user(i.UserName, s, st) },
  UpdateLoginProfile: { resources: (i, s, st) => user(i.UserName, s, st) },
  DeleteLoginProfile: { resources: (i, s, st) => user(i.UserName, s, st) },
  UpdateAccountPasswordPolicy: {},
  GetAccountPasswordPolicy: {},
  DeleteAccountPasswordPolicy: {},
  // MFA
  CreateVirtualMFADevice: { resources: (i, s) => `arn:aws:iam::${s.accountId}:mfa${i.Path ?? '/'}${i.VirtualMFADeviceName}`, conditions: (i) => requestTags(i.Tags) },
  EnableMFADevice: { resources: (i, s, st) => user(i.UserName, s, st) },
  ResyncMFADevice: { resources: (i, s, st) => user(i.UserName, s, st) },
  DeactivateMFADevice: { resources: (i, s, st) => user(i.UserName, s, st) },
  DeleteVirtualMFADevice: { resources: (i) => mfa(i.SerialNumber) },
  GetMFADevice: { resources: (i, s, st) => user(i.UserName, s, st) },
  ListMFADevices: { resources: (i, s, st) => user(i.UserName, s, st) },
  ListVirtualMFADevices: {},
  TagMFADevice: { resources: (i) => mfa(i.SerialNumber), conditions: (i) => requestTags(i.Tags) },
  UntagMFADevice: { resources: (i) => mfa(i.SerialNumber), conditions: (i) => tagKeys(i.TagKeys) },
  ListMFADeviceTags: { resources: (i) => mfa(i.SerialNumber) },
  // instance profiles
  CreateInstanceProfile: { resources: (i, s) => profile(i.InstanceProfileName, s.accountId), conditions: (i) => requestTags(i.Tags) },
  GetInstanceProfile: { resources: (i, s) => profile(i.InstanceProfileName, s.accountId) },
  ListInstanceProfiles: { resources: (i, s) => listed('instance-profile', i.PathPrefix, s.accountId) },
  ListInstanceProfilesForRole: { resources: (i, s, st) => role(i.RoleName, s, st) },
  DeleteInstanceProfile: { resources: (i, s) => profile(i.InstanceProfileName, s.accountId) },
  AddRoleToInstanceProfile: { resources: (i, s) => profile(i.InstanceProfileName, s.accountId) },
  RemoveRoleFromInstanceProfile: { resources: (i, s) => profile(i.InstanceProfileName, s.accountId) },
  TagInstanceProfile: { resources: (i, s) => profile(i.InstanceProfileName, s.accountId), conditions: (i) => requestTags(i.Tags) },
  UntagInstanceProfile: { resources: (i, s) => profile(i.InstanceProfileName, s.accountId), conditions: (i) => tagKeys(i.TagKeys) },
  ListInstanceProfileTags: { resources: (i, s) => profile(i.InstanceProfileName, s.accountId) },
  // OIDC providers
  CreateOpenIDConnectProvider: {
    resources: (i, s) => `arn:aws:iam::${s.accountId}:oidc-provider/${i.Url.replace(/^https:\/\//i, '').replace(/\/+$/, '')}`,
    conditions: (i) => requestTags(i.Tags),
  },
  GetOpenIDConnectProvider: { resources: (i) => self(i.OpenIDConnectProviderArn) },
  DeleteOpenIDConnectProvider: { resources: (i) => self(i.OpenIDConnectProviderArn) },
  ListOpenIDConnectProviders: {},
  AddClientIDToOpenIDConnectProvider: { resources: (i) => self(i.OpenIDConnectProviderArn) },
  RemoveClientIDFromOpenIDConnectProvider: { resources: (i) => self(i.OpenIDConnectProviderArn) },
  UpdateOpenIDConnectProviderThumbprint: { resources: (i) => self(i.OpenIDConnectProviderArn) },
  TagOpenIDConnectProvider: { resources: (i) => self(i.OpenIDConnectProviderArn), conditions: (i) => requestTags(i.Tags) },
  UntagOpenIDConnectProvider: { resources: (i) => self(i.OpenIDConnectProviderArn), conditions: (i) => tagKeys(i.TagKeys) },
  ListOpenIDConnectProviderTags: { resources: (i) => self(i.OpenIDConnectProviderArn) },
  // account
  CreateAccountAlias: {},
  DeleteAccountAlias: {},
  ListAccountAliases: {},
  GetAccountSummary: {},
  GetAccountAuthorizationDetails: {},
  // simulator
  SimulatePrincipalPolicy: { resources: (i) => self(i.PolicySourceArn) },
  SimulateCustomPolicy: {},
  GetContextKeysForPrincipalPolicy: { resources: (i) => self(i.PolicySourceArn) },
  GetContextKeysForCustomPolicy: {},
};
