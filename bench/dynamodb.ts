/**
 * The DynamoDB phase, against a Nimbus with durable storage (`--data-dir`), as users run it:
 *   - CPU per GetItem and PutItem (1 KiB items) and per Query returning 100 items, under
 *     autocannon replaying SDK-signed requests at 1 and 16 connections, interleaved with the bare
 *     server; targets ≤ 2×, ≤ 3× and ≤ 8× its CPU per request;
 *   - BatchWriteItem loading 100,000 items (25 per call, 16 callers at once): target under 30 s;
 *   - Query p50 latency (one page of 100 items) on a 1,000,000-item table vs a 1,000-item table:
 *     target within 2×. The big table is the one BatchWriteItem filled, topped up to 1,000,000.
 */
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './processes.js';
import { cpuFigure, cpuRows, phaseLine, round, table, type CpuFigure, type PhaseResult } from './report.js';
import { clientConfig, describeSdkError, type Operation, type SdkClient } from './requests.js';
import { autocannonTarget, runInterleaved, type TimingOptions } from './targets.js';

export const DYNAMODB_TARGETS = { getCpuRatioMax: 2, putCpuRatioMax: 3, queryCpuRatioMax: 8, batchLoadSecondsMax: 30, queryP50RatioMax: 2 } as const;

const SMALL_TABLE = 'bench-small';
const BIG_TABLE = 'bench-big';
const PAYLOAD = 'x'.repeat(1000); // with its key and attribute names, a 1 KiB item

function client(endpoint: string): DynamoDBClient {
  return new DynamoDBClient(clientConfig(endpoint));
}

const item = (pk: string, sk: number): Record<string, AttributeValue> => ({ pk: { S: pk }, sk: { N: String(sk) }, payload: { S: PAYLOAD } });

export const getItem: Operation = {
  name: 'dynamodb.GetItem 1 KiB',
  client: (endpoint) => client(endpoint) as unknown as SdkClient,
  command: () => new GetItemCommand({ TableName: SMALL_TABLE, Key: { pk: { S: 'hot' }, sk: { N: '1' } } }),
  looksRight: (body) => body.includes(PAYLOAD),
};

export const putItem: Operation = {
  name: 'dynamodb.PutItem 1 KiB',
  client: (endpoint) => client(endpoint) as unknown as SdkClient,
  command: () => new PutItemCommand({ TableName: SMALL_TABLE, Item: item('hot', 2) }),
  looksRight: () => true,
};

export const query100: Operation = {
  name: 'dynamodb.Query 100 items',
  client: (endpoint) => client(endpoint) as unknown as SdkClient,
  command: () => new QueryCommand({ TableName: SMALL_TABLE, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'page' } }, Limit: 100 }),
  looksRight: (body) => body.includes('"Count":100'),
};

async function createTable(ddb: DynamoDBClient, name: string): Promise<void> {
  await ddb.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    }),
  );
}

/** Writes `count` items from `start` with BatchWriteItem, 25 a call, `callers` calls in flight; returns seconds. */
async function batchLoad(ddb: DynamoDBClient, tableName: string, start: number, count: number, partitions: number, callers = 16): Promise<number> {
  let next = start;
  const end = start + count;
  const t0 = process.hrtime.bigint();
  const caller = async () => {
    while (next < end) {
      const from = next;
      next = Math.min(end, next + 25);
      const requests = [];
      for (let i = from; i < next; i++) requests.push({ PutRequest: { Item: item(`p${i % partitions}`, i) } });
      let unprocessed: Record<string, unknown[]> | undefined = { [tableName]: requests };
      while (unprocessed && Object.keys(unprocessed).length) {
        const r = await ddb.send(new BatchWriteItemCommand({ RequestItems: unprocessed as never }));
        unprocessed = r.UnprocessedItems as Record<string, unknown[]> | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** p50 latency in ms of `n` sequential one-page Queries on a partition of `tableName`. */
async function queryP50(ddb: DynamoDBClient, tableName: string, partition: string, n: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const r = await ddb.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: partition } }, Limit: 100 }));
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.Count !== 100) throw new Error(`Query on ${tableName} returned ${r.Count} items, not 100`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export interface DynamoDbFigures {
  cpu: CpuFigure[];
  batch?: { items: number; seconds: number; itemsPerSecond: number };
  query?: { smallItems: number; bigItems: number; smallP50Ms: number; bigP50Ms: number; ratio: number };
}

export async function dynamodbPhase(opts: TimingOptions & { quick: boolean }, connections: readonly number[]): Promise<{ phases: PhaseResult[]; figures: DynamoDbFigures }> {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-bench-ddb-'));
  const phases: PhaseResult[] = [];
  const figures: DynamoDbFigures = { cpu: [] };
  const servers: RunningServer[] = [];
  try {
    const nimbus = await startServer('nimbus', { dataDir: join(dir, 'data') });
    servers.push(nimbus);
    const bare = await startServer('bare');
    servers.push(bare);
    const ddb = client(nimbus.endpoint);
    try {
      await createTable(ddb, SMALL_TABLE);
      await ddb.send(new PutItemCommand({ TableName: SMALL_TABLE, Item: item('hot', 1) }));
      for (let i = 0; i < 100; i += 25) {
        const requests = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: item('page', i + j) } }));
        await ddb.send(new BatchWriteItemCommand({ RequestItems: { [SMALL_TABLE]: requests } }));
      }
      for (const c of connections) {
        console.log(`\n▸ DynamoDB 1 KiB items, ${c} connection${c > 1 ? 's' : ''} (durable storage)`);
        const results = await runInterleaved(
          [autocannonTarget(bare, getItem, c, opts), autocannonTarget(nimbus, getItem, c, opts), autocannonTarget(nimbus, putItem, c, opts), autocannonTarget(nimbus, query100, c, opts)],
          opts,
        );
        for (const r of results) {
          phases.push(r);
          console.log(`  ${phaseLine(r)}`);
          if (r.refused) console.log(`      probe answered ${r.probe}`);
        }
        const [b, get, put, query] = results as [PhaseResult, PhaseResult, PhaseResult, PhaseResult];
        const checks = [[get, DYNAMODB_TARGETS.getCpuRatioMax], [put, DYNAMODB_TARGETS.putCpuRatioMax], [query, DYNAMODB_TARGETS.queryCpuRatioMax]] as const;
        for (const [r, target] of checks) {
          const figure = cpuFigure(r, b, c, target);
          if (figure) figures.cpu.push(figure);
        }
      }

      const batchItems = opts.quick ? 20_000 : 100_000;
      const bigItems = opts.quick ? 100_000 : 1_000_000;
      // 100 items per partition: every partition holds at least the one page a Query reads.
      const partitions = bigItems / 100;
      console.log(`\n▸ DynamoDB BatchWriteItem: ${batchItems.toLocaleString('en')} items (25 a call, 16 callers)`);
      await createTable(ddb, BIG_TABLE);
      const seconds = await batchLoad(ddb, BIG_TABLE, 0, batchItems, partitions);
      figures.batch = { items: batchItems, seconds: round(seconds, 1), itemsPerSecond: round(batchItems / seconds, 0) };
      console.log(`  ${figures.batch.seconds} s (${figures.batch.itemsPerSecond.toLocaleString('en')} items/s)`);

      console.log(`\n▸ DynamoDB Query p50: ${bigItems.toLocaleString('en')}-item table vs 1,000-item table`);
      await batchLoad(ddb, BIG_TABLE, batchItems, bigItems - batchItems, partitions);
      const smallTable = 'bench-thousand';
      await createTable(ddb, smallTable);
      await batchLoad(ddb, smallTable, 0, 1000, 10);
      const n = opts.quick ? 100 : 400;
      const smallP50 = await queryP50(ddb, smallTable, 'p7', n);
      const bigP50 = await queryP50(ddb, BIG_TABLE, `p${Math.floor(partitions / 2) + 7}`, n);
      const smallP50b = await queryP50(ddb, smallTable, 'p3', n);
      const small = Math.min(smallP50, smallP50b);
      figures.query = { smallItems: 1000, bigItems, smallP50Ms: round(small, 2), bigP50Ms: round(bigP50, 2), ratio: round(bigP50 / small, 2) };
      console.log(`  p50 ${figures.query.bigP50Ms} ms vs ${figures.query.smallP50Ms} ms (${figures.query.ratio}×)`);
    } finally {
      ddb.destroy();
    }
  } catch (e) {
    console.log(`  DynamoDB phase failed: ${describeSdkError(e)}`);
  } finally {
    for (const s of servers) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return { phases, figures };
}

export function printDynamoDbSummary(f: DynamoDbFigures): void {
  const rows = cpuRows(f.cpu);
  if (f.batch) {
    const ok = f.batch.seconds < DYNAMODB_TARGETS.batchLoadSecondsMax;
    rows.push([`BatchWriteItem ${f.batch.items.toLocaleString('en')} items`, `${f.batch.seconds} s`, '', `${f.batch.itemsPerSecond.toLocaleString('en')}/s`, `< ${DYNAMODB_TARGETS.batchLoadSecondsMax} s`, ok ? '✓' : '✗', '']);
  }
  if (f.query) {
    const ok = f.query.ratio <= DYNAMODB_TARGETS.queryP50RatioMax;
    rows.push([`Query p50, ${f.query.bigItems.toLocaleString('en')} vs 1,000 items`, `${f.query.bigP50Ms} ms`, `${f.query.smallP50Ms} ms`, `${f.query.ratio.toFixed(2)}×`, `≤ ${DYNAMODB_TARGETS.queryP50RatioMax}×`, ok ? '✓' : '✗', '']);
  }
  if (!rows.length) return;
  console.log('');
  console.log(table(['DynamoDB (durable storage)', 'Nimbus', 'baseline', 'ratio', 'target', '', '(rounds)'], rows));
}
