/**
 * Stream ARNs: `arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>`, where the label
 * is the stream's creation time (`2024-05-01T12:00:00.123`). Pure.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazondynamodb.html#amazondynamodb-resources-for-iam-policies
 */
import { parseDynamoArn } from '../dynamodb-store.js';

export interface ParsedStreamArn {
  region: string;
  accountId: string;
  tableName: string;
  label: string;
}

/** The parts of a stream ARN, or undefined when the text is not one. */
export function parseStreamArn(arn: string): ParsedStreamArn | undefined {
  const parsed = parseDynamoArn(arn);
  if (!parsed || parsed.subresource?.kind !== 'stream' || !parsed.subresource.id || parsed.subresource.id.includes('/')) return undefined;
  return { region: parsed.region, accountId: parsed.accountId, tableName: parsed.tableName, label: parsed.subresource.id };
}

/** The creation time a stream label stands for (epoch ms), or undefined when it is not a time. */
export function labelTime(label: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/.test(label)) return undefined;
  const ms = Date.parse(`${label}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
