/**
 * The statements of a BatchExecuteStatement or ExecuteTransaction, compiled one by one: each
 * keeps its plan or the error a lone ExecuteStatement would have thrown, and what it is (a read
 * or a write) when it parsed — so a batch can refuse a mix of reads and writes while reporting
 * every other problem against the statement alone.
 */
import { isServiceError, type ServiceError } from '../../../../shared/errors.js';
import { compileStatement, type Plan } from '../../domain/partiql/index.js';
// Only to tell what a statement that failed to compile was (the index does not re-export it).
import { parseStatement } from '../../domain/partiql/index.js';
import type { AttributeValue } from '../../domain/types.js';
import type { StatementTables } from './statement-tables.js';

export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'exists';

export interface StatementEntry {
  /** What the statement is, when it parsed. */
  kind?: StatementKind;
  /** The table it names, when it parsed. */
  tableName?: string;
  plan?: Plan;
  error?: ServiceError;
}

export function compileEntry(statement: string, parameters: readonly AttributeValue[] | undefined, tables: StatementTables): StatementEntry {
  try {
    const plan = compileStatement(statement, parameters, tables.keySchemaOf);
    return { kind: plan.kind, tableName: plan.table, plan };
  } catch (e) {
    if (!isServiceError(e)) throw e;
    const entry: StatementEntry = { error: e };
    try {
      const s = parseStatement(statement).statement;
      entry.kind = s.kind;
      entry.tableName = s.kind === 'exists' ? s.select.source.table : s.source.table;
    } catch {
      // A syntax error: neither a read nor a write.
    }
    return entry;
  }
}

/** Reads are SELECTs; INSERT, UPDATE, DELETE and EXISTS (a condition check) are writes. */
export function isRead(kind: StatementKind | undefined): boolean {
  return kind === 'select';
}

export function isWrite(kind: StatementKind | undefined): boolean {
  return kind !== undefined && kind !== 'select';
}
