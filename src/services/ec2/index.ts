/** Amazon EC2 (ec2 query protocol): regions and zones so far. */
import { defineService } from '../service.js';
import { Ec2Errors } from './domain/errors.js';
import type { Operations } from './generated/operations.js';
import { describeAvailabilityZones } from './operations/describe-availability-zones.js';
import { describeRegions } from './operations/describe-regions.js';

export const ec2 = defineService<Operations>({
  model: 'ec2',
  validation: { kind: 'ec2' },
  handlers: {
    DescribeRegions: describeRegions,
    DescribeAvailabilityZones: describeAvailabilityZones,
  },
  /**
   * `DryRun`: EC2 checks the caller may act, then answers DryRunOperation (412) instead of acting,
   * or UnauthorizedOperation when not allowed. Authorization has run by the time this hook does.
   */
  beforeInvoke(_operation, input) {
    if (input.DryRun === true) throw Ec2Errors.dryRunOperation();
  },
});
