/**
 * Micro-benchmark of the policy engine (not a test: it asserts nothing and times everything).
 *   npx tsx test/iam/bench-evaluate.ts [--iterations 2000000]
 * Prints nanoseconds per evaluate() for a user with a realistic 10-statement identity policy,
 * in a few shapes of request. The gateway budget is ≲2 µs per evaluation (the whole request
 * costs ~40–60 µs of CPU).
 */
import { evaluate, parsePolicy, type AuthorizationRequest, type ConditionContext, type PolicySet, type PrincipalInfo } from '../../src/iam/index.js';

const ACCOUNT = '123456789012';

const TEN_STATEMENTS = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadOwnParameters', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'], Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/app/*` },
    { Sid: 'WriteOwnParameters', Effect: 'Allow', Action: ['ssm:PutParameter', 'ssm:DeleteParameter'], Resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/\${aws:username}/*` },
    { Sid: 'Describe', Effect: 'Allow', Action: ['ssm:Describe*', 'ec2:Describe*', 'sts:GetCallerIdentity'], Resource: '*' },
    { Sid: 'Queues', Effect: 'Allow', Action: 'sqs:*', Resource: `arn:aws:sqs:us-east-1:${ACCOUNT}:app-*` },
    { Sid: 'Buckets', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::app-bucket/*' },
    { Sid: 'Tables', Effect: 'Allow', Action: 'dynamodb:*Item', Resource: `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/app` },
    { Sid: 'Secrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app/*`, Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } } },
    { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:/app/*` },
    { Sid: 'DenyOutsideRegion', Effect: 'Deny', NotAction: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } },
    { Sid: 'DenyProdParameters', Effect: 'Deny', Action: 'ssm:*', Resource: `arn:aws:ssm:*:${ACCOUNT}:parameter/prod/*` },
  ],
});

const principal: PrincipalInfo = {
  arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
  accountId: ACCOUNT,
  type: 'user',
  userId: 'AIDAEXAMPLEALICE00001',
  username: 'alice',
  tags: {},
};

/** Like the gateway's context: global keys computed on demand, operation keys in a small map. */
class LazyContext implements ConditionContext {
  private readonly operation = new Map<string, readonly string[]>();
  get size(): number {
    return this.operation.size;
  }
  get(key: string): readonly string[] | undefined {
    switch (key) {
      case 'aws:requestedregion':
        return ['us-east-1'];
      case 'aws:username':
        return [principal.username as string];
      case 'aws:userid':
        return [principal.userId];
      default:
        return this.operation.get(key);
    }
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  forEach(): void {}
  entries(): MapIterator<[string, readonly string[]]> {
    return this.operation.entries();
  }
  keys(): MapIterator<string> {
    return this.operation.keys();
  }
  values(): MapIterator<readonly string[]> {
    return this.operation.values();
  }
  [Symbol.iterator](): MapIterator<[string, readonly string[]]> {
    return this.operation.entries();
  }
}

const policies: PolicySet = {
  identity: [{ policy: parsePolicy(TEN_STATEMENTS, 'identity'), source: { type: 'identity', name: 'AppPolicy', arn: `arn:aws:iam::${ACCOUNT}:policy/AppPolicy` } }],
};

const context = new LazyContext();
const cases: [string, AuthorizationRequest][] = [
  ['allow: ssm:GetParameter (prefix resource, 2 denies checked)', { principal, action: 'ssm:GetParameter', resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/db/url`, context }],
  ['allow: ssm:PutParameter (policy variable in resource)', { principal, action: 'ssm:PutParameter', resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/alice/flag`, context }],
  ['allow: secretsmanager:GetSecretValue (condition)', { principal, action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app/db-AbCdEf`, context }],
  ['implicit deny: kms:Decrypt (nothing matches)', { principal, action: 'kms:Decrypt', resource: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234`, context }],
  ['explicit deny: ssm:GetParameter on /prod', { principal, action: 'ssm:GetParameter', resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/prod/db`, context }],
];

const arg = process.argv.indexOf('--iterations');
const iterations = arg > 0 ? Number(process.argv[arg + 1]) : 2_000_000;

let sink = 0;
for (const [name, request] of cases) {
  for (let i = 0; i < 200_000; i++) sink += evaluate(request, policies).allowed ? 1 : 0;
  const runs: number[] = [];
  for (let r = 0; r < 5; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations / 5; i++) sink += evaluate(request, policies).allowed ? 1 : 0;
    runs.push(Number(process.hrtime.bigint() - start) / (iterations / 5));
  }
  runs.sort((a, b) => a - b);
  const d = evaluate(request, policies);
  console.log(`${(runs[2] ?? 0).toFixed(0).padStart(6)} ns/evaluate  (min ${(runs[0] ?? 0).toFixed(0)})  ${name} → ${d.outcome}`);
}

// As in the gateway, where each request builds its resource ARN anew: a memo keyed by resource
// then hashes a fresh string once per request (actions whose statements all say "Resource": "*"
// skip that).
const names = ['db/url', 'db/user', 'flags/a', 'flags/b'];
const fresh: [string, (i: number) => AuthorizationRequest][] = [
  ['building a request alone (baseline)', (i) => ({ principal, action: 'ssm:GetParameter', resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/${names[i & 3]}`, context })],
  ['allow: ssm:GetParameter, fresh resource string per request', (i) => ({ principal, action: 'ssm:GetParameter', resource: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/app/${names[i & 3]}`, context })],
  ['allow: ec2:DescribeInstances ("Resource": "*" statements), fresh string', (i) => ({ principal, action: 'ec2:DescribeInstances', resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-${names[i & 3]}`, context })],
];
for (const [index, [name, make]] of fresh.entries()) {
  const run = (i: number) => (index === 0 ? make(i).resource.length : evaluate(make(i), policies).allowed ? 1 : 0);
  for (let i = 0; i < 200_000; i++) sink += run(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) sink += run(i);
  console.log(`${(Number(process.hrtime.bigint() - start) / iterations).toFixed(0).padStart(6)} ns/request   ${name}`);
}
if (sink < 0) console.log(sink);
