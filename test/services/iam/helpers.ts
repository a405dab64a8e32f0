/** Shared bits for the IAM tests. */
import { IAMClient } from '@aws-sdk/client-iam';
import type { TestNimbus } from '../../helpers/nimbus.js';

import { expectError as expectSdkError, type SdkError } from '../ssm/helpers.js';

/** IAM's statuses per error (from the model's awsQueryError traits). */
const STATUS: Record<string, number> = {
  NoSuchEntityException: 404,
  EntityAlreadyExistsException: 409,
  DeleteConflictException: 409,
  LimitExceededException: 409,
  InvalidAuthenticationCodeException: 403,
  UnmodifiableEntityException: 400,
};

/** Awaits a call that must fail with IAM's error (status defaults to IAM's for that error). */
export function expectError(call: Promise<unknown>, name: string, message?: string | RegExp, status?: number): Promise<SdkError> {
  return expectSdkError(call, name, message, status ?? STATUS[name] ?? 400);
}

export function iamClient(nimbus: TestNimbus, overrides: Record<string, unknown> = {}): IAMClient {
  return new IAMClient(nimbus.clientConfig(overrides));
}

export const ACCOUNT = '000000000000';

/** A trust policy letting a service assume the role. */
export function trustPolicy(service = 'lambda.amazonaws.com'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
}

export function allowPolicy(action: string | string[], resource: string | string[] = '*'): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });
}
