/** HTTP/1.1 behaviour AWS clients rely on: keep-alive, Expect: 100-continue, chunked bodies. */
import { Agent, request } from 'node:http';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { FORM, raw, sigV4Header } from '../helpers/http.js';
import { useNimbus } from '../helpers/nimbus.js';

const nimbus = useNimbus();
const identity = 'Action=GetCallerIdentity&Version=2011-06-15';

/** A keep-alive agent with one socket at most, and how many sockets it has opened. */
function countingAgent(): { agent: Agent; sockets: () => number } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let sockets = 0;
  const created = agent.createConnection.bind(agent);
  agent.createConnection = ((...args: Parameters<typeof created>) => {
    sockets++;
    return created(...args);
  }) as typeof agent.createConnection;
  return { agent, sockets: () => sockets };
}

describe('HTTP transport', () => {
  it('keeps connections alive across requests', async () => {
    const { agent, sockets } = countingAgent();
    for (let i = 0; i < 5; i++) {
      const r = await raw(nimbus.current.endpoint, { method: 'POST', agent, headers: { 'content-type': FORM, authorization: sigV4Header('sts') }, body: identity });
      expect(r.status).toBe(200);
      expect(r.headers.connection).toBe('keep-alive');
    }
    expect(sockets()).toBe(1);
    agent.destroy();
  });

  // A body taken as soon as every declared byte is buffered (before node:http marks the message
  // complete) is read: the answer must not close the connection (it once did, for every call).
  it('keeps SDK connections alive for JSON calls and small uploads', async () => {
    const { agent, sockets } = countingAgent();
    const ddb = new DynamoDBClient(nimbus.clientConfig({ requestHandler: { httpAgent: agent } }));
    const s3 = new S3Client(nimbus.clientConfig({ forcePathStyle: true, requestHandler: { httpAgent: agent } }));
    await ddb.send(new CreateTableCommand({ TableName: 'kept-alive', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] }));
    await s3.send(new CreateBucketCommand({ Bucket: 'kept-alive' }));
    for (let i = 0; i < 5; i++) {
      await ddb.send(new PutItemCommand({ TableName: 'kept-alive', Item: { pk: { S: `k${i}` }, v: { S: 'x'.repeat(1000) } } }));
      expect((await ddb.send(new GetItemCommand({ TableName: 'kept-alive', Key: { pk: { S: `k${i}` } } }))).Item?.v?.S).toHaveLength(1000);
      await s3.send(new PutObjectCommand({ Bucket: 'kept-alive', Key: `k${i}`, Body: 'y'.repeat(1024) }));
      expect(await (await s3.send(new GetObjectCommand({ Bucket: 'kept-alive', Key: `k${i}` }))).Body?.transformToString()).toHaveLength(1024);
    }
    expect(sockets()).toBe(1);
    ddb.destroy();
    s3.destroy();
    agent.destroy();
  });

  it('answers Expect: 100-continue before the body is sent', async () => {
    const url = new URL(nimbus.current.endpoint);
    const result = await new Promise<{ continued: boolean; status: number; body: string }>((resolve, reject) => {
      let continued = false;
      const req = request({
        host: url.hostname, port: url.port, method: 'POST', path: '/',
        headers: { 'content-type': FORM, authorization: sigV4Header('sts'), expect: '100-continue', 'content-length': Buffer.byteLength(identity) },
      }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ continued, status: res.statusCode ?? 0, body }));
      });
      req.on('continue', () => {
        continued = true;
        req.end(identity);
      });
      req.on('error', reject);
    });
    expect(result.continued).toBe(true);
    expect(result.status).toBe(200);
    expect(result.body).toContain('<GetCallerIdentityResult>');
  });

  it('reads chunked request bodies', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': FORM, authorization: sigV4Header('sts') },
      chunks: ['Action=GetCall', 'erIdentity&Vers', 'ion=2011-06-15'],
    });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<Account>000000000000</Account>');
  });

  it('closes the connection when it answers before reading the body', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables', authorization: sigV4Header('dynamodb'), 'content-length': String(100 * 1024 * 1024) },
      body: '{}',
    });
    expect(r.status).toBe(413);
    expect(r.headers.connection).toBe('close');
  });
});

describe('request compression', () => {
  it('accepts gzip bodies for operations modeled with requestcompression (query protocol)', async () => {
    const { gzipSync } = await import('node:zlib');
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': FORM, 'content-encoding': 'gzip', authorization: sigV4Header('monitoring') },
      body: gzipSync('Action=PutMetricData&Version=2010-08-01&Namespace=App'),
    });
    expect(r.status).toBe(501);
    expect(r.body).toContain('The operation PutMetricData of CloudWatch is not implemented by Nimbus yet.');
  });

  it('accepts gzip bodies for operations modeled with requestcompression (JSON protocol)', async () => {
    const { gzipSync } = await import('node:zlib');
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData', 'content-encoding': 'gzip', authorization: sigV4Header('monitoring') },
      body: gzipSync(JSON.stringify({ Namespace: 'App' })),
    });
    expect(r.status).toBe(501);
    expect(JSON.parse(r.body).message).toContain('PutMetricData of CloudWatch');
  });

  it('answers a body that is not gzip although it says so with a 400', async () => {
    const r = await raw(nimbus.current.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData', 'content-encoding': 'gzip', authorization: sigV4Header('monitoring') },
      body: '{"Namespace":"App"}',
    });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).__type).toBe('SerializationException');
  });
});
