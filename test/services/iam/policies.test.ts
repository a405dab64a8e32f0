import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetGroupPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupPoliciesCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListUserPoliciesCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SetDefaultPolicyVersionCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { ACCOUNT, allowPolicy, expectError, iamClient, trustPolicy } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });
const S3_READ = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

describe('IAM customer managed policies', () => {
  it('creates a policy and manages its versions', async () => {
    const iam = iamClient(nimbus);
    const v1 = allowPolicy('s3:GetObject');
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'reader', Path: '/app/', PolicyDocument: v1, Description: 'reads', Tags: [{ Key: 'k', Value: 'v' }] }));
    const arn = `arn:aws:iam::${ACCOUNT}:policy/app/reader`;
    expect(Policy).toMatchObject({ PolicyName: 'reader', Arn: arn, Path: '/app/', DefaultVersionId: 'v1', AttachmentCount: 0, PermissionsBoundaryUsageCount: 0, IsAttachable: true });
    expect(Policy!.PolicyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    await expectError(iam.send(new CreatePolicyCommand({ PolicyName: 'READER', PolicyDocument: v1 })), 'EntityAlreadyExistsException', 'A policy called READER already exists. Duplicate names are not allowed.');
    const got = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(got.Policy).toMatchObject({ Description: 'reads', Tags: [{ Key: 'k', Value: 'v' }] });

    const v2 = allowPolicy(['s3:GetObject', 's3:ListBucket']);
    const created = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: v2, SetAsDefault: true }));
    expect(created.PolicyVersion).toMatchObject({ VersionId: 'v2', IsDefaultVersion: true });
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId).toBe('v2');
    const doc = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    expect(doc.PolicyVersion).toMatchObject({ VersionId: 'v1', IsDefaultVersion: false });
    expect(decodeURIComponent(doc.PolicyVersion!.Document!)).toBe(v1);
    for (let i = 3; i <= 5; i++) await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: v2 }));
    await expectError(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: v2 })),
      'LimitExceededException',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(versions.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v5', false],
      ['v4', false],
      ['v3', false],
      ['v2', true],
      ['v1', false],
    ]);
    await expectError(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' })), 'DeleteConflictException', 'Cannot delete the default version of a policy.');
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    await expectError(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' })), 'NoSuchEntityException');
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v4' }));
    expect((await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v4' }))).PolicyVersion!.IsDefaultVersion).toBe(true);
    await expectError(iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })), 'NoSuchEntityException');
    // a new version after deletions still counts up
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' }));
    expect((await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: v1 }))).PolicyVersion!.VersionId).toBe('v6');
    await expectError(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), 'DeleteConflictException', /more than one version/);
    for (const v of ['v2', 'v5', 'v6']) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    await expectError(iam.send(new GetPolicyCommand({ PolicyArn: arn })), 'NoSuchEntityException', `Policy ${arn} was not found.`);
  });

  it('refuses malformed and oversized documents', async () => {
    const iam = iamClient(nimbus);
    await expectError(iam.send(new CreatePolicyCommand({ PolicyName: 'p', PolicyDocument: '{"Version": "2012-10-17", "Statement": ' })), 'MalformedPolicyDocumentException');
    const huge = allowPolicy(Array.from({ length: 500 }, (_, i) => `s3:Action${i}`));
    await expectError(iam.send(new CreatePolicyCommand({ PolicyName: 'p', PolicyDocument: huge })), 'LimitExceededException', 'Cannot exceed quota for PolicySize: 6144');
    // whitespace does not count
    const spaced = JSON.stringify(JSON.parse(allowPolicy(Array.from({ length: 200 }, (_, i) => `s3:A${i}`))), null, 40);
    expect(spaced.length).toBeGreaterThan(6144);
    await iam.send(new CreatePolicyCommand({ PolicyName: 'spaced', PolicyDocument: spaced }));
  });

  it('tags customer policies', async () => {
    const iam = iamClient(nimbus);
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'tagged', PolicyDocument: allowPolicy('sqs:*') }));
    await iam.send(new TagPolicyCommand({ PolicyArn: Policy!.Arn, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }));
    await iam.send(new UntagPolicyCommand({ PolicyArn: Policy!.Arn, TagKeys: ['a'] }));
    expect((await iam.send(new ListPolicyTagsCommand({ PolicyArn: Policy!.Arn }))).Tags).toEqual([{ Key: 'b', Value: '2' }]);
  });
});

describe('IAM AWS managed policies and attachments', () => {
  it('serves AWS managed policies', async () => {
    const iam = iamClient(nimbus);
    const admin = await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    expect(admin.Policy).toMatchObject({ PolicyName: 'AdministratorAccess', PolicyId: 'ANPAIWMBCKSKIEE64ZLYK', Path: '/', DefaultVersionId: 'v1', IsAttachable: true });
    const doc = await iam.send(new GetPolicyVersionCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', VersionId: 'v1' }));
    expect(JSON.parse(decodeURIComponent(doc.PolicyVersion!.Document!))).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    const basic = await iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
    expect(basic.Policy!.Path).toBe('/service-role/');
    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 1000 }));
    const names = aws.Policies!.map((p) => p.PolicyName!);
    for (const n of ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'IAMFullAccess', 'IAMReadOnlyAccess', 'AmazonS3FullAccess', 'AmazonS3ReadOnlyAccess', 'AmazonDynamoDBFullAccess', 'AmazonDynamoDBReadOnlyAccess', 'AmazonSQSFullAccess', 'AmazonSNSFullAccess', 'AWSLambda_FullAccess', 'AWSLambdaBasicExecutionRole', 'AmazonSSMFullAccess', 'AmazonSSMReadOnlyAccess', 'AWSStepFunctionsFullAccess', 'CloudWatchLogsFullAccess']) {
      expect(names).toContain(n);
    }
    expect([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))).toEqual(names);
    await expectError(iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' })), 'NoSuchEntityException', 'Policy arn:aws:iam::aws:policy/NoSuchPolicy was not found.');
  });

  it('attaches, counts, lists and detaches managed policies', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'u' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'g' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustPolicy() }));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'mine', PolicyDocument: allowPolicy('sqs:*') }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: S3_READ }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: S3_READ }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: Policy!.Arn }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'g', PolicyArn: S3_READ }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: S3_READ }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'u', PermissionsBoundary: Policy!.Arn }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: S3_READ }))).Policy!.AttachmentCount).toBe(3);
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: Policy!.Arn }))).Policy).toMatchObject({ AttachmentCount: 1, PermissionsBoundaryUsageCount: 1 });
    expect((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'u' }))).AttachedPolicies).toEqual([
      { PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: S3_READ },
      { PolicyName: 'mine', PolicyArn: Policy!.Arn },
    ]);
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: S3_READ }));
    expect(entities.PolicyUsers!.map((e) => e.UserName)).toEqual(['u']);
    expect(entities.PolicyGroups!.map((e) => e.GroupName)).toEqual(['g']);
    expect(entities.PolicyRoles!.map((e) => e.RoleName)).toEqual(['r']);
    const roleOnly = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: S3_READ, EntityFilter: 'Role' }));
    expect([roleOnly.PolicyUsers, roleOnly.PolicyRoles!.length]).toEqual([[], 1]);
    const boundaries = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: Policy!.Arn, PolicyUsageFilter: 'PermissionsBoundary' }));
    expect(boundaries.PolicyUsers!.map((e) => e.UserName)).toEqual(['u']);
    const attached = await iam.send(new ListPoliciesCommand({ OnlyAttached: true }));
    expect(attached.Policies!.map((p) => p.PolicyName)).toEqual(['AmazonS3ReadOnlyAccess', 'mine']);
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    expect(local.Policies!.map((p) => p.PolicyName)).toEqual(['mine']);
    const asBoundary = await iam.send(new ListPoliciesCommand({ OnlyAttached: true, PolicyUsageFilter: 'PermissionsBoundary' }));
    expect(asBoundary.Policies!.map((p) => p.PolicyName)).toEqual(['mine']);

    await expectError(iam.send(new DeletePolicyCommand({ PolicyArn: Policy!.Arn })), 'DeleteConflictException', 'Cannot delete a policy attached to entities.');
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'u' })), 'DeleteConflictException', 'Cannot delete entity, must detach all policies first.');
    await expectError(iam.send(new DeleteRoleCommand({ RoleName: 'r' })), 'DeleteConflictException', 'Cannot delete entity, must detach all policies first.');
    await expectError(
      iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/absent` })),
      'NoSuchEntityException',
      `Policy arn:aws:iam::${ACCOUNT}:policy/absent does not exist or is not attachable.`,
    );
    await expectError(iam.send(new AttachUserPolicyCommand({ UserName: 'u', PolicyArn: 'not-an-arn-at-all-really' })), 'InvalidInputException', 'ARN not-an-arn-at-all-really is not valid.');
    await iam.send(new DetachUserPolicyCommand({ UserName: 'u', PolicyArn: S3_READ }));
    await expectError(iam.send(new DetachUserPolicyCommand({ UserName: 'u', PolicyArn: S3_READ })), 'NoSuchEntityException', `Policy ${S3_READ} was not found.`);
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'r', PolicyArn: S3_READ }));
    expect((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'r' }))).AttachedPolicies).toEqual([]);
  });

  it('limits attachments to 10 per principal', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustPolicy() }));
    for (let i = 0; i < 11; i++) await iam.send(new CreatePolicyCommand({ PolicyName: `p${i}`, PolicyDocument: allowPolicy('sqs:*') }));
    for (let i = 0; i < 10; i++) await iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/p${i}` }));
    await expectError(iam.send(new AttachRolePolicyCommand({ RoleName: 'r', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/p10` })), 'LimitExceededException', 'Cannot exceed quota for PoliciesPerRole: 10');
  });
});

describe('IAM inline policies', () => {
  it('puts, gets (URL-encoded), lists and deletes inline policies of users, groups and roles', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'u' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'g' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustPolicy() }));
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/a key+x' }] }, null, 2);
    await iam.send(new PutUserPolicyCommand({ UserName: 'u', PolicyName: 'b-pol', PolicyDocument: doc }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'u', PolicyName: 'a-pol', PolicyDocument: doc }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'g', PolicyName: 'gp', PolicyDocument: doc }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'rp', PolicyDocument: doc }));
    const got = await iam.send(new GetUserPolicyCommand({ UserName: 'u', PolicyName: 'a-pol' }));
    expect(got).toMatchObject({ UserName: 'u', PolicyName: 'a-pol' });
    expect(got.PolicyDocument).toContain('%22Version%22');
    expect(decodeURIComponent(got.PolicyDocument!)).toBe(doc);
    expect(decodeURIComponent((await iam.send(new GetGroupPolicyCommand({ GroupName: 'g', PolicyName: 'gp' }))).PolicyDocument!)).toBe(doc);
    expect(decodeURIComponent((await iam.send(new GetRolePolicyCommand({ RoleName: 'r', PolicyName: 'rp' }))).PolicyDocument!)).toBe(doc);
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'u' }))).PolicyNames).toEqual(['a-pol', 'b-pol']);
    expect((await iam.send(new ListGroupPoliciesCommand({ GroupName: 'g' }))).PolicyNames).toEqual(['gp']);
    const page = await iam.send(new ListUserPoliciesCommand({ UserName: 'u', MaxItems: 1 }));
    expect(page).toMatchObject({ PolicyNames: ['a-pol'], IsTruncated: true });
    expect((await iam.send(new ListUserPoliciesCommand({ UserName: 'u', Marker: page.Marker }))).PolicyNames).toEqual(['b-pol']);
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'u' })), 'DeleteConflictException', 'Cannot delete entity, must delete policies first.');
    await expectError(iam.send(new GetUserPolicyCommand({ UserName: 'u', PolicyName: 'zzz' })), 'NoSuchEntityException', 'The user policy with name zzz cannot be found.');
    await expectError(iam.send(new GetRolePolicyCommand({ RoleName: 'r', PolicyName: 'zzz' })), 'NoSuchEntityException', 'The role policy with name zzz cannot be found.');
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'u', PolicyName: 'a-pol' }));
    await iam.send(new DeleteUserPolicyCommand({ UserName: 'u', PolicyName: 'b-pol' }));
    await expectError(iam.send(new DeleteUserPolicyCommand({ UserName: 'u', PolicyName: 'b-pol' })), 'NoSuchEntityException');
    await iam.send(new DeleteUserCommand({ UserName: 'u' }));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'r', PolicyName: 'rp' }));
    expect((await iam.send(new ListRolePoliciesCommand({ RoleName: 'r' }))).PolicyNames).toEqual([]);
  });

  it('enforces the aggregate inline size per principal (users 2048, groups 5120, roles 10240)', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'u' }));
    await iam.send(new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trustPolicy() }));
    const doc = (n: number) => allowPolicy(Array.from({ length: n }, (_, i) => `s3:Act${String(i).padStart(4, '0')}`));
    // ~1100 characters each: one fits a user, two do not; replacing the same name does not add up.
    await iam.send(new PutUserPolicyCommand({ UserName: 'u', PolicyName: 'one', PolicyDocument: doc(75) }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'u', PolicyName: 'one', PolicyDocument: doc(75) }));
    await expectError(iam.send(new PutUserPolicyCommand({ UserName: 'u', PolicyName: 'two', PolicyDocument: doc(75) })), 'LimitExceededException', 'Maximum policy size of 2048 bytes exceeded for user u');
    for (let i = 0; i < 9; i++) await iam.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: `p${i}`, PolicyDocument: doc(75) }));
    await expectError(iam.send(new PutRolePolicyCommand({ RoleName: 'r', PolicyName: 'p9', PolicyDocument: doc(75) })), 'LimitExceededException', 'Maximum policy size of 10240 bytes exceeded for role r');
  });
});
