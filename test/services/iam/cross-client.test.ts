import { CreateUserCommand, GetUserPolicyCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../helpers/nimbus.js';
import { allowPolicy, iamClient, trustPolicy } from './helpers.js';

const nimbus = useNimbus();

describe.skipIf(!hasAwsCli)('IAM through the aws CLI', () => {
  it('creates users and roles, reads documents back decoded, pages and reports errors', async () => {
    const n = nimbus.current;
    const created = await awsCli(n, ['iam', 'create-user', '--user-name', 'cli-user', '--path', '/cli/']);
    expect(created.status, created.stderr).toBe(0);
    expect(created.json).toMatchObject({ User: { UserName: 'cli-user', Path: '/cli/', Arn: 'arn:aws:iam::000000000000:user/cli/cli-user' } });
    const role = await awsCli(n, ['iam', 'create-role', '--role-name', 'cli-role', '--assume-role-policy-document', trustPolicy()]);
    expect(role.status, role.stderr).toBe(0);
    // botocore decodes IAM's URL-encoded documents into objects
    expect((role.json as { Role: { AssumeRolePolicyDocument: unknown } }).Role.AssumeRolePolicyDocument).toEqual(JSON.parse(trustPolicy()));
    const put = await awsCli(n, ['iam', 'put-user-policy', '--user-name', 'cli-user', '--policy-name', 'p', '--policy-document', allowPolicy('s3:GetObject')]);
    expect(put.status, put.stderr).toBe(0);
    const got = await awsCli(n, ['iam', 'get-user-policy', '--user-name', 'cli-user', '--policy-name', 'p']);
    expect((got.json as { PolicyDocument: unknown }).PolicyDocument).toEqual(JSON.parse(allowPolicy('s3:GetObject')));
    expect(decodeURIComponent((await iamClient(nimbus).send(new GetUserPolicyCommand({ UserName: 'cli-user', PolicyName: 'p' }))).PolicyDocument!)).toBe(allowPolicy('s3:GetObject'));
    for (let i = 0; i < 5; i++) await iamClient(nimbus).send(new CreateUserCommand({ UserName: `cli-many-${i}` }));
    const listed = await awsCli(n, ['iam', 'list-users', '--page-size', '2']);
    expect(listed.status, listed.stderr).toBe(0);
    expect((listed.json as { Users: { UserName: string }[] }).Users.map((u) => u.UserName)).toEqual(['cli-many-0', 'cli-many-1', 'cli-many-2', 'cli-many-3', 'cli-many-4', 'cli-user']);
    const missing = await awsCli(n, ['iam', 'get-user', '--user-name', 'nobody']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('An error occurred (NoSuchEntity) when calling the GetUser operation: The user with name nobody cannot be found.');
    const dup = await awsCli(n, ['iam', 'create-user', '--user-name', 'CLI-USER']);
    expect(dup.stderr).toContain('An error occurred (EntityAlreadyExists) when calling the CreateUser operation: User with name CLI-USER already exists.');
  });
});

describe.skipIf(!hasBoto3)('IAM through boto3', () => {
  it('round-trips users, policies, keys, MFA devices and errors', async () => {
    const r = await boto3(
      nimbus.current,
      `
import base64
iam = client('iam')
res = {}
iam.create_user(UserName='boto-user', Tags=[{'Key': 'k', 'Value': 'v'}])
res['user'] = iam.get_user(UserName='boto-user')['User']['Tags']
arn = iam.create_policy(PolicyName='boto-pol', PolicyDocument=${JSON.stringify(allowPolicy('sqs:*'))})['Policy']['Arn']
iam.create_policy_version(PolicyArn=arn, PolicyDocument=${JSON.stringify(allowPolicy('sqs:SendMessage'))}, SetAsDefault=True)
res['doc'] = iam.get_policy_version(PolicyArn=arn, VersionId='v2')['PolicyVersion']['Document']
res['versions'] = [v['VersionId'] for v in iam.list_policy_versions(PolicyArn=arn)['Versions']]
iam.attach_user_policy(UserName='boto-user', PolicyArn=arn)
res['attached'] = [p['PolicyName'] for p in iam.list_attached_user_policies(UserName='boto-user')['AttachedPolicies']]
key = iam.create_access_key(UserName='boto-user')['AccessKey']
res['key'] = (key['AccessKeyId'][:4], len(key['AccessKeyId']), len(key['SecretAccessKey']), key['Status'])
res['lastUsed'] = iam.get_access_key_last_used(AccessKeyId=key['AccessKeyId'])['AccessKeyLastUsed']
mfa = iam.create_virtual_mfa_device(VirtualMFADeviceName='boto-mfa')['VirtualMFADevice']
res['mfa'] = (mfa['SerialNumber'], len(mfa['Base32StringSeed']), mfa['QRCodePNG'][:4] == b'\\x89PNG')
for i in range(3):
    iam.create_role(RoleName='boto-role-%d' % i, Path='/boto/', AssumeRolePolicyDocument=${JSON.stringify(trustPolicy())})
pages = iam.get_paginator('list_roles').paginate(PathPrefix='/boto/', PaginationConfig={'PageSize': 2})
res['roles'] = [r['RoleName'] for page in pages for r in page['Roles']]
res['trust'] = iam.get_role(RoleName='boto-role-0')['Role']['AssumeRolePolicyDocument']
try:
    iam.delete_policy(PolicyArn=arn)
except iam.exceptions.DeleteConflictException as e:
    res['conflict'] = (e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode'])
try:
    iam.get_role(RoleName='nope')
except iam.exceptions.NoSuchEntityException as e:
    res['missing'] = (e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'])
out(res)
`,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual({
      user: [{ Key: 'k', Value: 'v' }],
      doc: JSON.parse(allowPolicy('sqs:SendMessage')),
      versions: ['v2', 'v1'],
      attached: ['boto-pol'],
      key: ['AKIA', 20, 40, 'Active'],
      lastUsed: { ServiceName: 'N/A', Region: 'N/A' },
      mfa: ['arn:aws:iam::000000000000:mfa/boto-mfa', 32, true],
      roles: ['boto-role-0', 'boto-role-1', 'boto-role-2'],
      trust: JSON.parse(trustPolicy()),
      conflict: ['DeleteConflict', 'Cannot delete a policy attached to entities.', 409],
      missing: ['NoSuchEntity', 404],
    });
  });
});
