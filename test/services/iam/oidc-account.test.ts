import {
  AddClientIDToOpenIDConnectProviderCommand,
  AttachUserPolicyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccountAliasCommand,
  DeleteOpenIDConnectProviderCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountSummaryCommand,
  GetOpenIDConnectProviderCommand,
  IAMClient,
  ListAccountAliasesCommand,
  ListOpenIDConnectProviderTagsCommand,
  ListOpenIDConnectProvidersCommand,
  ListUsersCommand,
  PutRolePolicyCommand,
  RemoveClientIDFromOpenIDConnectProviderCommand,
  TagOpenIDConnectProviderCommand,
  UpdateOpenIDConnectProviderThumbprintCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { ACCOUNT, allowPolicy, expectError, iamClient, trustPolicy } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const THUMB = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';

describe('IAM OpenID Connect providers', () => {
  it('creates, reads, updates and deletes providers', async () => {
    const iam = iamClient(nimbus);
    const { OpenIDConnectProviderArn: arn } = await iam.send(
      new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.githubusercontent.com', ClientIDList: ['sts.amazonaws.com'], ThumbprintList: [THUMB], Tags: [{ Key: 'a', Value: 'b' }] }),
    );
    expect(arn).toBe(`arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`);
    await expectError(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.githubusercontent.com', ThumbprintList: [THUMB] })), 'EntityAlreadyExistsException');
    await expectError(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'http://insecure.example.com', ThumbprintList: [THUMB] })), 'InvalidInputException');
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    expect(got).toMatchObject({ Url: 'token.actions.githubusercontent.com', ClientIDList: ['sts.amazonaws.com'], ThumbprintList: [THUMB], Tags: [{ Key: 'a', Value: 'b' }] });
    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'my-app' }));
    await iam.send(new AddClientIDToOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'my-app' }));
    await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'sts.amazonaws.com' }));
    await iam.send(new RemoveClientIDFromOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, ClientID: 'absent' }));
    const other = 'a'.repeat(40);
    await iam.send(new UpdateOpenIDConnectProviderThumbprintCommand({ OpenIDConnectProviderArn: arn, ThumbprintList: [other] }));
    expect(await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).toMatchObject({ ClientIDList: ['my-app'], ThumbprintList: [other] });
    await iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn, Tags: [{ Key: 'c', Value: 'd' }] }));
    expect((await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: arn }))).Tags).toHaveLength(2);
    expect((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList).toEqual([{ Arn: arn }]);
    await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    await expectError(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })), 'NoSuchEntityException', `OpenIDConnect Provider not found for arn ${arn}`);
  });
});

describe('IAM account', () => {
  it('keeps one alias per account, unique across accounts', async () => {
    const iam = iamClient(nimbus);
    const other = new IAMClient(nimbus.clientConfig({ credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'my-org' }));
    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'my-org-2' }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual(['my-org-2']);
    await expectError(other.send(new CreateAccountAliasCommand({ AccountAlias: 'my-org-2' })), 'EntityAlreadyExistsException');
    await expectError(iam.send(new CreateAccountAliasCommand({ AccountAlias: 'Bad_Alias' })), 'ValidationError');
    await expectError(iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'nope' })), 'NoSuchEntityException');
    await iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'my-org-2' }));
    expect((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases).toEqual([]);
  });

  it('keeps accounts apart', async () => {
    const iam = iamClient(nimbus);
    const other = new IAMClient(nimbus.clientConfig({ credentials: { accessKeyId: '111122223333', secretAccessKey: 'x' } }));
    await iam.send(new CreateUserCommand({ UserName: 'shared-name' }));
    const theirs = await other.send(new CreateUserCommand({ UserName: 'shared-name' }));
    expect(theirs.User!.Arn).toBe('arn:aws:iam::111122223333:user/shared-name');
    expect((await other.send(new ListUsersCommand({}))).Users).toHaveLength(1);
    await expectError(
      other.send(new AttachUserPolicyCommand({ UserName: 'shared-name', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/anything` })),
      'NoSuchEntityException',
      `Policy arn:aws:iam::${ACCOUNT}:policy/anything does not exist or is not attachable.`,
    );
  });

  it('summarizes usage and quotas', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'a' }));
    await iam.send(new CreateUserCommand({ UserName: 'b' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustPolicy() }));
    await iam.send(new CreatePolicyCommand({ PolicyName: 'p', PolicyDocument: allowPolicy('s3:*') }));
    const { SummaryMap } = await iam.send(new GetAccountSummaryCommand({}));
    expect(SummaryMap).toMatchObject({ Users: 2, Roles: 1, Groups: 0, Policies: 1, PolicyVersionsInUse: 1, AccessKeysPerUserQuota: 2, PolicySizeQuota: 6144, UserPolicySizeQuota: 2048, RolePolicySizeQuota: 10240, GroupPolicySizeQuota: 5120, AssumeRolePolicySizeQuota: 2048, VersionsPerPolicyQuota: 5 });
  });

  it('details the account authorization, filtered and paged', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'u' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'g' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustPolicy() }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'inline', PolicyDocument: allowPolicy('sqs:*') }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
    await iam.send(new CreatePolicyCommand({ PolicyName: 'local', PolicyDocument: allowPolicy('s3:*') }));
    const all = await iam.send(new GetAccountAuthorizationDetailsCommand({}));
    expect(all.UserDetailList!.map((u) => [u.UserName, u.AttachedManagedPolicies])).toEqual([['u', [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }]]]);
    expect(all.GroupDetailList!.map((g) => g.GroupName)).toEqual(['g']);
    const role = all.RoleDetailList![0]!;
    expect(role.RolePolicyList![0]!.PolicyName).toBe('inline');
    expect(decodeURIComponent(role.RolePolicyList![0]!.PolicyDocument!)).toBe(allowPolicy('sqs:*'));
    expect(all.Policies!.map((p) => p.PolicyName)).toEqual(['local', 'ReadOnlyAccess']);
    expect(all.Policies![0]!.PolicyVersionList![0]).toMatchObject({ VersionId: 'v1', IsDefaultVersion: true });
    const onlyRoles = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
    expect([onlyRoles.UserDetailList, onlyRoles.RoleDetailList!.length, onlyRoles.Policies]).toEqual([[], 1, []]);
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new GetAccountAuthorizationDetailsCommand({ MaxItems: 2, Marker: marker }));
      seen.push(...page.UserDetailList!.map((x) => `user:${x.UserName}`), ...page.GroupDetailList!.map((x) => `group:${x.GroupName}`), ...page.RoleDetailList!.map((x) => `role:${x.RoleName}`), ...page.Policies!.map((x) => `policy:${x.PolicyName}`));
      marker = page.Marker;
    } while (marker);
    expect(seen).toEqual(['user:u', 'group:g', 'role:r', 'policy:local', 'policy:ReadOnlyAccess']);
  });
});
