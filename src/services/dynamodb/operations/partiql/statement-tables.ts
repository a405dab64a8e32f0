/**
 * The tables PartiQL statements name, looked up once per request: the data plane's
 * "Requested resource not found" for a missing one (as the item operations answer).
 */
import type { TableRecord } from '../../domain/table-model.js';
import type { KeySchema } from '../../domain/types.js';
import { requireItemTable } from '../items/item-table.js';
import type { Ctx } from '../table-lookup.js';

export class StatementTables {
  private readonly tables = new Map<string, TableRecord>();

  constructor(private readonly ctx: Ctx) {}

  /** The table, or ResourceNotFoundException. */
  tableOf(name: string): TableRecord {
    let table = this.tables.get(name);
    if (!table) {
      table = requireItemTable(this.ctx, name);
      this.tables.set(name, table);
    }
    return table;
  }

  /** compileStatement's KeySchemaLookup. */
  readonly keySchemaOf = (name: string): KeySchema => this.tableOf(name).key;
}
