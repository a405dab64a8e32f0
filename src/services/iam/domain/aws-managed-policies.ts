/**
 * A curated set of AWS managed policies (`arn:aws:iam::aws:policy/…`). Each can be read
 * (GetPolicy, GetPolicyVersion, ListPolicies with Scope AWS) and attached like AWS's. The
 * documents of the small policies are AWS's; the large read-only and service policies are
 * faithful in spirit (same services, same access level) — README.md lists which.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html
 */
import { createHash } from 'node:crypto';
import { AWS_POLICY_PREFIX } from './arns.js';

export interface AwsManagedPolicy {
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly policyId: string;
  readonly description: string;
  readonly defaultVersion: number;
  readonly createDate: Date;
  readonly updateDate: Date;
  readonly document: string;
  /** The document is AWS's verbatim (else faithful in spirit; see README.md). */
  readonly verbatim: boolean;
}

interface Definition {
  name: string;
  path?: string;
  description: string;
  version: number;
  created: string;
  updated: string;
  statements: unknown[];
  verbatim?: boolean;
  /** AWS's policy id where known. */
  id?: string;
}

const allow = (action: string | string[], resource: string | string[] = '*', extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });

/** Read-only verbs per service, for ReadOnlyAccess and the *ReadOnlyAccess policies. */
const READ_ONLY: Record<string, string[]> = {
  s3: ['s3:Get*', 's3:List*', 's3:Describe*'],
  dynamodb: ['dynamodb:BatchGet*', 'dynamodb:Describe*', 'dynamodb:Get*', 'dynamodb:List*', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PartiQLSelect'],
  sqs: ['sqs:Get*', 'sqs:List*'],
  sns: ['sns:Get*', 'sns:List*', 'sns:Check*'],
  lambda: ['lambda:Get*', 'lambda:List*'],
  iam: ['iam:Generate*', 'iam:Get*', 'iam:List*', 'iam:Simulate*'],
  ssm: ['ssm:Describe*', 'ssm:Get*', 'ssm:List*'],
  kms: ['kms:Describe*', 'kms:Get*', 'kms:List*'],
  secretsmanager: ['secretsmanager:Describe*', 'secretsmanager:GetResourcePolicy', 'secretsmanager:List*'],
  states: ['states:Describe*', 'states:Get*', 'states:List*'],
  events: ['events:Describe*', 'events:List*', 'events:Test*'],
  logs: ['logs:Describe*', 'logs:Get*', 'logs:List*', 'logs:StartQuery', 'logs:StopQuery', 'logs:TestMetricFilter', 'logs:FilterLogEvents'],
  cloudwatch: ['cloudwatch:Describe*', 'cloudwatch:Get*', 'cloudwatch:List*'],
  kinesis: ['kinesis:Describe*', 'kinesis:Get*', 'kinesis:List*'],
  cloudformation: ['cloudformation:Describe*', 'cloudformation:Detect*', 'cloudformation:Estimate*', 'cloudformation:Get*', 'cloudformation:List*', 'cloudformation:Validate*'],
  apigateway: ['apigateway:GET'],
  ec2: ['ec2:Describe*', 'ec2:Get*'],
  sts: ['sts:GetCallerIdentity', 'sts:GetSessionToken', 'sts:DecodeAuthorizationMessage'],
};

const DEFINITIONS: Definition[] = [
  {
    name: 'AdministratorAccess',
    id: 'ANPAIWMBCKSKIEE64ZLYK',
    description: 'Provides full access to AWS services and resources.',
    version: 1,
    created: '2015-02-06T18:39:46Z',
    updated: '2015-02-06T18:39:46Z',
    statements: [allow('*')],
    verbatim: true,
  },
  {
    name: 'PowerUserAccess',
    description: 'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    version: 5,
    created: '2015-02-06T18:39:47Z',
    updated: '2023-07-06T22:04:00Z',
    statements: [
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow([
        'account:GetAccountInformation',
        'account:GetPrimaryEmail',
        'account:ListRegions',
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeOrganization',
      ]),
    ],
    verbatim: true,
  },
  {
    name: 'ReadOnlyAccess',
    description: 'Provides read-only access to AWS services and resources.',
    version: 1,
    created: '2015-02-06T18:39:48Z',
    updated: '2015-02-06T18:39:48Z',
    statements: [{ Sid: 'ReadOnlyActions', ...allow(Object.values(READ_ONLY).flat()) }],
  },
  {
    name: 'IAMFullAccess',
    description: 'Provides full access to IAM via the AWS Management Console.',
    version: 2,
    created: '2015-02-06T18:40:38Z',
    updated: '2019-06-21T19:40:00Z',
    statements: [allow(['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'])],
    verbatim: true,
  },
  {
    name: 'IAMReadOnlyAccess',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    version: 4,
    created: '2015-02-06T18:40:39Z',
    updated: '2018-01-25T19:11:27Z',
    statements: [allow(['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy'])],
    verbatim: true,
  },
  {
    name: 'AmazonS3FullAccess',
    description: 'Provides full access to all buckets via the AWS Management Console.',
    version: 2,
    created: '2015-02-06T18:40:58Z',
    updated: '2021-09-27T20:16:37Z',
    statements: [allow(['s3:*', 's3-object-lambda:*'])],
    verbatim: true,
  },
  {
    name: 'AmazonS3ReadOnlyAccess',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    version: 3,
    created: '2015-02-06T18:40:59Z',
    updated: '2023-08-10T21:31:39Z',
    statements: [allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])],
    verbatim: true,
  },
  {
    name: 'AmazonDynamoDBFullAccess',
    description: 'Provides full access to Amazon DynamoDB via the AWS Management Console.',
    version: 1,
    created: '2015-02-06T18:40:11Z',
    updated: '2015-02-06T18:40:11Z',
    statements: [
      allow(['dynamodb:*', 'dax:*', 'application-autoscaling:*', 'cloudwatch:DeleteAlarms', 'cloudwatch:DescribeAlarmHistory', 'cloudwatch:DescribeAlarms', 'cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics', 'cloudwatch:PutMetricAlarm', 'kinesis:ListStreams', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kms:DescribeKey', 'kms:ListAliases', 'sns:CreateTopic', 'sns:DeleteTopic', 'sns:ListSubscriptions', 'sns:ListSubscriptionsByTopic', 'sns:ListTopics', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:SetTopicAttributes', 'lambda:CreateFunction', 'lambda:ListFunctions', 'lambda:ListEventSourceMappings', 'lambda:CreateEventSourceMapping', 'lambda:DeleteEventSourceMapping', 'lambda:GetFunctionConfiguration', 'lambda:DeleteFunction', 'iam:GetRole', 'iam:ListRoles']),
      allow('iam:PassRole', '*', { Condition: { StringLike: { 'iam:PassedToService': ['application-autoscaling.amazonaws.com', 'application-autoscaling.amazonaws.com.cn', 'dax.amazonaws.com'] } } }),
      allow('iam:CreateServiceLinkedRole', '*', { Condition: { StringEquals: { 'iam:AWSServiceName': ['replication.dynamodb.amazonaws.com', 'dax.amazonaws.com', 'dynamodb.application-autoscaling.amazonaws.com', 'contributorinsights.dynamodb.amazonaws.com', 'kinesisreplication.dynamodb.amazonaws.com'] } } }),
    ],
  },
  {
    name: 'AmazonDynamoDBReadOnlyAccess',
    description: 'Provides read only access to Amazon DynamoDB via the AWS Management Console.',
    version: 1,
    created: '2015-02-06T18:40:12Z',
    updated: '2015-02-06T18:40:12Z',
    statements: [allow([...READ_ONLY.dynamodb!, 'dax:Describe*', 'dax:List*', 'dax:GetItem', 'dax:BatchGetItem', 'dax:Query', 'dax:Scan', 'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities', 'application-autoscaling:DescribeScalingPolicies', 'cloudwatch:DescribeAlarmHistory', 'cloudwatch:DescribeAlarms', 'cloudwatch:DescribeAlarmsForMetric', 'cloudwatch:GetMetricData', 'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics', 'kms:DescribeKey', 'kms:ListAliases', 'sns:ListSubscriptionsByTopic', 'sns:ListTopics', 'lambda:ListFunctions', 'lambda:ListEventSourceMappings', 'lambda:GetFunctionConfiguration', 'iam:GetRole', 'iam:ListRoles'])],
  },
  {
    name: 'AmazonSQSFullAccess',
    description: 'Provides full access to Amazon SQS via the AWS Management Console.',
    version: 1,
    created: '2015-02-06T18:41:07Z',
    updated: '2015-02-06T18:41:07Z',
    statements: [allow('sqs:*')],
    verbatim: true,
  },
  {
    name: 'AmazonSNSFullAccess',
    description: 'Provides full access to Amazon SNS via the AWS Management Console.',
    version: 1,
    created: '2015-02-06T18:41:05Z',
    updated: '2015-02-06T18:41:05Z',
    statements: [allow('sns:*')],
    verbatim: true,
  },
  {
    name: 'AWSLambda_FullAccess',
    description: 'Grants full access to AWS Lambda service, AWS Lambda console features, and other related AWS services.',
    version: 1,
    created: '2020-11-23T20:39:48Z',
    updated: '2020-11-23T20:39:48Z',
    statements: [
      allow(['cloudformation:DescribeStacks', 'cloudformation:ListStackResources', 'cloudwatch:ListMetrics', 'cloudwatch:GetMetricData', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'kms:ListAliases', 'iam:GetPolicy', 'iam:GetPolicyVersion', 'iam:GetRole', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:ListRoles', 'lambda:*', 'logs:DescribeLogGroups', 'states:DescribeStateMachine', 'states:ListStateMachines', 'tag:GetResources', 'xray:GetTraceSummaries', 'xray:BatchGetTraces']),
      allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }),
      allow(['logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents'], 'arn:aws:logs:*:*:log-group:/aws/lambda/*'),
    ],
    verbatim: true,
  },
  {
    name: 'AWSLambdaBasicExecutionRole',
    path: '/service-role/',
    description: 'Provides write permissions to CloudWatch Logs.',
    version: 1,
    created: '2015-04-09T15:03:43Z',
    updated: '2015-04-09T15:03:43Z',
    statements: [allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'])],
    verbatim: true,
  },
  {
    name: 'AmazonSSMFullAccess',
    description: 'Provides full access to Amazon SSM.',
    version: 5,
    created: '2015-05-29T17:39:47Z',
    updated: '2021-03-22T18:30:37Z',
    statements: [
      allow(['cloudwatch:PutMetricData', 'ds:CreateComputer', 'ds:DescribeDirectories', 'ec2:DescribeInstanceStatus', 'logs:*', 'ssm:*', 'ec2messages:*']),
      allow('iam:CreateServiceLinkedRole', 'arn:aws:iam::*:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM*', { Condition: { StringLike: { 'iam:AWSServiceName': 'ssm.amazonaws.com' } } }),
      allow(['iam:DeleteServiceLinkedRole', 'iam:GetServiceLinkedRoleDeletionStatus'], 'arn:aws:iam::*:role/aws-service-role/ssm.amazonaws.com/AWSServiceRoleForAmazonSSM*'),
      allow(['ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel']),
    ],
    verbatim: true,
  },
  {
    name: 'AmazonSSMReadOnlyAccess',
    description: 'Provides read only access to Amazon SSM.',
    version: 1,
    created: '2015-05-29T17:44:19Z',
    updated: '2015-05-29T17:44:19Z',
    statements: [allow(READ_ONLY.ssm!)],
    verbatim: true,
  },
  {
    name: 'AWSStepFunctionsFullAccess',
    description: 'An access policy for providing a user/role/etc access to the AWS StepFunctions API. For full access, in addition to this policy, a user MUST have iam:PassRole permission on at least one IAM role that can be assumed by the service.',
    version: 1,
    created: '2017-01-12T00:19:34Z',
    updated: '2017-01-12T00:19:34Z',
    statements: [allow('states:*')],
    verbatim: true,
  },
  {
    name: 'CloudWatchLogsFullAccess',
    description: 'Provides full access to CloudWatch Logs',
    version: 1,
    created: '2015-02-06T18:40:02Z',
    updated: '2015-02-06T18:40:02Z',
    statements: [allow(['logs:*', 'cloudwatch:GenerateQuery'])],
  },
];

/** A stable id for policies whose real id Nimbus does not carry (ANPA + 17 base32 characters). */
function derivedId(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(`aws-managed-policy:${name}`).digest();
  let id = 'ANPA';
  for (let i = 0; i < 17; i++) id += alphabet[digest[i]! & 31];
  return id;
}

function build(d: Definition): AwsManagedPolicy {
  const path = d.path ?? '/';
  return {
    name: d.name,
    path,
    arn: `${AWS_POLICY_PREFIX}${path.slice(1)}${d.name}`,
    policyId: d.id ?? derivedId(d.name),
    description: d.description,
    defaultVersion: d.version,
    createDate: new Date(d.created),
    updateDate: new Date(d.updated),
    document: JSON.stringify({ Version: '2012-10-17', Statement: d.statements }, null, 4),
    verbatim: d.verbatim === true,
  };
}

/** In name order (case-insensitive), as ListPolicies returns them. */
export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = DEFINITIONS.map(build).sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));

const BY_ARN = new Map(AWS_MANAGED_POLICIES.map((p) => [p.arn, p]));

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return BY_ARN.get(arn);
}
