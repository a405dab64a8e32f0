/**
 * Client mistakes get AWS-shaped 4xx errors in the service's own envelope; the process never
 * crashes or answers 500 for them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FORM, raw, sigV4Header } from '../helpers/http.js';
import { useNimbus } from '../helpers/nimbus.js';

const md5 = (body: string) => createHash('md5').update(body).digest('base64');

const nimbus = useNimbus();

const dynamo = (target: string, body: string) =>
  raw(nimbus.current.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${target}`, authorization: sigV4Header('dynamodb') },
    body,
  });

const sts = (body: string) =>
  raw(nimbus.current.endpoint, { method: 'POST', headers: { 'content-type': FORM, authorization: sigV4Header('sts') }, body });

describe('malformed and invalid input', () => {
  it('malformed JSON → 400 SerializationException', async () => {
    const r = await dynamo('ListTables', '{"Limit": 3');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).__type).toBe('SerializationException');
  });

  it('a JSON body that is not an object → 400 SerializationException', async () => {
    const r = await dynamo('ListTables', '[1,2]');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).__type).toBe('SerializationException');
  });

  it('a member of the wrong type → 400 SerializationException', async () => {
    const r = await dynamo('ListTables', '{"Limit": "ten"}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ __type: 'SerializationException' });
  });

  it('missing required members → 400 ValidationException with every violation, in Coral wording', async () => {
    const r = await dynamo('GetItem', '{}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({
      __type: 'ValidationException',
      message:
        "2 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'key' failed to satisfy constraint: Member must not be null",
    });
  });

  it('an enum value outside the set → 400 ValidationException', async () => {
    const r = await dynamo('CreateTable', JSON.stringify({
      TableName: 'orders', BillingMode: 'CHEAP',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).message).toBe(
      "1 validation error detected: Value 'CHEAP' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
    );
  });

  it('a length constraint in a query service → 400 ValidationError in the query envelope', async () => {
    const r = await sts('Action=GetAccessKeyInfo&Version=2011-06-15&AccessKeyId=SHORT');
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>ValidationError</Code>');
    expect(r.body).toContain('<Message>1 validation error detected: Value &apos;SHORT&apos; at &apos;accessKeyId&apos; failed to satisfy constraint: Member must have length greater than or equal to 16</Message>');
  });

  it('a value that is not a number in a query service → 400 InvalidParameterValue', async () => {
    const r = await sts('Action=GetSessionToken&Version=2011-06-15&DurationSeconds=soon');
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>InvalidParameterValue</Code>');
  });

  it('broken percent-encoding in a query string → 400 MalformedQueryString', async () => {
    const r = await raw(nimbus.current.endpoint, { path: '/?Action=GetCallerIdentity&Version=2011-06-15&X=%ZZ', headers: { authorization: sigV4Header('sts') } });
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>MalformedQueryString</Code>');
  });

  it('an unknown query action → 400 InvalidAction', async () => {
    const r = await sts('Action=StealCredentials&Version=2011-06-15');
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>InvalidAction</Code><Message>The action StealCredentials is not valid for this web service.</Message>');
  });

  it('an unknown JSON target → 400 UnknownOperationException', async () => {
    const r = await dynamo('DropEverything', '{}');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).__type).toBe('UnknownOperationException');
  });

  it('an unknown REST route → 404 UnknownOperationException (rest-json)', async () => {
    const r = await raw(nimbus.current.endpoint, { method: 'DELETE', path: '/2015-03-31/functions', headers: { authorization: sigV4Header('lambda') } });
    expect(r.status).toBe(404);
    expect(r.headers['x-amzn-errortype']).toBe('UnknownOperationException');
  });

  it('malformed XML to S3 → 400 MalformedXML', async () => {
    const body = '<Tagging><TagSet><Tag>';
    // PutBucketTagging requires an integrity header; with one, the body reaches the XML parser.
    const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: '/bucket?tagging', headers: { 'content-type': 'application/xml', 'content-md5': md5(body) }, body });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/^<Error><Code>MalformedXML<\/Code><Message>The XML you provided was not well-formed or did not validate against our published schema/);
  });

  it('an XML body with an external entity is refused, not expanded', async () => {
    const body = '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><Tagging><TagSet><Tag><Key>&x;</Key><Value>v</Value></Tag></TagSet></Tagging>';
    const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: '/bucket?tagging', headers: { 'content-type': 'application/xml', 'content-md5': md5(body) }, body });
    expect(r.status).toBe(400);
    expect(r.body).not.toContain('root:');
  });

  it('a method S3 has no operation for → 405 MethodNotAllowed', async () => {
    const r = await raw(nimbus.current.endpoint, { method: 'PATCH', path: '/bucket/key' });
    expect(r.status).toBe(405);
    expect(r.body).toContain('<Code>MethodNotAllowed</Code>');
  });

  it('a malformed Authorization header → 400 IncompleteSignature', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': FORM, authorization: 'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/sts/aws4_request' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(r.status).toBe(400);
    expect(r.body).toContain('<Code>IncompleteSignature</Code>');
  });

  it('oversized headers → 431 with an XML error', async () => {
    const r = await raw(nimbus.current.endpoint, { headers: { 'x-huge': 'a'.repeat(100_000) } }).catch((e: Error) => ({ status: -1, body: e.message, headers: {} }));
    expect(r.status).toBe(431);
    expect(r.body).toContain('<Code>RequestHeaderSectionTooLarge</Code>');
  });

  it('a body larger than any operation accepts → 413 without reading it', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: sigV4Header('dynamodb'), 'content-length': String(200 * 1024 * 1024) },
      body: '{}',
    }).catch((e: Error) => ({ status: -1, body: e.message, headers: {} }));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).__type).toBe('RequestEntityTooLarge');
  });

  it('garbage of every kind never gets a 500 (other than 501 for unimplemented operations)', async () => {
    const paths = ['/', '/x', '/2015-03-31/functions/f/invocations', '/service/GraniteServiceVersion20100801/operation/PutMetricData', '/%ff%00', '/b/k?uploads', '/?Action=DescribeRegions&Version=2016-11-15'];
    const types = ['application/x-amz-json-1.1', 'application/x-www-form-urlencoded', 'application/xml', 'application/cbor', 'application/octet-stream', 'text/plain'];
    const targets = [undefined, 'AmazonSSM.PutParameter', 'DynamoDB_20120810.PutItem', 'AmazonSQS.SendMessage', 'Bogus.Op'];
    const methods = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'];
    let seed = 7;
    const pick = <T>(xs: readonly T[]): T => xs[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % xs.length]!;
    for (let i = 0; i < 150; i++) {
      const headers: Record<string, string> = { 'content-type': pick(types) };
      const target = pick(targets);
      if (target) headers['x-amz-target'] = target;
      if (i % 3 === 0) headers.authorization = sigV4Header(pick(['ssm', 'dynamodb', 's3', 'sqs', 'lambda', 'monitoring', 'ec2']));
      const method = pick(methods);
      const body = method === 'GET' || method === 'HEAD' ? undefined : i % 2 ? randomBytes(64 + (i % 200)) : '{"Name": {"nested": [1, {"x": null}]}, "Value": 12}';
      const path = pick(paths);
      const r = await raw(nimbus.current.endpoint, { method, path, headers, body });
      expect(r.status === 501 || (r.status >= 200 && r.status < 500), `${method} ${path} ${JSON.stringify(headers)} → ${r.status} ${r.body.slice(0, 200)}`).toBe(true);
    }
  });
});
