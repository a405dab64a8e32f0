import {
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  DeleteGroupCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  DeleteServiceLinkedRoleCommand,
  DeleteUserCommand,
  GetGroupCommand,
  GetInstanceProfileCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListGroupsCommand,
  ListGroupsForUserCommand,
  ListInstanceProfileTagsCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRoleTagsCommand,
  ListRolesCommand,
  RemoveRoleFromInstanceProfileCommand,
  RemoveUserFromGroupCommand,
  TagInstanceProfileCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateGroupCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { ACCOUNT, expectError, iamClient, trustPolicy } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

describe('IAM groups', () => {
  it('creates, lists, renames and deletes groups, with membership', async () => {
    const iam = iamClient(nimbus);
    const { Group } = await iam.send(new CreateGroupCommand({ GroupName: 'devs', Path: '/eng/' }));
    expect(Group).toMatchObject({ GroupName: 'devs', Path: '/eng/', Arn: `arn:aws:iam::${ACCOUNT}:group/eng/devs` });
    expect(Group!.GroupId).toMatch(/^AGPA[A-Z2-7]{17}$/);
    await expectError(iam.send(new CreateGroupCommand({ GroupName: 'DEVS' })), 'EntityAlreadyExistsException', 'Group with name DEVS already exists.');
    await iam.send(new CreateGroupCommand({ GroupName: 'admins' }));
    await iam.send(new CreateUserCommand({ UserName: 'bob' }));
    await iam.send(new CreateUserCommand({ UserName: 'amy' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'bob' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'bob' })); // idempotent
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'amy' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'bob' }));
    const got = await iam.send(new GetGroupCommand({ GroupName: 'devs' }));
    expect(got.Users!.map((u) => u.UserName)).toEqual(['amy', 'bob']);
    const paged = await iam.send(new GetGroupCommand({ GroupName: 'devs', MaxItems: 1 }));
    expect(paged).toMatchObject({ IsTruncated: true, Users: [{ UserName: 'amy' }] });
    const rest = await iam.send(new GetGroupCommand({ GroupName: 'devs', Marker: paged.Marker }));
    expect(rest.Users!.map((u) => u.UserName)).toEqual(['bob']);
    expect((await iam.send(new ListGroupsForUserCommand({ UserName: 'bob' }))).Groups!.map((g) => g.GroupName)).toEqual(['admins', 'devs']);
    expect((await iam.send(new ListGroupsCommand({}))).Groups!.map((g) => g.GroupName)).toEqual(['admins', 'devs']);
    expect((await iam.send(new ListGroupsCommand({ PathPrefix: '/eng/' }))).Groups!.map((g) => g.GroupName)).toEqual(['devs']);

    await expectError(iam.send(new DeleteGroupCommand({ GroupName: 'devs' })), 'DeleteConflictException', 'Cannot delete entity, must remove users from group first.');
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'amy' })), 'DeleteConflictException', 'Cannot delete entity, must remove users from group first.');
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devs', UserName: 'amy' }));
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devs', UserName: 'bob' }));
    await expectError(iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devs', UserName: 'bob' })), 'NoSuchEntityException');
    await iam.send(new UpdateGroupCommand({ GroupName: 'devs', NewGroupName: 'developers', NewPath: '/' }));
    expect((await iam.send(new GetGroupCommand({ GroupName: 'developers' }))).Group!.Arn).toBe(`arn:aws:iam::${ACCOUNT}:group/developers`);
    await iam.send(new DeleteGroupCommand({ GroupName: 'developers' }));
    await expectError(iam.send(new GetGroupCommand({ GroupName: 'developers' })), 'NoSuchEntityException', 'The group with name developers cannot be found.');
    await expectError(iam.send(new AddUserToGroupCommand({ GroupName: 'admins', UserName: 'nobody' })), 'NoSuchEntityException', 'The user with name nobody cannot be found.');
  });

  it('limits a user to 10 groups', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'joiner' }));
    for (let i = 0; i < 11; i++) await iam.send(new CreateGroupCommand({ GroupName: `g${i}` }));
    for (let i = 0; i < 10; i++) await iam.send(new AddUserToGroupCommand({ GroupName: `g${i}`, UserName: 'joiner' }));
    await expectError(iam.send(new AddUserToGroupCommand({ GroupName: 'g10', UserName: 'joiner' })), 'LimitExceededException', 'Cannot exceed quota for GroupsPerUser: 10');
  });
});

describe('IAM roles', () => {
  it('creates a role with its trust policy URL-encoded on the way out', async () => {
    const iam = iamClient(nimbus);
    const doc = trustPolicy();
    const { Role } = await iam.send(new CreateRoleCommand({ RoleName: 'fn-role', AssumeRolePolicyDocument: doc, Description: 'for lambda', MaxSessionDuration: 7200, Tags: [{ Key: 'a', Value: 'b' }] }));
    expect(Role).toMatchObject({ RoleName: 'fn-role', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:role/fn-role`, Description: 'for lambda', MaxSessionDuration: 7200 });
    expect(Role!.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(Role!.AssumeRolePolicyDocument).toBe(encodeURIComponent(doc));
    const got = (await iam.send(new GetRoleCommand({ RoleName: 'FN-ROLE' }))).Role!;
    expect(decodeURIComponent(got.AssumeRolePolicyDocument!)).toBe(doc);
    expect(got.Tags).toEqual([{ Key: 'a', Value: 'b' }]);
    expect(got.RoleLastUsed).toEqual({});
    await expectError(iam.send(new CreateRoleCommand({ RoleName: 'Fn-Role', AssumeRolePolicyDocument: doc })), 'EntityAlreadyExistsException', 'Role with name Fn-Role already exists.');
    await expectError(iam.send(new GetRoleCommand({ RoleName: 'none' })), 'NoSuchEntityException', 'The role with name none cannot be found.');
  });

  it('validates MaxSessionDuration and refuses malformed trust policies', async () => {
    const iam = iamClient(nimbus);
    await expectError(iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustPolicy(), MaxSessionDuration: 60 })), 'ValidationError');
    await expectError(iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: '{not json' })), 'MalformedPolicyDocumentException');
    const big = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 40 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })) });
    await expectError(iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: big })), 'LimitExceededException', 'Cannot exceed quota for ACLSizePerRole: 2048');
  });

  it('updates the trust policy, description and session duration', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustPolicy() }));
    const next = trustPolicy('ec2.amazonaws.com');
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'r', PolicyDocument: next }));
    await iam.send(new UpdateRoleCommand({ RoleName: 'r', MaxSessionDuration: 43200, Description: 'd1' }));
    const updated = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'r', Description: 'd2' }));
    expect(updated.Role).toMatchObject({ Description: 'd2', MaxSessionDuration: 43200 });
    const got = (await iam.send(new GetRoleCommand({ RoleName: 'r' }))).Role!;
    expect(decodeURIComponent(got.AssumeRolePolicyDocument!)).toBe(next);
    expect(got).toMatchObject({ Description: 'd2', MaxSessionDuration: 43200 });
    await expectError(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'r', PolicyDocument: '[' })), 'MalformedPolicyDocumentException');
  });

  it('lists roles by path and pages them; tags and untags roles', async () => {
    const iam = iamClient(nimbus);
    for (const n of ['b', 'A', 'c']) await iam.send(new CreateRoleCommand({ RoleName: n, Path: n === 'c' ? '/svc/' : '/', AssumeRolePolicyDocument: trustPolicy() }));
    const first = await iam.send(new ListRolesCommand({ MaxItems: 2 }));
    expect(first.Roles!.map((r) => r.RoleName)).toEqual(['A', 'b']);
    expect(first.Roles![0]!.Tags).toBeUndefined();
    const second = await iam.send(new ListRolesCommand({ MaxItems: 2, Marker: first.Marker }));
    expect(second).toMatchObject({ IsTruncated: false, Roles: [{ RoleName: 'c' }] });
    expect((await iam.send(new ListRolesCommand({ PathPrefix: '/svc/' }))).Roles!.map((r) => r.RoleName)).toEqual(['c']);
    await iam.send(new TagRoleCommand({ RoleName: 'b', Tags: [{ Key: 'x', Value: '1' }, { Key: 'y', Value: '2' }] }));
    await iam.send(new UntagRoleCommand({ RoleName: 'b', TagKeys: ['x'] }));
    expect((await iam.send(new ListRoleTagsCommand({ RoleName: 'b' }))).Tags).toEqual([{ Key: 'y', Value: '2' }]);
  });

  it('creates and deletes service-linked roles', async () => {
    const iam = iamClient(nimbus);
    const { Role } = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com' }));
    expect(Role).toMatchObject({ RoleName: 'AWSServiceRoleForAutoScaling', Path: '/aws-service-role/autoscaling.amazonaws.com/' });
    expect(Role!.Arn).toBe(`arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`);
    const trust = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!));
    expect(trust.Statement[0].Principal).toEqual({ Service: ['autoscaling.amazonaws.com'] });
    const custom = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com', CustomSuffix: 'web' }));
    expect(custom.Role!.RoleName).toBe('AWSServiceRoleForAutoScaling_web');
    await expectError(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com' })), 'InvalidInputException', /has been taken in this account/);
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'AWSServiceRoleForAutoScaling' })), 'UnmodifiableEntityException');
    const { DeletionTaskId } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: 'AWSServiceRoleForAutoScaling' }));
    expect(DeletionTaskId).toMatch(/^task\/aws-service-role\/autoscaling\.amazonaws\.com\/AWSServiceRoleForAutoScaling\//);
    expect((await iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }))).Status).toBe('SUCCEEDED');
    await expectError(iam.send(new GetRoleCommand({ RoleName: 'AWSServiceRoleForAutoScaling' })), 'NoSuchEntityException');
  });
});

describe('IAM instance profiles', () => {
  it('holds one role, lists by role, and refuses deletes while linked', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateRoleCommand({ RoleName: 'ec2-role', AssumeRolePolicyDocument: trustPolicy('ec2.amazonaws.com') }));
    await iam.send(new CreateRoleCommand({ RoleName: 'other', AssumeRolePolicyDocument: trustPolicy('ec2.amazonaws.com') }));
    const { InstanceProfile } = await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web', Path: '/app/', Tags: [{ Key: 't', Value: '1' }] }));
    expect(InstanceProfile).toMatchObject({ InstanceProfileName: 'web', Path: '/app/', Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app/web`, Roles: [] });
    expect(InstanceProfile!.InstanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    await expectError(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'WEB' })), 'EntityAlreadyExistsException', 'Instance Profile WEB already exists.');
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2-role' }));
    await expectError(
      iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'other' })),
      'LimitExceededException',
      'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    );
    const got = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile!;
    expect(got.Roles!.map((r) => r.RoleName)).toEqual(['ec2-role']);
    expect(got.Tags).toEqual([{ Key: 't', Value: '1' }]);
    expect((await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'ec2-role' }))).InstanceProfiles!.map((p) => p.InstanceProfileName)).toEqual(['web']);
    expect((await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/app/' }))).InstanceProfiles!.length).toBe(1);
    await iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'web', Tags: [{ Key: 'u', Value: '2' }] }));
    expect((await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'web' }))).Tags).toHaveLength(2);
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'ec2-role' })), 'DeleteConflictException', 'Cannot delete entity, must remove roles from instance profile first.');
    await expectError(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' })), 'DeleteConflictException', 'Cannot delete entity, must remove roles from instance profile first.');
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2-role' }));
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' }));
    await iam.send(new DeleteRoleCommand({ RoleName: 'ec2-role' }));
    await expectError(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' })), 'NoSuchEntityException', 'Instance Profile web cannot be found.');
  });
});
