import { IamErrors } from '../domain/errors.js';
import { iamNow, uniqueId } from '../domain/ids.js';
import { renderRole } from '../domain/render.js';
import type { CreateServiceLinkedRoleRequest, CreateServiceLinkedRoleResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';
import type { RoleRow } from '../store/records.js';

/** Service-linked roles live under /aws-service-role/<service>/ and only AWS may change them. */
export function isServiceLinked(role: RoleRow): boolean {
  return role.path.startsWith('/aws-service-role/');
}

/** The role names AWS gives some common services' linked roles; others are derived from the service name. */
const KNOWN_NAMES: Record<string, string> = {
  'autoscaling.amazonaws.com': 'AutoScaling',
  'ecs.amazonaws.com': 'ECS',
  'elasticloadbalancing.amazonaws.com': 'ElasticLoadBalancing',
  'rds.amazonaws.com': 'RDS',
  'ssm.amazonaws.com': 'AmazonSSM',
  'elasticbeanstalk.amazonaws.com': 'ElasticBeanstalk',
  'dynamodb.application-autoscaling.amazonaws.com': 'ApplicationAutoScaling_DynamoDBTable',
  'replication.dynamodb.amazonaws.com': 'DynamoDBReplication',
  'lambda.amazonaws.com': 'Lambda',
  'ec2.amazonaws.com': 'EC2',
  'eks.amazonaws.com': 'AmazonEKS',
  'es.amazonaws.com': 'AmazonElasticsearchService',
  'opensearchservice.amazonaws.com': 'AmazonOpenSearchService',
  'organizations.amazonaws.com': 'Organizations',
  'support.amazonaws.com': 'Support',
  'trustedadvisor.amazonaws.com': 'TrustedAdvisor',
};

function roleSuffix(service: string): string {
  const known = KNOWN_NAMES[service];
  if (known) return known;
  const label = service.replace(/\.amazonaws\.com(\.cn)?$/, '');
  return label
    .split(/[.-]/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

/**
 * Creates the role a service uses on the account's behalf, trusted by that service. (AWS also
 * attaches the service's own managed policy; Nimbus carries only a curated set of AWS managed
 * policies and attaches none.) https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html
 */
export async function createServiceLinkedRole(input: CreateServiceLinkedRoleRequest, ctx: Ctx): Promise<CreateServiceLinkedRoleResponse> {
  const service = input.AWSServiceName;
  if (!/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(service)) throw IamErrors.invalidInput(`Invalid ServiceName: ${service}`);
  const name = `AWSServiceRoleFor${roleSuffix(service)}${input.CustomSuffix ? `_${input.CustomSuffix}` : ''}`;
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole'] }] };
  const role: RoleRow = {
    accountId: ctx.accountId,
    roleId: uniqueId('AROA'),
    name,
    path: `/aws-service-role/${service}/`,
    createDate: iamNow(ctx.now()),
    trustPolicy: JSON.stringify(trust),
    description: input.Description,
    maxSessionDuration: 3600,
  };
  await ctx.store.transaction(() => {
    if (ctx.store.roles.get(ctx.accountId, name)) {
      throw IamErrors.invalidInput(`Service role name ${name} has been taken in this account, please try a different suffix.`);
    }
    ctx.store.roles.insert(role);
  });
  return { Role: { ...renderRole(role), RoleLastUsed: undefined } };
}
