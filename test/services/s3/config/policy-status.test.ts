/** domain/policy-status.ts: AWS's definition of a public bucket policy. */
import { describe, expect, it } from 'vitest';
import { isPublicPolicy } from '../../../../src/services/s3/domain/policy-status.js';

const policy = (statement: Record<string, unknown>) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', ...statement }] });

describe('isPublicPolicy', () => {
  it('counts grants to everyone as public', () => {
    expect(isPublicPolicy(policy({ Principal: '*' }))).toBe(true);
    expect(isPublicPolicy(policy({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }))).toBe(true);
    expect(isPublicPolicy(policy({ NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }))).toBe(true);
  });

  it('does not count fixed principals, denials or restricting conditions', () => {
    expect(isPublicPolicy(policy({ Principal: { AWS: 'arn:aws:iam::111122223333:root' } }))).toBe(false);
    expect(isPublicPolicy(policy({ Principal: { Service: 'cloudfront.amazonaws.com' } }))).toBe(false);
    expect(isPublicPolicy(policy({ Effect: 'Deny', Principal: '*' }))).toBe(false);
    expect(isPublicPolicy(policy({ Principal: '*', Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:cloudfront::111122223333:distribution/E1' } } }))).toBe(false);
    expect(isPublicPolicy(policy({ Principal: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws:SourceVpce': ['vpce-1', 'vpce-2'] } } }))).toBe(false);
    expect(isPublicPolicy(policy({ Principal: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalAccount': '111122223333' } } }))).toBe(false);
    expect(isPublicPolicy(policy({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }))).toBe(false);
  });

  it('still counts conditions that pin nothing', () => {
    expect(isPublicPolicy(policy({ Principal: '*', Condition: { StringNotEquals: { 'aws:SourceAccount': '111122223333' } } }))).toBe(true);
    expect(isPublicPolicy(policy({ Principal: '*', Condition: { StringEquals: { 's3:prefix': 'public/' } } }))).toBe(true);
    expect(isPublicPolicy(policy({ Principal: '*', Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '0.0.0.0/1'] } } }))).toBe(true);
    expect(isPublicPolicy(policy({ Principal: '*', Condition: { StringLike: { 'aws:userid': 'AROAEXAMPLE:*' } } }))).toBe(true);
  });
});
