/**
 * Finding the table a request names, shared by every DynamoDB operation. `TableName` may be a
 * table name or, as AWS accepts since 2024, the table's ARN.
 */
import type { OperationContext } from '../../service.js';
import { describeTable, type DescribeOptions } from '../domain/table-description.js';
import { parseDynamoArn } from '../domain/table-arns.js';
import type { Scope, TableRecord } from '../domain/table-model.js';
import { ResourceNotFoundException } from '../generated/errors.js';
import type { DynamoStore } from '../store/index.js';
import type { TableDescription } from '../generated/types.js';

export type Ctx = OperationContext<DynamoStore>;

export function scopeOf(ctx: Ctx): Scope {
  return { accountId: ctx.accountId, region: ctx.region };
}

/** The table name a TableName parameter (name or ARN) stands for. */
export function tableNameOf(nameOrArn: string): string {
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  return parseDynamoArn(nameOrArn)?.tableName ?? nameOrArn;
}

export function tableNotFound(name: string): ResourceNotFoundException {
  return new ResourceNotFoundException(`Requested resource not found: Table: ${name} not found`);
}

/** The table, or undefined (an ARN of another account or region names no table here). */
export function findTable(ctx: Ctx, nameOrArn: string): TableRecord | undefined {
  if (nameOrArn.startsWith('arn:')) {
    const arn = parseDynamoArn(nameOrArn);
    if (!arn || arn.subresource || arn.accountId !== ctx.accountId || arn.region !== ctx.region) return undefined;
    return ctx.store.tables.get(scopeOf(ctx), arn.tableName);
  }
  return ctx.store.tables.get(scopeOf(ctx), nameOrArn);
}

/** The table, or ResourceNotFoundException "Requested resource not found: Table: <name> not found". */
export function requireTable(ctx: Ctx, nameOrArn: string): TableRecord {
  const table = findTable(ctx, nameOrArn);
  if (!table) throw tableNotFound(tableNameOf(nameOrArn));
  return table;
}

/** The table's TableDescription with its current counters. */
export function describe(ctx: Ctx, table: TableRecord, options: Omit<DescribeOptions, 'counts'> = {}): TableDescription {
  return describeTable(table, { ...options, counts: ctx.store.tables.counters(table) });
}
