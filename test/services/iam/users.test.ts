import {
  CreateUserCommand,
  DeleteUserCommand,
  GetUserCommand,
  ListUserTagsCommand,
  ListUsersCommand,
  TagUserCommand,
  UntagUserCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { ACCOUNT, expectError, iamClient } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

describe('IAM users', () => {
  it('creates a user with AWS ids, ARN and tags, and reads it back', async () => {
    const iam = iamClient(nimbus);
    const created = await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/team/', Tags: [{ Key: 'dept', Value: 'eng' }] }));
    const u = created.User!;
    expect(u.UserName).toBe('alice');
    expect(u.Path).toBe('/team/');
    expect(u.Arn).toBe(`arn:aws:iam::${ACCOUNT}:user/team/alice`);
    expect(u.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(u.CreateDate).toBeInstanceOf(Date);
    expect(u.CreateDate!.getUTCMilliseconds()).toBe(0);
    expect(u.Tags).toEqual([{ Key: 'dept', Value: 'eng' }]);
    const got = await iam.send(new GetUserCommand({ UserName: 'alice' }));
    expect(got.User).toMatchObject({ UserName: 'alice', UserId: u.UserId, Arn: u.Arn, Path: '/team/', Tags: [{ Key: 'dept', Value: 'eng' }] });
    expect(got.User!.CreateDate!.getTime()).toBe(u.CreateDate!.getTime());
  });

  it('refuses a second user whose name differs only in case', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'alice' }));
    await expectError(iam.send(new CreateUserCommand({ UserName: 'Alice' })), 'EntityAlreadyExistsException', 'User with name Alice already exists.', 409);
    // lookups are case-insensitive too
    expect((await iam.send(new GetUserCommand({ UserName: 'ALICE' }))).User!.UserName).toBe('alice');
  });

  it('answers NoSuchEntity with AWS wording', async () => {
    const iam = iamClient(nimbus);
    await expectError(iam.send(new GetUserCommand({ UserName: 'ghost' })), 'NoSuchEntityException', 'The user with name ghost cannot be found.', 404);
    await expectError(iam.send(new DeleteUserCommand({ UserName: 'ghost' })), 'NoSuchEntityException', 'The user with name ghost cannot be found.', 404);
  });

  it('validates names from the model', async () => {
    const iam = iamClient(nimbus);
    const e = await expectError(iam.send(new CreateUserCommand({ UserName: 'bad name!' })), 'ValidationError');
    expect(e.message).toContain("at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern");
  });

  it('answers the root for GetUser without a name', async () => {
    const got = await iamClient(nimbus).send(new GetUserCommand({}));
    expect(got.User).toMatchObject({ UserId: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
  });

  it('lists users in name order (case-insensitive) with a path prefix, without tags', async () => {
    const iam = iamClient(nimbus);
    for (const [name, path] of [['carol', '/'], ['Bob', '/ops/'], ['alice', '/ops/'], ['dave', '/ops/x/']] as const) {
      await iam.send(new CreateUserCommand({ UserName: name, Path: path, Tags: [{ Key: 'k', Value: 'v' }] }));
    }
    const all = await iam.send(new ListUsersCommand({}));
    expect(all.Users!.map((u) => u.UserName)).toEqual(['alice', 'Bob', 'carol', 'dave']);
    expect(all.IsTruncated).toBe(false);
    expect(all.Users![0]!.Tags).toBeUndefined();
    const ops = await iam.send(new ListUsersCommand({ PathPrefix: '/ops/' }));
    expect(ops.Users!.map((u) => u.UserName)).toEqual(['alice', 'Bob', 'dave']);
  });

  it('pages users with Marker and MaxItems', async () => {
    const iam = iamClient(nimbus);
    const names = Array.from({ length: 7 }, (_, i) => `user${i}`);
    for (const n of names) await iam.send(new CreateUserCommand({ UserName: n }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam.send(new ListUsersCommand({ MaxItems: 3, Marker: marker }));
      pages++;
      seen.push(...page.Users!.map((u) => u.UserName!));
      expect(page.IsTruncated).toBe(page.Marker !== undefined);
      marker = page.Marker;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(names);
    await expectError(iam.send(new ListUsersCommand({ Marker: 'not-a-marker' })), 'InvalidInputException');
  });

  it('renames and moves a user, keeping its id', async () => {
    const iam = iamClient(nimbus);
    const { User } = await iam.send(new CreateUserCommand({ UserName: 'old' }));
    await iam.send(new CreateUserCommand({ UserName: 'taken' }));
    await expectError(iam.send(new UpdateUserCommand({ UserName: 'old', NewUserName: 'TAKEN' })), 'EntityAlreadyExistsException', 'User with name TAKEN already exists.', 409);
    await iam.send(new UpdateUserCommand({ UserName: 'old', NewUserName: 'new', NewPath: '/moved/' }));
    const got = await iam.send(new GetUserCommand({ UserName: 'new' }));
    expect(got.User).toMatchObject({ UserId: User!.UserId, Path: '/moved/', Arn: `arn:aws:iam::${ACCOUNT}:user/moved/new` });
    await expectError(iam.send(new GetUserCommand({ UserName: 'old' })), 'NoSuchEntityException');
  });

  it('tags and untags users with case-insensitive keys', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'tagged' }));
    await iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'Team', Value: 'a' }, { Key: 'env', Value: 'dev' }] }));
    await iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'team', Value: 'b' }] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'tagged' }))).Tags).toEqual([
      { Key: 'team', Value: 'b' },
      { Key: 'env', Value: 'dev' },
    ]);
    await expectError(
      iam.send(new TagUserCommand({ UserName: 'tagged', Tags: [{ Key: 'x', Value: '1' }, { Key: 'X', Value: '2' }] })),
      'InvalidInputException',
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    );
    await iam.send(new UntagUserCommand({ UserName: 'tagged', TagKeys: ['TEAM', 'absent'] }));
    expect((await iam.send(new ListUserTagsCommand({ UserName: 'tagged' }))).Tags).toEqual([{ Key: 'env', Value: 'dev' }]);
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectError(iam.send(new TagUserCommand({ UserName: 'tagged', Tags: many })), 'LimitExceededException', undefined, 409);
    const page = await iam.send(new ListUserTagsCommand({ UserName: 'tagged', MaxItems: 1 }));
    expect(page).toMatchObject({ Tags: [{ Key: 'env', Value: 'dev' }], IsTruncated: false });
  });

  it('deletes a user', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'gone' }));
    await iam.send(new DeleteUserCommand({ UserName: 'gone' }));
    await expectError(iam.send(new GetUserCommand({ UserName: 'gone' })), 'NoSuchEntityException');
    await iam.send(new CreateUserCommand({ UserName: 'gone' }));
  });
});
