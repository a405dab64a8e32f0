/**
 * The policy simulator, checked against AWS's documented behaviour. These results come from the
 * policy engine (src/iam): with its placeholder they fail, by design.
 */
import {
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreateUserCommand,
  GetContextKeysForCustomPolicyCommand,
  GetContextKeysForPrincipalPolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../helpers/nimbus.js';
import { ACCOUNT, allowPolicy, expectError, iamClient } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

const DENY_DELETE = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:*', Resource: '*' },
      { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: '*' },
    ],
  },
  null,
  2,
);

describe('IAM policy simulator', () => {
  it('simulates custom policies with decisions and statement positions', async () => {
    const iam = iamClient(nimbus);
    const res = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [DENY_DELETE], ActionNames: ['s3:GetObject', 's3:DeleteBucket', 'sqs:SendMessage'] }));
    const byAction = Object.fromEntries(res.EvaluationResults!.map((r) => [r.EvalActionName, r]));
    expect(byAction['s3:GetObject']).toMatchObject({ EvalDecision: 'allowed', EvalResourceName: '*' });
    expect(byAction['s3:GetObject']!.MatchedStatements).toEqual([
      { SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 8, Column: 5 } },
    ]);
    expect(byAction['s3:DeleteBucket']).toMatchObject({ EvalDecision: 'explicitDeny' });
    expect(byAction['s3:DeleteBucket']!.MatchedStatements![0]).toMatchObject({ SourcePolicyId: 'PolicyInputList.1', StartPosition: { Line: 9, Column: 5 } });
    expect(byAction['sqs:SendMessage']).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [] });
    expect(res.IsTruncated).toBe(false);
  });

  it('reports missing context keys and uses typed context entries', async () => {
    const iam = iamClient(nimbus);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' }, Bool: { 'aws:SecureTransport': 'true' } } }],
    });
    const missing = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s3:GetObject'] }));
    expect(missing.EvaluationResults![0]!.EvalDecision).toBe('implicitDeny');
    expect([...missing.EvaluationResults![0]!.MissingContextValues!].sort()).toEqual(['aws:SecureTransport', 'aws:SourceIp'].sort());
    const given = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [policy],
        ActionNames: ['s3:GetObject'],
        ContextEntries: [
          { ContextKeyName: 'aws:SourceIp', ContextKeyType: 'ip', ContextKeyValues: ['10.1.2.3'] },
          { ContextKeyName: 'aws:SecureTransport', ContextKeyType: 'boolean', ContextKeyValues: ['true'] },
        ],
      }),
    );
    expect(given.EvaluationResults![0]).toMatchObject({ EvalDecision: 'allowed', MissingContextValues: [] });
  });

  it('evaluates each resource and pages the results', async () => {
    const iam = iamClient(nimbus);
    const policy = allowPolicy('s3:GetObject', 'arn:aws:s3:::public/*');
    const res = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::public/a', 'arn:aws:s3:::private/b'], MaxItems: 1 }),
    );
    expect(res.IsTruncated).toBe(true);
    expect(res.EvaluationResults![0]).toMatchObject({ EvalResourceName: 'arn:aws:s3:::public/a', EvalDecision: 'allowed' });
    const rest = await iam.send(
      new SimulateCustomPolicyCommand({ PolicyInputList: [policy], ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::public/a', 'arn:aws:s3:::private/b'], Marker: res.Marker }),
    );
    expect(rest.EvaluationResults![0]).toMatchObject({ EvalResourceName: 'arn:aws:s3:::private/b', EvalDecision: 'implicitDeny' });
  });

  it('simulates a user with inline and attached policies and its permissions boundary', async () => {
    const iam = iamClient(nimbus);
    await iam.send(new CreateUserCommand({ UserName: 'sim' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'sim', PolicyName: 'sqs', PolicyDocument: allowPolicy('sqs:*') }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'sim', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
    const arn = `arn:aws:iam::${ACCOUNT}:user/sim`;
    const res = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['sqs:SendMessage', 's3:GetObject', 's3:PutObject'] }));
    const decisions = Object.fromEntries(res.EvaluationResults!.map((r) => [r.EvalActionName, r.EvalDecision]));
    expect(decisions).toEqual({ 'sqs:SendMessage': 'allowed', 's3:GetObject': 'allowed', 's3:PutObject': 'implicitDeny' });
    const sqs = res.EvaluationResults!.find((r) => r.EvalActionName === 'sqs:SendMessage')!;
    expect(sqs.MatchedStatements![0]).toMatchObject({ SourcePolicyId: 'sqs', SourcePolicyType: 'user' });
    const s3 = res.EvaluationResults!.find((r) => r.EvalActionName === 's3:GetObject')!;
    expect(s3.MatchedStatements![0]).toMatchObject({ SourcePolicyId: 'AmazonS3ReadOnlyAccess', SourcePolicyType: 'aws-managed' });

    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'only-s3', PolicyDocument: allowPolicy('s3:*') }));
    await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'sim', PermissionsBoundary: Policy!.Arn }));
    const bounded = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: arn, ActionNames: ['sqs:SendMessage', 's3:GetObject'] }));
    const sqsBounded = bounded.EvaluationResults!.find((r) => r.EvalActionName === 'sqs:SendMessage')!;
    expect(sqsBounded).toMatchObject({ EvalDecision: 'implicitDeny', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } });
    expect(bounded.EvaluationResults!.find((r) => r.EvalActionName === 's3:GetObject')).toMatchObject({
      EvalDecision: 'allowed',
      PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true },
    });
    await expectError(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/nobody`, ActionNames: ['s3:GetObject'] })), 'NoSuchEntityException');
  });

  it('refuses malformed input policies', async () => {
    await expectError(iamClient(nimbus).send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{'], ActionNames: ['s3:GetObject'] })), 'MalformedPolicyDocumentException');
  });
});

describe('IAM context keys', () => {
  it('lists the condition keys and variables of custom and principal policies', async () => {
    const iam = iamClient(nimbus);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/${aws:username}/*', Condition: { StringEquals: { 's3:prefix': 'x', 'aws:RequestTag/team': 'a' } } },
        { Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
      ],
    });
    const custom = await iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: [policy] }));
    expect([...custom.ContextKeyNames!].sort()).toEqual(['aws:MultiFactorAuthPresent', 'aws:RequestTag/team', 'aws:username', 's3:prefix'].sort());
    await iam.send(new CreateUserCommand({ UserName: 'ck' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'ck', PolicyName: 'p', PolicyDocument: policy }));
    const principal = await iam.send(new GetContextKeysForPrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:user/ck` }));
    expect([...principal.ContextKeyNames!].sort()).toEqual([...custom.ContextKeyNames!].sort());
    await expectError(iam.send(new GetContextKeysForCustomPolicyCommand({ PolicyInputList: ['nope'] })), 'MalformedPolicyDocumentException');
  });
});
