/**
 * The identity directory the gateway and STS read: built from what the IAM API wrote, updated by
 * every write, emptied by a reset, and access-key uses batched into durable writes.
 */
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  AddUserToGroupCommand,
  GetAccessKeyLastUsedCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  TagUserCommand,
  UpdateAccessKeyCommand,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/config.js';
import { createNimbus, type NimbusInstance } from '../../../src/nimbus.js';
import type { IamStore } from '../../../src/services/iam/store.js';
import { allowPolicy, trustPolicy } from './helpers.js';

let nimbus: NimbusInstance;
let iam: IAMClient;
let store: IamStore;

beforeAll(async () => {
  nimbus = await createNimbus(resolveConfig({ port: 0, ephemeral: true, logLevel: 'warn' }));
  iam = new IAMClient({ endpoint: nimbus.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
  store = nimbus.gateway.registry.get('iam')!.store as IamStore;
});
afterAll(async () => {
  await nimbus.close();
});

const ACCOUNT = '000000000000';

describe('IAM identity directory', () => {
  it('resolves access keys to their user, with tags and status', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'dev', Path: '/team/', Tags: [{ Key: 'team', Value: 'core' }] }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'dev' }))).AccessKey!;
    const dir = store.directory;
    const resolved = dir.resolveCredential(key.AccessKeyId!)!;
    expect(resolved).toMatchObject({ accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey, active: true });
    expect(resolved.caller).toMatchObject({
      type: 'user',
      accountId: ACCOUNT,
      arn: `arn:aws:iam::${ACCOUNT}:user/team/dev`,
      username: 'dev',
      tags: { team: 'core' },
      policyHolder: { kind: 'user', name: 'dev' },
    });
    expect(resolved.caller.userId).toMatch(/^AIDA/);
    expect(dir.resolveCredential('AKIAAAAAAAAAAAAAAAAA')).toBeUndefined();
    const before = dir.generation;
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'dev', AccessKeyId: key.AccessKeyId, Status: 'Inactive' }));
    expect(dir.generation).toBeGreaterThan(before);
    expect(dir.resolveCredential(key.AccessKeyId!)!.active).toBe(false);
    await iam.send(new TagUserCommand({ UserName: 'dev', Tags: [{ Key: 'team', Value: 'edge' }] }));
    expect(dir.resolveCredential(key.AccessKeyId!)!.caller.tags).toEqual({ team: 'edge' });
    expect(dir.user(ACCOUNT, 'DEV')).toMatchObject({ name: 'dev', path: '/team/', arn: `arn:aws:iam::${ACCOUNT}:user/team/dev` });
  });

  it('assembles a user’s policies (inline, attached, groups) and boundary, following version changes', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'pol' }));
    await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'pol' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'pol', PolicyName: 'own', PolicyDocument: allowPolicy('sqs:*') }));
    await iam.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'grp', PolicyDocument: allowPolicy('sns:*') }));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'managed', PolicyDocument: allowPolicy('s3:GetObject') }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'pol', PolicyArn: Policy!.Arn }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'pol', PermissionsBoundary: 'arn:aws:iam::aws:policy/PowerUserAccess' }));
    const set = store.directory.policies(ACCOUNT, 'user', 'pol')!;
    expect(set.identity.map((p) => p.source.name)).toEqual(['own', Policy!.Arn, 'grp']);
    expect(set.identity[0]!.source).toMatchObject({ type: 'identity', owner: `arn:aws:iam::${ACCOUNT}:user/pol` });
    expect(set.identity[2]!.source.owner).toBe(`arn:aws:iam::${ACCOUNT}:group/readers`);
    expect(set.boundary!.source).toMatchObject({ type: 'boundary', arn: 'arn:aws:iam::aws:policy/PowerUserAccess' });
    expect(store.directory.policies(ACCOUNT, 'user', 'pol')).toBe(set); // cached
    const v2 = allowPolicy('s3:PutObject');
    await iam.send(new CreatePolicyVersionCommand({ PolicyArn: Policy!.Arn, PolicyDocument: v2, SetAsDefault: true }));
    expect(store.directory.managedPolicy(Policy!.Arn!)!.policy.text).toBe(v2);
    expect(store.directory.policies(ACCOUNT, 'user', 'pol')!.identity[1]!.policy.text).toBe(v2);
    expect(store.directory.policies(ACCOUNT, 'user', 'nobody')).toBeUndefined();
  });

  it('serves roles, MFA devices and OIDC providers', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: trustPolicy(), MaxSessionDuration: 7200 }));
    const role = store.directory.role(ACCOUNT, 'Worker')!;
    expect(role).toMatchObject({ name: 'worker', maxSessionDuration: 7200, arn: `arn:aws:iam::${ACCOUNT}:role/worker` });
    expect(role.trustPolicy.text).toBe(trustPolicy());
    expect(store.directory.policies(ACCOUNT, 'role', 'worker')).toEqual({ identity: [], boundary: undefined });
    const { VirtualMFADevice } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'dir-mfa' }));
    const device = store.directory.mfaDevice(VirtualMFADevice!.SerialNumber!)!;
    expect(device.seed).toHaveLength(20);
    expect(device.userName).toBeUndefined();
    expect(store.directory.consumeMfaCode(device.serialNumber, 100)).toBe(true);
    expect(store.directory.consumeMfaCode(device.serialNumber, 100)).toBe(false);
    expect(store.directory.consumeMfaCode(device.serialNumber, 101)).toBe(true);
    const { OpenIDConnectProviderArn } = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://issuer.example.com/', ClientIDList: ['app'] }));
    expect(store.directory.oidcProvider(OpenIDConnectProviderArn!)).toEqual({ arn: OpenIDConnectProviderArn, url: 'issuer.example.com', clientIds: ['app'], thumbprints: [] });
  });

  it('batches access-key uses and answers them before and after the flush', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'busy' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'busy' }))).AccessKey!;
    const writesBefore = nimbus.gateway.storage.db.writes;
    const at = new Date('2030-01-02T03:04:05Z');
    for (let i = 0; i < 100; i++) store.directory.noteUsed(key.AccessKeyId!, 'sqs', 'eu-west-1', at.getTime() - 99 + i);
    expect(nimbus.gateway.storage.db.writes).toBe(writesBefore);
    const pending = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }));
    expect(pending.AccessKeyLastUsed).toEqual({ LastUsedDate: at, ServiceName: 'sqs', Region: 'eu-west-1' });
    await store.directory.usage.flush();
    expect(nimbus.gateway.storage.db.writes).toBe(writesBefore + 1);
    expect(store.keys.get(key.AccessKeyId!)).toMatchObject({ lastUsedService: 'sqs', lastUsedRegion: 'eu-west-1', lastUsedDate: at });
    expect((await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: key.AccessKeyId }))).AccessKeyLastUsed).toEqual({ LastUsedDate: at, ServiceName: 'sqs', Region: 'eu-west-1' });
  });

  it('forgets everything when the database is wiped', async () => {
    expect(store.directory.user(ACCOUNT, 'dev')).toBeDefined();
    const before = store.directory.generation;
    await nimbus.gateway.storage.db.wipe();
    expect(store.directory.generation).not.toBe(before);
    expect(store.directory.user(ACCOUNT, 'dev')).toBeUndefined();
    expect(store.directory.role(ACCOUNT, 'worker')).toBeUndefined();
  });
});
