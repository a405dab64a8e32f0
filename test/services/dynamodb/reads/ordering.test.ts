import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { useNimbus } from '../../../helpers/nimbus.js';
import { ddbClient } from '../tables/helpers.js';
import { B, createTable, N, putItems, S } from './helpers.js';

const nimbus = useNimbus({ resetEach: true });

/**
 * DynamoDB orders sort keys numerically for N and by unsigned bytes for S (as UTF-8) and B.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes
 */
describe('Query order, end to end', () => {
  it('orders numbers numerically, whatever their written form', async () => {
    const ddb = ddbClient(nimbus);
    await createTable(ddb, 'n', { hash: ['pk', 'S'], range: ['sk', 'N'] });
    const written = ['10', '-1e3', '2', '0.5', '-0.01', '1E+2', '99.999', '-7', '0', '1e-5', '3.14159'];
    await putItems(ddb, 'n', written.map((n) => ({ pk: S('p'), sk: N(n) })));
    const r = await ddb.send(new QueryCommand({ TableName: 'n', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p') } }));
    // Returned in DynamoDB's canonical form, in numeric order.
    expect(r.Items!.map((i) => i.sk!.N)).toEqual(['-1000', '-7', '-0.01', '0', '0.00001', '0.5', '2', '3.14159', '10', '99.999', '100']);
    const desc = await ddb.send(
      new QueryCommand({ TableName: 'n', KeyConditionExpression: 'pk = :p AND sk > :z', ExpressionAttributeValues: { ':p': S('p'), ':z': N('0') }, ScanIndexForward: false }),
    );
    expect(desc.Items!.map((i) => i.sk!.N)).toEqual(['100', '99.999', '10', '3.14159', '2', '0.5', '0.00001']);
  });

  it('orders strings by UTF-8 bytes, which is not JavaScript string order above U+FFFF', async () => {
    const ddb = ddbClient(nimbus);
    await createTable(ddb, 's', { hash: ['pk', 'S'], range: ['sk', 'S'] });
    // U+FF61 is EF BD A1 in UTF-8, U+1F600 is F0 9F 98 80: bytes put U+FF61 first, while
    // JavaScript's `<` (UTF-16 units: 0xFF61 vs 0xD83D) puts the emoji first.
    const halfwidth = '\uFF61';
    const emoji = '\u{1F600}';
    expect(emoji < halfwidth).toBe(true);
    const values = ['b', 'B', 'a', 'ab', 'é', emoji, halfwidth, 'Z', '10', '9', 'aa'];
    await putItems(ddb, 's', values.map((v) => ({ pk: S('p'), sk: S(v) })));
    const r = await ddb.send(new QueryCommand({ TableName: 's', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p') } }));
    expect(r.Items!.map((i) => i.sk!.S)).toEqual(['10', '9', 'B', 'Z', 'a', 'aa', 'ab', 'b', 'é', halfwidth, emoji]);
    const above = await ddb.send(
      new QueryCommand({ TableName: 's', KeyConditionExpression: 'pk = :p AND sk > :h', ExpressionAttributeValues: { ':p': S('p'), ':h': S(halfwidth) } }),
    );
    expect(above.Items!.map((i) => i.sk!.S)).toEqual([emoji]);
    const prefixed = await ddb.send(
      new QueryCommand({ TableName: 's', KeyConditionExpression: 'pk = :p AND begins_with(sk, :a)', ExpressionAttributeValues: { ':p': S('p'), ':a': S('a') } }),
    );
    expect(prefixed.Items!.map((i) => i.sk!.S)).toEqual(['a', 'aa', 'ab']);
  });

  it('orders binaries by unsigned bytes', async () => {
    const ddb = ddbClient(nimbus);
    await createTable(ddb, 'b', { hash: ['pk', 'S'], range: ['sk', 'B'] });
    const values = [[0x80], [0x7f], [0xff, 0x00], [0x00], [0xff], [0x7f, 0xff], [0x01, 0x02]];
    await putItems(ddb, 'b', values.map((v) => ({ pk: S('p'), sk: B(v) })));
    const r = await ddb.send(new QueryCommand({ TableName: 'b', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': S('p') } }));
    expect(r.Items!.map((i) => [...i.sk!.B!])).toEqual([[0x00], [0x01, 0x02], [0x7f], [0x7f, 0xff], [0x80], [0xff], [0xff, 0x00]]);
    const prefixed = await ddb.send(
      new QueryCommand({ TableName: 'b', KeyConditionExpression: 'pk = :p AND begins_with(sk, :x)', ExpressionAttributeValues: { ':p': S('p'), ':x': B([0xff]) }, ScanIndexForward: false }),
    );
    expect(prefixed.Items!.map((i) => [...i.sk!.B!])).toEqual([[0xff, 0x00], [0xff]]);
  });
});
