import { randomUUID } from 'node:crypto';
import { tableArn, partitionOf } from '../domain/table-arns.js';
import { checkCreateBilling } from '../domain/table-billing-rules.js';
import type { IndexStatus } from '../generated/types.js';
import { checkCreateStream, checkSse, mergeTags } from '../domain/table-option-rules.js';
import { checkTableSchema } from '../domain/table-schema-rules.js';
import { ResourceInUseException } from '../generated/errors.js';
import type { CreateTableInput, CreateTableOutput } from '../generated/types.js';
import type { NewIndex } from '../store/index.js';
import { describe, scopeOf, type Ctx } from './table-lookup.js';

/**
 * Creates a table. Checks as AWS does (store-free rules first: keys and attribute definitions,
 * indexes, billing, stream, encryption, tags), then creates it in one write. The answer shows
 * TableStatus CREATING, as AWS's does; Nimbus creates synchronously, so DescribeTable right after
 * shows ACTIVE. https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html
 */
export async function createTable(input: CreateTableInput, ctx: Ctx): Promise<CreateTableOutput> {
  const schema = checkTableSchema(input);
  const billing = checkCreateBilling(input, input.GlobalSecondaryIndexes ?? []);
  const streamViewType = checkCreateStream(input.StreamSpecification);
  const partition = partitionOf(ctx.region);
  const sse = checkSse(input.SSESpecification, partition, ctx.region, ctx.accountId);
  const tags = mergeTags([], input.Tags ?? []);
  const scope = scopeOf(ctx);
  const name = input.TableName;
  const now = ctx.now().getTime();
  const indexes: NewIndex[] = [
    ...schema.lsis.map((i): NewIndex => ({ ...i, kind: 'LSI' })),
    ...schema.gsis.map((i): NewIndex => ({ ...i, kind: 'GSI', ...billing.gsis.get(i.name) })),
  ];
  const table = await ctx.store.write(() => {
    if (ctx.store.tables.get(scope, name)) throw new ResourceInUseException(`Table already exists: ${name}`);
    return ctx.store.admin.create(scope, name, {
      tableId: randomUUID(),
      arn: tableArn(partition, ctx.region, ctx.accountId, name),
      createdAt: now,
      key: schema.key,
      attributeDefinitions: schema.attributeDefinitions,
      indexes,
      billingMode: billing.billingMode,
      payPerRequestSince: billing.billingMode === 'PAY_PER_REQUEST' ? now : undefined,
      throughput: billing.throughput,
      onDemand: billing.onDemand,
      sse,
      tableClass: input.TableClass ?? 'STANDARD',
      deletionProtection: input.DeletionProtectionEnabled ?? false,
      tags,
      streamViewType,
    });
  });
  const indexStatus: Record<string, IndexStatus> = {};
  for (const g of schema.gsis) indexStatus[g.name] = 'CREATING';
  return { TableDescription: describe(ctx, table, { status: 'CREATING', indexStatus }) };
}
