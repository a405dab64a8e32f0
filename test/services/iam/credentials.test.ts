import {
  CreateAccessKeyCommand,
  CreateLoginProfileCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteAccountPasswordPolicyCommand,
  DeleteLoginProfileCommand,
  DeleteUserCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  ListAccessKeysCommand,
  UpdateAccessKeyCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { ACCOUNT, expectError, iamClient } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

describe('IAM access keys', () => {
  it('creates up to two keys per user in AWS formats, lists, deactivates and deletes them', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'svc' }));
    const first = (await iam.send(new CreateAccessKeyCommand({ UserName: 'svc' }))).AccessKey!;
    expect(first.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(first.SecretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
    expect(first).toMatchObject({ UserName: 'svc', Status: 'Active' });
    const second = (await iam.send(new CreateAccessKeyCommand({ UserName: 'svc' }))).AccessKey!;
    await expectError(iam.send(new CreateAccessKeyCommand({ UserName: 'svc' })), 'LimitExceededException', 'Cannot exceed quota for AccessKeysPerUser: 2');
    const listed = await iam.send(new ListAccessKeysCommand({ UserName: 'svc' }));
    expect(listed.AccessKeyMetadata!.map((k) => k.AccessKeyId).sort()).toEqual([first.AccessKeyId, second.AccessKeyId].sort());
    expect(listed.AccessKeyMetadata![0]).not.toHaveProperty('SecretAccessKey');
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'svc', AccessKeyId: first.AccessKeyId, Status: 'Inactive' }));
    const statuses = (await iam.send(new ListAccessKeysCommand({ UserName: 'svc' }))).AccessKeyMetadata!.map((k) => [k.AccessKeyId, k.Status]);
    expect(statuses).toContainEqual([first.AccessKeyId, 'Inactive']);
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'svc' })), 'DeleteConflictException', 'Cannot delete entity, must delete access keys first.');
    await expectError(iam.send(new UpdateAccessKeyCommand({ UserName: 'svc', AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA', Status: 'Active' })), 'NoSuchEntityException', 'The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found.');
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'svc', AccessKeyId: first.AccessKeyId }));
    await iam.send(new DeleteAccessKeyCommand({ UserName: 'svc', AccessKeyId: second.AccessKeyId }));
    expect((await iam.send(new ListAccessKeysCommand({ UserName: 'svc' }))).AccessKeyMetadata).toEqual([]);
    await iam.send(new DeleteUserCommand({ UserName: 'svc' }));
  });

  it('answers N/A for a key never used', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'idle' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'idle' }))).AccessKey!;
    const last = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
    expect(last).toMatchObject({ UserName: 'idle', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    expect(last.AccessKeyLastUsed!.LastUsedDate).toBeUndefined();
    await expectError(iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' })), 'NoSuchEntityException');
  });

  it('refuses to issue root access keys', async () => {
    await expectError(iamClient(nimbus).send(new CreateAccessKeyCommand({})), 'InvalidInputException');
  });
});

describe('IAM login profiles and the password policy', () => {
  it('creates, reads, updates and deletes a login profile', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'human' }));
    const created = await iam.send(new CreateLoginProfileCommand({ UserName: 'human', Password: 'S3cure-pass!', PasswordResetRequired: true }));
    expect(created.LoginProfile).toMatchObject({ UserName: 'human', PasswordResetRequired: true });
    await expectError(iam.send(new CreateLoginProfileCommand({ UserName: 'human', Password: 'x' })), 'EntityAlreadyExistsException', 'Login Profile for user human already exists.');
    await iam.send(new UpdateLoginProfileCommand({ UserName: 'human', PasswordResetRequired: false }));
    expect((await iam.send(new GetLoginProfileCommand({ UserName: 'human' }))).LoginProfile).toMatchObject({ UserName: 'human', PasswordResetRequired: false });
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'human' })), 'DeleteConflictException', 'Cannot delete entity, must delete login profile first.');
    await iam.send(new DeleteLoginProfileCommand({ UserName: 'human' }));
    await expectError(iam.send(new GetLoginProfileCommand({ UserName: 'human' })), 'NoSuchEntityException', 'Login Profile for User human cannot be found.');
    await iam.send(new DeleteUserCommand({ UserName: 'human' }));
  });

  it('keeps an account password policy and checks passwords against it', async () => {
    const iam = iamClient(nimbus);
    await expectError(iam.send(new GetAccountPasswordPolicyCommand({})), 'NoSuchEntityException', `The Password Policy with domain name ${ACCOUNT} cannot be found.`);
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, RequireNumbers: true, RequireSymbols: true, MaxPasswordAge: 90 }));
    const { PasswordPolicy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(PasswordPolicy).toMatchObject({ MinimumPasswordLength: 12, RequireNumbers: true, RequireSymbols: true, RequireUppercaseCharacters: false, ExpirePasswords: true, MaxPasswordAge: 90 });
    await iam.send(new CreateUserCommand({ UserName: 'p' }));
    await expectError(iam.send(new CreateLoginProfileCommand({ UserName: 'p', Password: 'short1!' })), 'PasswordPolicyViolationException', /minimum length of 12/);
    await expectError(iam.send(new CreateLoginProfileCommand({ UserName: 'p', Password: 'longenoughbutnonumber!' })), 'PasswordPolicyViolationException', /number/);
    await expectError(iam.send(new CreateLoginProfileCommand({ UserName: 'p', Password: 'longenough123nosymbol' })), 'PasswordPolicyViolationException', /symbol/);
    await iam.send(new CreateLoginProfileCommand({ UserName: 'p', Password: 'longenough123!' }));
    await expectError(iam.send(new UpdateLoginProfileCommand({ UserName: 'p', Password: 'weak' })), 'PasswordPolicyViolationException');
    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    await expectError(iam.send(new DeleteAccountPasswordPolicyCommand({})), 'NoSuchEntityException');
    await iam.send(new UpdateLoginProfileCommand({ UserName: 'p', Password: 'weak' }));
  });
});
