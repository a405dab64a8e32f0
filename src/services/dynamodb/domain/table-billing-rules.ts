/**
 * Billing mode and provisioned throughput rules of CreateTable and UpdateTable, with AWS's
 * messages. Pure. PROVISIONED (the default) needs ProvisionedThroughput for the table and every
 * GSI; PAY_PER_REQUEST forbids it. Throughput history (last increase/decrease, decreases today)
 * is kept for DescribeTable; Nimbus does not enforce AWS's daily decrease quota.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.ReadWriteCapacityMode.html
 */
import { invalidParameterValues, validationError } from './errors.js';
import type { BillingMode, OnDemandSettings, ThroughputSettings } from './table-model.js';
import type { OnDemandThroughput, ProvisionedThroughput } from '../generated/types.js';

export function newThroughput(pt: ProvisionedThroughput): ThroughputSettings {
  return { read: pt.ReadCapacityUnits, write: pt.WriteCapacityUnits, decreasesToday: 0 };
}

export function onDemandOf(odt: OnDemandThroughput | undefined): OnDemandSettings | undefined {
  if (!odt || (odt.MaxReadRequestUnits === undefined && odt.MaxWriteRequestUnits === undefined)) return undefined;
  return { maxRead: odt.MaxReadRequestUnits, maxWrite: odt.MaxWriteRequestUnits };
}

function rejectOnDemandWhenProvisioned(odt: OnDemandThroughput | undefined, index?: string): void {
  const member = odt?.MaxReadRequestUnits !== undefined ? 'MaxReadRequestUnits' : odt?.MaxWriteRequestUnits !== undefined ? 'MaxWriteRequestUnits' : undefined;
  if (!member) return;
  const where = index ? `for index : ${index}` : 'when the table BillingMode is PROVISIONED';
  throw invalidParameterValues(`${member} for OnDemandThroughput cannot be specified ${where}`);
}

export interface DeclaredThroughput {
  IndexName: string;
  ProvisionedThroughput?: ProvisionedThroughput;
  OnDemandThroughput?: OnDemandThroughput;
}

export interface CheckedBilling {
  billingMode: BillingMode;
  throughput?: ThroughputSettings;
  onDemand?: OnDemandSettings;
  /** Per GSI name. */
  gsis: Map<string, { throughput?: ThroughputSettings; onDemand?: OnDemandSettings }>;
}

/** CreateTable's billing rules. */
export function checkCreateBilling(
  input: { BillingMode?: BillingMode; ProvisionedThroughput?: ProvisionedThroughput; OnDemandThroughput?: OnDemandThroughput },
  gsis: readonly DeclaredThroughput[],
): CheckedBilling {
  const billingMode = input.BillingMode ?? 'PROVISIONED';
  const out: CheckedBilling = { billingMode, gsis: new Map() };
  if (billingMode === 'PROVISIONED') {
    if (!input.ProvisionedThroughput) throw invalidParameterValues('ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED');
    rejectOnDemandWhenProvisioned(input.OnDemandThroughput);
    out.throughput = newThroughput(input.ProvisionedThroughput);
    for (const g of gsis) {
      if (!g.ProvisionedThroughput) throw invalidParameterValues(`ProvisionedThroughput is not specified for index: ${g.IndexName}`);
      rejectOnDemandWhenProvisioned(g.OnDemandThroughput, g.IndexName);
      out.gsis.set(g.IndexName, { throughput: newThroughput(g.ProvisionedThroughput) });
    }
    return out;
  }
  if (input.ProvisionedThroughput) throw invalidParameterValues('Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
  out.onDemand = onDemandOf(input.OnDemandThroughput);
  for (const g of gsis) {
    if (g.ProvisionedThroughput) {
      throw invalidParameterValues(`ProvisionedThroughput should not be specified for index: ${g.IndexName} when BillingMode is PAY_PER_REQUEST`);
    }
    out.gsis.set(g.IndexName, { onDemand: onDemandOf(g.OnDemandThroughput) });
  }
  return out;
}

function utcDay(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

/** The message AWS gives when UpdateTable asks for the throughput a table or index already has. */
export function unchangedThroughputMessage(what: string, current: ThroughputSettings): string {
  const kind = what === 'table' ? 'the table' : 'the index';
  return (
    `The provisioned throughput for ${what === 'table' ? 'the table' : `the index ${what}`} will not change. The requested value equals the current value. ` +
    `Current ReadCapacityUnits provisioned for ${kind}: ${current.read}. Requested ReadCapacityUnits: ${current.read}. ` +
    `Current WriteCapacityUnits provisioned for ${kind}: ${current.write}. Requested WriteCapacityUnits: ${current.write}. ` +
    'Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.'
  );
}

/**
 * New throughput settings after an UpdateTable change, with the increase/decrease history.
 * `what` is `table` or an index name (for the "will not change" message).
 */
export function changeThroughput(current: ThroughputSettings | undefined, pt: ProvisionedThroughput, nowMs: number, what: string): ThroughputSettings {
  if (!current) return newThroughput(pt);
  if (current.read === pt.ReadCapacityUnits && current.write === pt.WriteCapacityUnits) {
    throw validationError(unchangedThroughputMessage(what, current));
  }
  const next: ThroughputSettings = { ...current, read: pt.ReadCapacityUnits, write: pt.WriteCapacityUnits };
  const day = utcDay(nowMs);
  if (next.decreaseDay !== day) {
    next.decreaseDay = day;
    next.decreasesToday = 0;
  }
  if (pt.ReadCapacityUnits > current.read || pt.WriteCapacityUnits > current.write) next.lastIncrease = nowMs;
  if (pt.ReadCapacityUnits < current.read || pt.WriteCapacityUnits < current.write) {
    next.lastDecrease = nowMs;
    next.decreasesToday++;
  }
  return next;
}
