/** Shared bits for the Parameter Store tests. */
import { SSMClient } from '@aws-sdk/client-ssm';
import type { TestNimbus } from '../../helpers/nimbus.js';

export function ssmClient(nimbus: TestNimbus, overrides: Record<string, unknown> = {}): SSMClient {
  return new SSMClient(nimbus.clientConfig(overrides));
}

export { expectError, type SdkError } from '../../helpers/sdk-errors.js';
