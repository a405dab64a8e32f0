/** Every service Nimbus implements. A vendored model without an entry here answers 501 for each operation. */
import type { ServiceDefinition } from './service.js';
import { dynamodb } from './dynamodb/index.js';
import { dynamodbstreams } from './dynamodbstreams/index.js';
import { ec2 } from './ec2/index.js';
import { iam } from './iam/index.js';
import { s3 } from './s3/index.js';
import { ssm } from './ssm/index.js';
import { sts } from './sts/index.js';

export const SERVICES: readonly ServiceDefinition[] = [dynamodb, dynamodbstreams, ec2, iam, s3, ssm, sts];
