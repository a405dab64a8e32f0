import { DeleteBucketWebsiteCommand, GetBucketWebsiteCommand, PutBucketWebsiteCommand, type WebsiteConfiguration } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { failure, newBucket, OTHER_ACCOUNT, s3Client } from './helpers.js';

const nimbus = useNimbus();
let bucket: string;

beforeAll(async () => {
  bucket = await newBucket(nimbus, 'website');
});

const put = (WebsiteConfiguration: WebsiteConfiguration) => s3Client(nimbus).send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration }));
const get = async () => {
  const { $metadata: _, ...config } = await s3Client(nimbus).send(new GetBucketWebsiteCommand({ Bucket: bucket }));
  return config;
};

describe('S3 bucket website configuration', () => {
  it('stores index and error documents with routing rules', async () => {
    const config: WebsiteConfiguration = {
      IndexDocument: { Suffix: 'index.html' },
      ErrorDocument: { Key: 'errors/404.html' },
      RoutingRules: [
        { Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { ReplaceKeyPrefixWith: 'documents/' } },
        { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { HostName: 'example.com', Protocol: 'https', ReplaceKeyWith: 'not-found', HttpRedirectCode: '302' } },
      ],
    };
    await put(config);
    expect(await get()).toEqual(config);
  });

  it('stores a redirect of every request', async () => {
    await put({ RedirectAllRequestsTo: { HostName: 'www.example.com', Protocol: 'https' } });
    expect(await get()).toEqual({ RedirectAllRequestsTo: { HostName: 'www.example.com', Protocol: 'https' } });
  });

  it('deletes the configuration', async () => {
    await put({ IndexDocument: { Suffix: 'index.html' } });
    expect((await s3Client(nimbus).send(new DeleteBucketWebsiteCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
    expect(await failure(get())).toEqual({
      name: 'NoSuchWebsiteConfiguration',
      message: 'The specified bucket does not have a website configuration',
      status: 404,
      fields: { BucketName: bucket },
    });
  });

  it('refuses what AWS refuses', async () => {
    const index = { IndexDocument: { Suffix: 'index.html' } };
    const cases: [WebsiteConfiguration, string, string, Record<string, unknown>?][] = [
      [{}, 'InvalidArgument', 'A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty', { ArgumentName: 'IndexDocument', ArgumentValue: 'null' }],
      [{ IndexDocument: { Suffix: 'a/index.html' } }, 'InvalidArgument', 'The IndexDocument Suffix is not well formed', { ArgumentName: 'IndexDocument' }],
      [{ IndexDocument: { Suffix: '' } }, 'InvalidArgument', 'The IndexDocument Suffix is not well formed'],
      [{ ...index, RedirectAllRequestsTo: { HostName: 'example.com' } }, 'InvalidRequest', 'RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.'],
      [{ RedirectAllRequestsTo: { HostName: 'example.com', Protocol: 'ftp' as never } }, 'InvalidRequest', 'Invalid protocol, protocol can be http or https. If not defined the protocol will be selected automatically.'],
      [{ ...index, RoutingRules: [{ Condition: {}, Redirect: { HostName: 'example.com' } }] }, 'InvalidRequest', "Condition cannot be empty. To redirect all requests without a condition, the condition element shouldn't be present."],
      [{ ...index, RoutingRules: [{ Redirect: { ReplaceKeyWith: 'a', ReplaceKeyPrefixWith: 'b' } }] }, 'InvalidRequest', 'You can only define ReplaceKeyPrefix or ReplaceKey but not both.'],
      [{ ...index, RoutingRules: [{ Condition: { HttpErrorCodeReturnedEquals: '200' }, Redirect: { HostName: 'e.com' } }] }, 'InvalidRequest', 'The provided HTTP error code (200) is not valid. Valid codes are 4XX or 5XX.'],
      [{ ...index, RoutingRules: [{ Redirect: { HttpRedirectCode: '300' } }] }, 'InvalidRequest', 'The provided HTTP redirect code (300) is not valid. Valid codes are 3XX except 300.'],
    ];
    for (const [config, name, message, fields] of cases) {
      const f = await failure(put(config));
      expect(f, message).toMatchObject({ name, message, status: 400 });
      if (fields) expect(f.fields).toMatchObject(fields);
    }
  });

  it('is the owner’s to configure', async () => {
    const other = s3Client(nimbus, OTHER_ACCOUNT);
    expect(await failure(other.send(new PutBucketWebsiteCommand({ Bucket: bucket, WebsiteConfiguration: { IndexDocument: { Suffix: 'i.html' } } })))).toMatchObject({ name: 'AccessDenied', status: 403 });
    expect(await failure(s3Client(nimbus).send(new GetBucketWebsiteCommand({ Bucket: 'no-such-bucket-website' })))).toMatchObject({ name: 'NoSuchBucket', status: 404 });
  });
});
