import { validationError } from '../domain/errors.js';
import type { UpdateTimeToLiveInput, UpdateTimeToLiveOutput } from '../generated/types.js';
import { requireTable, tableNameOf, tableNotFound, type Ctx } from './table-lookup.js';

/**
 * Enables or disables TTL on an attribute. Enabling computes every item's expiry at once, so the
 * next sweep (store/sweeps.ts) deletes what has expired. AWS also refuses a second change within
 * about an hour ("Time to live has been modified multiple times within a fixed interval");
 * Nimbus does not, so tests can toggle TTL freely.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
 */
export async function updateTimeToLive(input: UpdateTimeToLiveInput, ctx: Ctx): Promise<UpdateTimeToLiveOutput> {
  const requested = requireTable(ctx, input.TableName);
  const spec = input.TimeToLiveSpecification;
  await ctx.store.write(() => {
    const table = ctx.store.tables.current(requested);
    if (!table) throw tableNotFound(tableNameOf(input.TableName));
    const ttl = table.ttl;
    if (ttl?.enabled && ttl.attributeName !== spec.AttributeName) {
      throw validationError(`TimeToLive is active on a different AttributeName: current AttributeName is ${ttl.attributeName}`);
    }
    if (spec.Enabled && ttl?.enabled) throw validationError('TimeToLive is already enabled');
    if (!spec.Enabled && !ttl?.enabled) throw validationError('TimeToLive is already disabled');
    ctx.store.admin.setTtl(table, { attributeName: spec.AttributeName, enabled: spec.Enabled });
  });
  return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } };
}
