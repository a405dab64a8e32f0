/**
 * EC2's encoded authorization failure messages and STS DecodeAuthorizationMessage's JSON:
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
import { describe, expect, it } from 'vitest';
import { decodeAuthorizationMessage, encodeAuthorizationMessage, evaluate } from '../../src/iam/index.js';
import { ACCOUNT, ctx, doc, identity, request, roleSession, user } from './helpers.js';

const INSTANCE = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/*`;

function denied() {
  const alice = user('alice');
  const req = request(alice, 'ec2:RunInstances', INSTANCE, ctx({ 'aws:SourceIp': '203.0.113.7', 'ec2:InstanceType': 't3.large', 'aws:TagKeys': ['team', 'env'] }));
  const policy = identity(
    doc(
      { Sid: 'All', Effect: 'Allow', Action: 'ec2:*', Resource: '*' },
      { Sid: 'SmallOnly', Effect: 'Deny', Action: ['ec2:RunInstances', 'ec2:StartInstances'], Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { StringNotEquals: { 'ec2:InstanceType': ['t3.micro', 't3.small'] } } },
    ),
  );
  const decision = evaluate(req, { identity: [policy] });
  return { req, decision };
}

describe('encodeAuthorizationMessage / decodeAuthorizationMessage', () => {
  it('round-trips to the JSON structure STS DecodeAuthorizationMessage returns', () => {
    const { req, decision } = denied();
    const encoded = encodeAuthorizationMessage(req, decision);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    const text = decodeAuthorizationMessage(encoded);
    expect(text).toBeDefined();
    expect(JSON.parse(text as string)).toEqual({
      allowed: false,
      explicitDeny: true,
      matchedStatements: {
        items: [
          {
            statementId: 'SmallOnly',
            effect: 'DENY',
            principals: { items: [{ value: req.principal.userId }] },
            principalGroups: { items: [] },
            actions: { items: [{ value: 'ec2:RunInstances' }, { value: 'ec2:StartInstances' }] },
            resources: { items: [{ value: 'arn:aws:ec2:*:*:instance/*' }] },
            conditions: { items: [{ key: 'ec2:InstanceType', values: { items: [{ value: 't3.micro' }, { value: 't3.small' }] } }] },
          },
        ],
      },
      failures: { items: [] },
      context: {
        principal: { id: req.principal.userId, name: 'alice', arn: req.principal.arn },
        action: 'ec2:RunInstances',
        resource: INSTANCE,
        conditions: {
          items: [
            { key: 'aws:SourceIp', values: { items: [{ value: '203.0.113.7' }] } },
            { key: 'ec2:InstanceType', values: { items: [{ value: 't3.large' }] } },
            { key: 'aws:TagKeys', values: { items: [{ value: 'team' }, { value: 'env' }] } },
          ],
        },
      },
    });
  });

  it('starts the JSON with "allowed", as AWS does', () => {
    const { req, decision } = denied();
    expect(decodeAuthorizationMessage(encodeAuthorizationMessage(req, decision))).toMatch(/^\{"allowed":false,"explicitDeny":true,"matchedStatements":\{"items":\[/);
  });

  it('an implicit deny has explicitDeny false and no matched Deny', () => {
    const req = request(user('bob'), 'ec2:RunInstances', INSTANCE, ctx());
    const decision = evaluate(req, { identity: [] });
    const json = JSON.parse(decodeAuthorizationMessage(encodeAuthorizationMessage(req, decision)) as string);
    expect(json.allowed).toBe(false);
    expect(json.explicitDeny).toBe(false);
    expect(json.matchedStatements.items).toEqual([]);
    expect(json.context.principal).toEqual({ id: req.principal.userId, name: 'bob', arn: req.principal.arn });
  });

  it('a role session shows the role id as the statement principal and the session id in the context', () => {
    const dev = roleSession('Dev', 'ci');
    const req = request(dev, 'ec2:RunInstances', INSTANCE, ctx());
    const decision = evaluate(req, { identity: [identity(doc({ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }))] });
    const json = JSON.parse(decodeAuthorizationMessage(encodeAuthorizationMessage(req, decision)) as string);
    expect(json.matchedStatements.items[0].principals.items[0].value).toBe(dev.userId.split(':')[0]);
    expect(json.context.principal).toEqual({ id: dev.userId, arn: dev.arn });
  });

  it('is deterministic', () => {
    const { req, decision } = denied();
    expect(encodeAuthorizationMessage(req, decision)).toBe(encodeAuthorizationMessage(req, decision));
  });

  it('rejects tampered messages', () => {
    const { req, decision } = denied();
    const encoded = encodeAuthorizationMessage(req, decision);
    for (const at of [0, 1, 5, 20, Math.floor(encoded.length / 2), encoded.length - 3]) {
      const c = encoded[at] === 'A' ? 'B' : 'A';
      const tampered = encoded.slice(0, at) + c + encoded.slice(at + 1);
      expect(decodeAuthorizationMessage(tampered)).toBeUndefined();
    }
    expect(decodeAuthorizationMessage(encoded.slice(0, -1))).toBeUndefined();
    expect(decodeAuthorizationMessage(`${encoded}AA`)).toBeUndefined();
  });

  it('rejects strings it did not produce', () => {
    for (const s of ['', 'hello', 'EXAMPLEWodyRNrtlQARDip-eTA6i6DrlUhHhPQrLWB_lAbl5pAKxl9mPDLexYcGBreyIKQC1BGBIpBKr3dFDkwqeO7e2NMk5j_hmzAiChJN', 'a b c', '!!!!', 'AQAAAAAAAAAAAAAAAAAAAAAA']) {
      expect(decodeAuthorizationMessage(s)).toBeUndefined();
    }
  });
});
