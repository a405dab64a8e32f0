import { invalidParameterValues, validationError } from '../domain/errors.js';
import { parseDynamoArn } from '../domain/table-arns.js';
import type { TableRecord } from '../domain/table-model.js';
import { mergeTags } from '../domain/table-option-rules.js';
import { ResourceNotFoundException } from '../generated/errors.js';
import type { ListTagsOfResourceInput, ListTagsOfResourceOutput, TagResourceInput, UntagResourceInput } from '../generated/types.js';
import { scopeOf, type Ctx } from './table-lookup.js';

/**
 * Tags of tables (TagResource, UntagResource, ListTagsOfResource), stored with the table's
 * definition. Resources are named by ARN; AWS's messages distinguish a malformed ARN, an ARN of
 * another region, an index ARN and a table that does not exist.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.Operations.html
 */
function taggedTable(ctx: Ctx, arn: string): TableRecord {
  if (!arn.startsWith('arn:')) throw invalidParameterValues(`ARNs must start with 'arn:': ${arn}`);
  const parsed = parseDynamoArn(arn);
  if (!parsed) {
    if (arn.split(':')[2] !== 'dynamodb') throw invalidParameterValues(`Provided Arn is not a DynamoDB resource arn: ${arn}`);
    throw invalidParameterValues(`Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${arn}`);
  }
  if (parsed.subresource && parsed.subresource.kind !== 'stream') {
    throw invalidParameterValues(`Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${arn}`);
  }
  if (parsed.region !== ctx.region) throw validationError(`Invalid TableArn: Invalid ResourceArn provided as input ${arn}`);
  const table = parsed.accountId === ctx.accountId && !parsed.subresource ? ctx.store.tables.get(scopeOf(ctx), parsed.tableName) : undefined;
  if (!table) throw new ResourceNotFoundException(`Requested resource not found: ResourcArn: ${arn} not found`);
  return table;
}

export async function tagResource(input: TagResourceInput, ctx: Ctx): Promise<Record<string, never>> {
  const requested = taggedTable(ctx, input.ResourceArn);
  if (input.Tags.length === 0) throw validationError('Atleast one Tag needs to be provided as Input.');
  await ctx.store.write(() => {
    const table = ctx.store.tables.current(requested);
    if (!table) throw new ResourceNotFoundException(`Requested resource not found: ResourcArn: ${input.ResourceArn} not found`);
    ctx.store.admin.update(table, { ...table, tags: mergeTags(table.tags, input.Tags) });
  });
  return {};
}

export async function untagResource(input: UntagResourceInput, ctx: Ctx): Promise<Record<string, never>> {
  const requested = taggedTable(ctx, input.ResourceArn);
  if (input.TagKeys.length === 0) throw validationError('Atleast one Tag Key needs to be provided as Input.');
  await ctx.store.write(() => {
    const table = ctx.store.tables.current(requested);
    if (!table) throw new ResourceNotFoundException(`Requested resource not found: ResourcArn: ${input.ResourceArn} not found`);
    ctx.store.admin.update(table, { ...table, tags: table.tags.filter((t) => !input.TagKeys.includes(t.Key)) });
  });
  return {};
}

/** Every tag at once (a table has at most 50), so NextToken is never needed. */
export function listTagsOfResource(input: ListTagsOfResourceInput, ctx: Ctx): ListTagsOfResourceOutput {
  const table = taggedTable(ctx, input.ResourceArn);
  return { Tags: table.tags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}
