/**
 * EC2's errors. Its model declares none: EC2 answers with codes documented in
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html
 */
import { ServiceError } from '../../../shared/errors.js';

export const Ec2Errors = {
  /** What a DryRun request gets when it would have been allowed. */
  dryRunOperation: () => new ServiceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', { statusCode: 412 }),
  invalidFilter: (name: string) => new ServiceError('InvalidParameterValue', `The filter '${name}' is invalid`),
  invalidRegion: (names: string[]) => new ServiceError('InvalidParameterValue', `Invalid region: [${names.join(', ')}]`),
  invalidZoneName: (name: string) => new ServiceError('InvalidParameterValue', `The zone '${name}' does not exist.`),
  invalidZoneId: (id: string) => new ServiceError('InvalidParameterValue', `The zone ID '${id}' does not exist.`),
};
