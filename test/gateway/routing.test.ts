/**
 * How the gateway tells which service a request is for: signing name, X-Amz-Target,
 * Action+Version, Host (`<service>.<region>.localhost`, `<bucket>.s3.localhost`), then path rules
 * with S3 last. Unsigned requests exercise the fallbacks: AWS refuses them (except for S3), so the
 * service is recognised by its error envelope.
 */
import { describe, expect, it } from 'vitest';
import { FORM, raw, sigV4Header } from '../helpers/http.js';
import { useNimbus } from '../helpers/nimbus.js';

const nimbus = useNimbus();

describe('service routing', () => {
  it('uses the credential scope signing name', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': FORM, authorization: sigV4Header('sts') },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(r.body).toContain('<Arn>arn:aws:iam::000000000000:root</Arn>');
  });

  it('tells services sharing a signing name apart (DynamoDB Streams signs as dynamodb)', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDBStreams_20120810.ListStreams', authorization: sigV4Header('dynamodb') },
      body: '{}',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ Streams: [] });
  });

  it('uses X-Amz-Target (an unsigned request gets the JSON MissingAuthenticationTokenException)', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    expect(r.status).toBe(403);
    expect(r.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(JSON.parse(r.body)).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('uses a dotted endpoint prefix in the Host (streams.dynamodb.<region>.localhost)', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { host: 'streams.dynamodb.us-east-1.localhost', 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDBStreams_20120810.ListStreams' },
      body: '{}',
    });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body)).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('uses Action and Version from a form body (unsigned: the query MissingAuthenticationToken)', async () => {
    const r = await raw(nimbus.current.endpoint, { method: 'POST', headers: { 'content-type': FORM }, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(r.status).toBe(403);
    expect(r.body).toContain('<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code>');
  });

  it('uses Action and Version from the query string', async () => {
    const r = await raw(nimbus.current.endpoint, { path: '/?Action=GetCallerIdentity&Version=2011-06-15', headers: { authorization: sigV4Header('sts') } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<GetCallerIdentityResult>');
  });

  it('lets operations modeled as unauthenticated through unsigned (STS AssumeRoleWithWebIdentity)', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fr&RoleSessionName=session1&WebIdentityToken=t0123456789',
    });
    // It reaches STS's handler (no MissingAuthenticationToken): the role does not exist.
    expect(r.status).toBe(403);
    expect(r.body).toContain('<Code>AccessDenied</Code>');
    expect(r.body).toContain('Not authorized to perform sts:AssumeRoleWithWebIdentity');
  });

  it('uses the Host header and takes the region from it', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { host: 'ec2.eu-west-3.localhost', 'content-type': FORM, authorization: sigV4Header('ec2', '*') },
      body: 'Action=DescribeAvailabilityZones&Version=2016-11-15',
    });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<zoneName>eu-west-3a</zoneName>');
  });

  it('takes the region from the credential scope', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': FORM, authorization: sigV4Header('ec2', 'ap-southeast-2') },
      body: 'Action=DescribeAvailabilityZones&Version=2016-11-15',
    });
    expect(r.body).toContain('<zoneName>ap-southeast-2a</zoneName>');
  });

  it('routes virtual-hosted S3 (<bucket>.s3.localhost) to the bucket and key', async () => {
    const s3 = { authorization: sigV4Header('s3') };
    const r = await raw(nimbus.current.endpoint, { path: '/photos/cat.jpg', headers: { host: 'my-bucket.s3.localhost', ...s3 } });
    expect(r.status).toBe(404);
    expect(r.body).toContain('<Code>NoSuchBucket</Code>');
    expect(r.body).toContain('<BucketName>my-bucket</BucketName>');
    await raw(nimbus.current.endpoint, { method: 'PUT', path: '/', headers: { host: 'hosted.s3.localhost', ...s3 } });
    await raw(nimbus.current.endpoint, { method: 'PUT', path: '/photos/cat.jpg', body: 'meow', headers: { host: 'hosted.s3.us-east-1.localhost', ...s3 } });
    const list = await raw(nimbus.current.endpoint, { path: '/?list-type=2', headers: { host: 'hosted.s3.localhost', ...s3 } });
    expect(list.body).toContain('<ListBucketResult');
    expect(list.body).toContain('<Key>photos/cat.jpg</Key>');
    const path = await raw(nimbus.current.endpoint, { path: '/hosted/photos/cat.jpg', headers: s3 });
    expect(path.body).toBe('meow');
  });

  it('tells apart operations sharing a URI by their required headers and query members (S3)', async () => {
    const s3 = { authorization: sigV4Header('s3') };
    await raw(nimbus.current.endpoint, { method: 'PUT', path: '/routing', headers: s3 });
    const put = await raw(nimbus.current.endpoint, { method: 'PUT', path: '/routing/key', body: 'hello', headers: s3 });
    expect(put.status).toBe(200);
    expect(put.headers.etag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const copy = await raw(nimbus.current.endpoint, { method: 'PUT', path: '/routing/copy', headers: { 'x-amz-copy-source': 'routing/key', ...s3 } });
    expect(copy.body).toContain('<CopyObjectResult');
    const parts = await raw(nimbus.current.endpoint, { path: '/routing/key?uploadId=abc', headers: s3 });
    expect(parts.body).toContain('<Code>NoSuchUpload</Code>');
    const get = await raw(nimbus.current.endpoint, { path: '/routing/key?versionId=null', headers: s3 });
    expect(get.body).toBe('hello');
  });

  it('routes REST paths of other services before S3 (Lambda)', async () => {
    const r = await raw(nimbus.current.endpoint, { path: '/2015-03-31/functions/', headers: { authorization: sigV4Header('lambda') } });
    expect(r.status).toBe(501);
    expect(r.headers['x-amzn-errortype']).toBe('NotImplemented');
    expect(JSON.parse(r.body).message).toContain('ListFunctions of Lambda');
  });

  it('falls back to S3 path-style for anything else', async () => {
    const r = await raw(nimbus.current.endpoint, { method: 'PUT', path: '/some-bucket', headers: { authorization: sigV4Header('s3') } });
    expect(r.status).toBe(200);
    expect(r.headers.location).toBe('/some-bucket');
  });
});

describe('request ids', () => {
  it('sends x-amzn-RequestId (a UUID) on every non-S3 response, errors included', async () => {
    const ok = await raw(nimbus.current.endpoint, { path: '/?Action=GetCallerIdentity&Version=2011-06-15', headers: { authorization: sigV4Header('sts') } });
    expect(ok.headers['x-amzn-requestid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ok.body).toContain(`<RequestId>${ok.headers['x-amzn-requestid']}</RequestId>`);
    const err = await raw(nimbus.current.endpoint, { path: '/?Action=NoSuchThing&Version=2011-06-15', headers: { authorization: sigV4Header('sts') } });
    expect(err.status).toBe(400);
    expect(err.body).toContain('<Code>InvalidAction</Code>');
    expect(err.body).toContain(`<RequestId>${err.headers['x-amzn-requestid']}</RequestId>`);
  });

  it("sends S3's x-amz-request-id and x-amz-id-2", async () => {
    const r = await raw(nimbus.current.endpoint, { path: '/bucket' });
    expect(r.headers['x-amz-request-id']).toMatch(/^[0-9A-F]{16}$/);
    expect(r.headers['x-amz-id-2']).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    expect(r.headers['x-amzn-requestid']).toBeUndefined();
  });
});
