/**
 * The IAM enforcement phase: what policy evaluation costs. Two Nimbus processes, one with
 * `--iam enforce` and one with `--iam off`, each with the same IAM user whose inline policy has
 * ten statements (the one that allows GetParameter last, so every statement is looked at, plus
 * explicit denies and conditions); autocannon replays a GetParameter signed with that user's
 * keys at each, in interleaved rounds. Both verify the signature (real keys always are), so the
 * difference is the authorize step. Target: CPU per request with enforcement ≤ 1.10× off.
 */
import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { startServer, type RunningServer } from './processes.js';
import { phaseLine, round, table, type PhaseResult } from './report.js';
import { clientConfig, describeSdkError, type Operation, type SdkClient } from './requests.js';
import { autocannonTarget, runInterleaved, type TimingOptions } from './targets.js';

export const IAM_CPU_RATIO_MAX = 1.1;
const PARAM = '/nimbus-bench/param';
const VALUE = 'bench-value';
const A = '000000000000';

/** Ten statements as a real least-privilege policy might have them; GetParameter is allowed by the last. */
export const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'NoDeletes', Effect: 'Deny', Action: ['ssm:DeleteParameter', 'ssm:DeleteParameters'], Resource: '*' },
    { Sid: 'NoSecrets', Effect: 'Deny', Action: 'ssm:*', Resource: `arn:aws:ssm:*:${A}:parameter/secret/*` },
    { Sid: 'OnlyHomeRegion', Effect: 'Deny', Action: 'ssm:*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } } },
    { Sid: 'Objects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::app-bucket/${aws:username}/*' },
    { Sid: 'Tables', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: `arn:aws:dynamodb:us-east-1:${A}:table/app-*` },
    { Sid: 'Queues', Effect: 'Allow', Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:us-east-1:${A}:app-queue` },
    { Sid: 'WriteOwn', Effect: 'Allow', Action: 'ssm:PutParameter', Resource: `arn:aws:ssm:us-east-1:${A}:parameter/users/\${aws:username}/*` },
    { Sid: 'Describe', Effect: 'Allow', Action: 'ssm:Describe*', Resource: '*' },
    { Sid: 'FromOffice', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
    { Sid: 'ReadApp', Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParametersByPath'], Resource: `arn:aws:ssm:us-east-1:${A}:parameter/nimbus-bench/*` },
  ],
});

/** Creates the parameter and the user (as root); returns the user's keys. */
async function setup(endpoint: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const ssm = new SSMClient(clientConfig(endpoint));
  const iam = new IAMClient(clientConfig(endpoint));
  try {
    await ssm.send(new PutParameterCommand({ Name: PARAM, Value: VALUE, Type: 'String', Overwrite: true }));
    await iam.send(new CreateUserCommand({ UserName: 'bench' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'bench', PolicyName: 'ten-statements', PolicyDocument: POLICY }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'bench' }));
    return { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! };
  } finally {
    ssm.destroy();
    iam.destroy();
  }
}

function asUser(name: string, credentials: { accessKeyId: string; secretAccessKey: string }): Operation {
  return {
    name,
    client: (endpoint) => new SSMClient({ ...clientConfig(endpoint), credentials }) as unknown as SdkClient,
    command: () => new GetParameterCommand({ Name: PARAM }),
    looksRight: (body) => body.includes(VALUE),
  };
}

export interface IamComparison {
  connections: number;
  enforceCpuUsPerOp: number;
  offCpuUsPerOp: number;
  /** Median of the per-round ratios (enforce ÷ off). */
  cpuRatio: number;
  roundRatios: number[];
  ok: boolean;
}

export async function iamPhase(opts: TimingOptions, connections: readonly number[]): Promise<{ phases: PhaseResult[]; comparisons: IamComparison[] }> {
  const servers: RunningServer[] = [];
  const phases: PhaseResult[] = [];
  const comparisons: IamComparison[] = [];
  try {
    const enforce = await startServer('nimbus', { args: ['--iam', 'enforce'] });
    servers.push(enforce);
    const off = await startServer('nimbus', { args: ['--iam', 'off'] });
    servers.push(off);
    const ops = { enforce: asUser('ssm.GetParameter as IAM user, --iam enforce', await setup(enforce.endpoint)), off: asUser('ssm.GetParameter as IAM user, --iam off', await setup(off.endpoint)) };
    for (const c of connections) {
      console.log(`\n▸ IAM enforcement, ${c} connection${c > 1 ? 's' : ''} (10-statement policy)`);
      const [e, o] = await runInterleaved([autocannonTarget(enforce, ops.enforce, c, opts), autocannonTarget(off, ops.off, c, opts)], opts);
      for (const r of [e!, o!]) {
        phases.push(r);
        console.log(`  ${phaseLine(r)}`);
        if (r.refused) console.log(`      probe answered ${r.probe}`);
      }
      if (e!.figures && o!.figures) {
        const roundRatios = e!.rounds!.map((x, i) => round(x.cpuUsPerOp / o!.rounds![i]!.cpuUsPerOp, 3));
        const sorted = [...roundRatios].sort((a, b) => a - b);
        const cpuRatio = sorted[Math.floor(sorted.length / 2)]!;
        comparisons.push({ connections: c, enforceCpuUsPerOp: e!.figures.cpuUsPerOp, offCpuUsPerOp: o!.figures.cpuUsPerOp, cpuRatio, roundRatios, ok: cpuRatio <= IAM_CPU_RATIO_MAX });
      }
    }
  } catch (e) {
    console.log(`  IAM phase failed: ${describeSdkError(e)}`);
  } finally {
    for (const s of servers) await s.stop();
  }
  return { phases, comparisons };
}

export function printIamSummary(comparisons: IamComparison[]): void {
  if (!comparisons.length) return;
  console.log('');
  console.log(table(['IAM enforcement (GetParameter as an IAM user)', 'enforce', 'off', 'ratio', 'target', '', '(rounds)'],
    comparisons.map((c) => [`autocannon c${c.connections}`, `${c.enforceCpuUsPerOp} µs`, `${c.offCpuUsPerOp} µs`, `${c.cpuRatio.toFixed(2)}×`, `≤ ${IAM_CPU_RATIO_MAX}×`, c.ok ? '✓' : '✗', `${Math.min(...c.roundRatios).toFixed(2)}-${Math.max(...c.roundRatios).toFixed(2)}`])));
  console.log('ratio: median over interleaved rounds of server CPU per request with --iam enforce ÷ with --iam off; both verify the signature.');
}
