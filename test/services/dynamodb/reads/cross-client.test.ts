import { describe, expect, it } from 'vitest';
import { awsCli, boto3, hasAwsCli, hasBoto3, useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient } from '../tables/helpers.js';
import { createTable, N, putItems, S } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

async function seed(): Promise<void> {
  const ddb = ddbClient(nimbus);
  await createTable(ddb, 'music', { hash: ['artist', 'S'], range: ['year', 'N'] }, [{ name: 'by-genre', kind: 'GSI', hash: ['genre', 'S'], range: ['year', 'N'], projection: 'ALL' }]);
  const items = [];
  for (let y = 1990; y < 2015; y++) items.push({ artist: S('a1'), year: N(y), genre: S(y % 2 ? 'rock' : 'jazz'), title: S(`t${y}`) });
  items.push({ artist: S('a2'), year: N(2000), genre: S('rock'), title: S('other') });
  await putItems(ddb, 'music', items);
}

describe('Query and Scan from boto3 and the aws CLI', () => {
  it.skipIf(!hasBoto3)('boto3 resource API: query with Key conditions, Attr filter, paging by hand; scan', async () => {
    await seed();
    const r = await boto3(
      nimbus.current,
      `
import boto3
from boto3.dynamodb.conditions import Key, Attr
ddb = boto3.resource('dynamodb', endpoint_url=client('dynamodb').meta.endpoint_url, region_name=session.region_name)
t = ddb.Table('music')
years, pages, kwargs = [], 0, dict(KeyConditionExpression=Key('artist').eq('a1') & Key('year').between(1995, 2004), FilterExpression=Attr('genre').eq('rock'), Limit=4, ScanIndexForward=False)
while True:
    page = t.query(**kwargs)
    pages += 1
    years += [int(i['year']) for i in page['Items']]
    if 'LastEvaluatedKey' not in page:
        break
    kwargs['ExclusiveStartKey'] = page['LastEvaluatedKey']
genre = t.query(IndexName='by-genre', KeyConditionExpression=Key('genre').eq('rock') & Key('year').gte(2010), Select='COUNT')
scanned = t.scan(FilterExpression=Attr('title').begins_with('t20'), ProjectionExpression='title')
out({'years': years, 'pages': pages, 'count': genre['Count'], 'scanned': sorted(i['title'] for i in scanned['Items'])})
`,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.json).toEqual({
      years: [2003, 2001, 1999, 1997, 1995],
      pages: 3,
      count: 2,
      scanned: Array.from({ length: 15 }, (_, i) => `t${2000 + i}`),
    });
  });

  it.skipIf(!hasAwsCli)('aws dynamodb query and scan, with the CLI paginating', async () => {
    await seed();
    const n = nimbus.current;
    const queried = await awsCli(n, [
      'dynamodb', 'query', '--table-name', 'music',
      '--key-condition-expression', 'artist = :a AND #y >= :y',
      '--expression-attribute-names', '{"#y":"year"}',
      '--expression-attribute-values', '{":a":{"S":"a1"},":y":{"N":"2010"}}',
      '--page-size', '2',
    ]);
    expect(queried.status, queried.stderr).toBe(0);
    const q = queried.json as { Items: { year: { N: string } }[]; Count: number; ScannedCount: number };
    expect(q.Items.map((i) => i.year.N)).toEqual(['2010', '2011', '2012', '2013', '2014']);
    expect(q.Count).toBe(5);
    const counted = await awsCli(n, ['dynamodb', 'scan', '--table-name', 'music', '--select', 'COUNT', '--segment', '1', '--total-segments', '3']);
    expect(counted.status, counted.stderr).toBe(0);
    expect((counted.json as { Count: number }).Count).toBeLessThanOrEqual(26);
    const refused = await awsCli(n, ['dynamodb', 'query', '--table-name', 'music', '--index-name', 'by-genre', '--key-condition-expression', 'genre = :g', '--expression-attribute-values', '{":g":{"S":"rock"}}', '--consistent-read']);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('Consistent reads are not supported on global secondary indexes');
  });
});
