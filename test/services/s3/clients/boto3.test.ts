/**
 * boto3 unchanged: `upload_file`/`download_file` through s3transfer (thresholds lowered so a
 * 20 MiB file goes multipart both ways), `put_object`/`get_object`, a paginator over
 * `list_objects_v2`, and the resource API (`Bucket.objects.filter`, which pages ListObjects v1,
 * and its batch delete). One Python process runs the whole scenario: each start costs seconds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boto3, hasBoto3 } from '../../../helpers/nimbus.js';
import { MiB, bucketName, compositeCrc32, crc32Base64, md5Hex, multipartEtag, payload, scratchDir, split, useDurableNimbus, writeFile } from './helpers.js';

const nimbus = useDurableNimbus();
const work = scratchDir('s3-boto3');

describe.skipIf(!hasBoto3)('S3 through boto3', () => {
  it('upload_file/download_file in multipart, put/get, a list_objects_v2 paginator, the resource API', async () => {
    const bucket = bucketName('boto3');
    const data = payload(20 * MiB, 21);
    const src = writeFile(work, 'big.bin', data);
    const dst = join(work, 'big-down.bin');
    const r = await boto3(
      nimbus.current,
      `
from boto3.s3.transfer import TransferConfig
s3 = client('s3')
b = ${JSON.stringify(bucket)}
res = {}
s3.create_bucket(Bucket=b)

# s3transfer: 5 MiB threshold and parts, so 20 MiB is four parts up, four ranged GETs down.
cfg = TransferConfig(multipart_threshold=5 * 1024 * 1024, multipart_chunksize=5 * 1024 * 1024, max_concurrency=4)
s3.upload_file(${JSON.stringify(src)}, b, 'big/20mib.bin', Config=cfg, ExtraArgs={'Metadata': {'via': 'boto3'}, 'ContentType': 'application/x-boto'})
h = s3.head_object(Bucket=b, Key='big/20mib.bin', ChecksumMode='ENABLED')
res['head'] = {k: h.get(k) for k in ('ContentLength', 'ContentType', 'Metadata', 'ChecksumCRC32', 'ChecksumType')}
res['etag'] = h['ETag']
res['part1'] = s3.head_object(Bucket=b, Key='big/20mib.bin', PartNumber=1)['ContentLength']
s3.download_file(b, 'big/20mib.bin', ${JSON.stringify(dst)}, Config=cfg)

put = s3.put_object(Bucket=b, Key='x/hello.txt', Body=b'hello boto3', Metadata={'k': 'v'}, ContentType='text/plain')
got = s3.get_object(Bucket=b, Key='x/hello.txt', ChecksumMode='ENABLED')
res['get'] = [got['Body'].read().decode(), got['Metadata'], got['ContentType'], got['ETag'] == put['ETag'], got.get('ChecksumCRC32')]
try:
    s3.get_object(Bucket=b, Key='x/nope')
except s3.exceptions.NoSuchKey as e:
    res['missing'] = [e.response['Error']['Code'], e.response['Error']['Message'], e.response['Error'].get('Key'), e.response['ResponseMetadata']['HTTPStatusCode']]

for i in range(7):
    s3.put_object(Bucket=b, Key='page/%02d' % i, Body=b'p%d' % i)
pages = s3.get_paginator('list_objects_v2').paginate(Bucket=b, Prefix='page/', PaginationConfig={'PageSize': 3})
res['pages'] = [[o['Key'] for o in p.get('Contents', [])] for p in pages]
delim = s3.get_paginator('list_objects_v2').paginate(Bucket=b, Delimiter='/', PaginationConfig={'PageSize': 1})
res['prefixes'] = [[c['Prefix'] for c in p.get('CommonPrefixes', [])] for p in delim]

r = session.resource('s3', endpoint_url=${JSON.stringify(nimbus.current.endpoint)}, config=botocore.config.Config(retries={'max_attempts': 1}))
res['filter'] = [o.key for o in r.Bucket(b).objects.filter(Prefix='page/0')]
res['filterPaged'] = [o.key for o in r.Bucket(b).objects.filter(Prefix='page/').page_size(2)]
res['object'] = r.Object(b, 'x/hello.txt').get()['Body'].read().decode()
res['deleted'] = sorted(d['Key'] for batch in r.Bucket(b).objects.filter(Prefix='page/').delete() for d in batch.get('Deleted', []))
res['after'] = [o.key for o in r.Bucket(b).objects.all()]
out(res)
`,
    );
    expect(r.status, r.stderr).toBe(0);
    const res = r.json as Record<string, unknown>;
    expect(res).toEqual({
      head: {
        ContentLength: data.length,
        ContentType: 'application/x-boto',
        Metadata: { via: 'boto3' },
        // s3transfer asks for a CRC32 of each part (botocore's WHEN_SUPPORTED default): a composite.
        ChecksumCRC32: compositeCrc32(split(data, 5 * MiB)),
        ChecksumType: 'COMPOSITE',
      },
      etag: multipartEtag(split(data, 5 * MiB)),
      part1: 5 * MiB,
      get: ['hello boto3', { k: 'v' }, 'text/plain', true, crc32Base64(Buffer.from('hello boto3'))],
      missing: ['NoSuchKey', 'The specified key does not exist.', 'x/nope', 404],
      pages: [
        ['page/00', 'page/01', 'page/02'],
        ['page/03', 'page/04', 'page/05'],
        ['page/06'],
      ],
      prefixes: [['big/'], ['page/'], ['x/']],
      filter: ['page/00', 'page/01', 'page/02', 'page/03', 'page/04', 'page/05', 'page/06'],
      filterPaged: ['page/00', 'page/01', 'page/02', 'page/03', 'page/04', 'page/05', 'page/06'],
      object: 'hello boto3',
      deleted: ['page/00', 'page/01', 'page/02', 'page/03', 'page/04', 'page/05', 'page/06'],
      after: ['big/20mib.bin', 'x/hello.txt'],
    });
    expect(md5Hex(readFileSync(dst))).toBe(md5Hex(data));
  });
});
