/** Shared setup for the identity tests: IAM users with policies and keys, clients signed as them. */
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { TestNimbus } from '../helpers/nimbus.js';

export const ACCOUNT = '000000000000';

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function policy(...statements: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Creates an IAM user (as root) with inline policies, and an access key for it. */
export async function userWithPolicies(nimbus: TestNimbus, name: string, policies: Record<string, string>): Promise<Keys> {
  const iam = new IAMClient(nimbus.clientConfig());
  await iam.send(new CreateUserCommand({ UserName: name }));
  for (const [policyName, doc] of Object.entries(policies)) {
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: policyName, PolicyDocument: doc }));
  }
  const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: name }));
  return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
}

export function ssmAs(nimbus: TestNimbus, credentials: Keys): SSMClient {
  return new SSMClient(nimbus.clientConfig({ credentials }));
}

export function stsAs(nimbus: TestNimbus, credentials: Keys): STSClient {
  return new STSClient(nimbus.clientConfig({ credentials }));
}

export function iamAs(nimbus: TestNimbus, credentials: Keys): IAMClient {
  return new IAMClient(nimbus.clientConfig({ credentials }));
}

/** The AWS error a call fails with (its name and message), or a failure if it succeeds. */
export async function failure(p: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Environment for the aws CLI signed as these keys. */
export function cliEnv(k: Keys): Record<string, string> {
  return { AWS_ACCESS_KEY_ID: k.accessKeyId, AWS_SECRET_ACCESS_KEY: k.secretAccessKey, ...(k.sessionToken ? { AWS_SESSION_TOKEN: k.sessionToken } : {}) };
}
