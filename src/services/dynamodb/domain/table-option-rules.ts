/**
 * Rules for a table's options — stream specification, server-side encryption, tags — with AWS's
 * messages. Pure.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_StreamSpecification.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_SSESpecification.html
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html
 */
import { createHash } from 'node:crypto';
import { invalidParameterValues, validationError } from './errors.js';
import type { SseSettings, StreamViewType, Tag } from './table-model.js';
import type { SSESpecification, StreamSpecification } from '../generated/types.js';

export const MAX_TAGS = 50;

/** CreateTable's StreamSpecification: the view type of the stream to open, or undefined for none. */
export function checkCreateStream(spec: StreamSpecification | undefined): StreamViewType | undefined {
  if (!spec) return undefined;
  if (spec.StreamEnabled) {
    if (!spec.StreamViewType) throw invalidParameterValues('Table is being created with a stream enabled, UpdateViewType is required');
    return spec.StreamViewType;
  }
  if (spec.StreamViewType) throw invalidParameterValues('Table is being created with a stream disabled, UpdateViewType should not be specified');
  return undefined;
}

/** UpdateTable's StreamSpecification against the table's current stream. */
export function checkStreamChange(spec: StreamSpecification, tableName: string, enabled: boolean): { enable: StreamViewType } | { disable: true } {
  if (spec.StreamEnabled) {
    if (!spec.StreamViewType) throw invalidParameterValues('If stream is being enabled then UpdateViewType is required');
    if (enabled) throw validationError(`Table already has an enabled stream: TableName: ${tableName}`);
    return { enable: spec.StreamViewType };
  }
  if (spec.StreamViewType) throw invalidParameterValues('If stream is being disabled, then UpdateViewType must not be specified');
  if (!enabled) throw validationError(`Table has no stream to disable: TableName: ${tableName}`);
  return { disable: true };
}

/** A KMS key id (key id, alias or ARN) as the key ARN DescribeTable reports. */
export function kmsKeyArn(keyId: string, partition: string, region: string, accountId: string): string {
  if (keyId.startsWith('arn:')) return keyId;
  if (keyId.startsWith('alias/')) return `arn:${partition}:kms:${region}:${accountId}:${keyId}`;
  return `arn:${partition}:kms:${region}:${accountId}:key/${keyId}`;
}

/** The id of the AWS managed key `alias/aws/dynamodb` of an account and region (stable, UUID-shaped). */
function awsManagedKeyId(region: string, accountId: string): string {
  const h = createHash('sha256').update(`aws/dynamodb:${accountId}:${region}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * SSESpecification → the KMS settings, or undefined for the AWS owned key (the default, which
 * DescribeTable does not report). Enabled:true means a KMS key: the given one, or the AWS managed
 * key `alias/aws/dynamodb`.
 */
export function checkSse(spec: SSESpecification | undefined, partition: string, region: string, accountId: string): SseSettings | undefined {
  if (!spec) return undefined;
  if (!spec.Enabled) {
    if (spec.SSEType) throw invalidParameterValues('SSEType can not be specified if Enabled is false');
    if (spec.KMSMasterKeyId) throw invalidParameterValues('KMSMasterKeyId can not be specified if Enabled is false');
    return undefined;
  }
  if (spec.SSEType === 'AES256') throw invalidParameterValues('SSEType AES256 is not supported');
  const keyId = spec.KMSMasterKeyId ?? awsManagedKeyId(region, accountId);
  return { sseType: 'KMS', kmsKeyArn: kmsKeyArn(keyId, partition, region, accountId) };
}

/** Tags of CreateTable/TagResource: merged over `existing` (same key replaces), at most 50. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const seen = new Set<string>();
  for (const t of added) {
    if (t.Key.toLowerCase().startsWith('aws:')) throw validationError(`Tag Key cannot be prefixed with aws:, Key: ${t.Key}`);
    if (seen.has(t.Key)) throw validationError(`Duplicate Tag Keys provided as input: Duplicate Tag Key found ${t.Key}`);
    seen.add(t.Key);
  }
  const out = existing.filter((t) => !seen.has(t.Key)).map((t) => ({ Key: t.Key, Value: t.Value }));
  for (const t of added) out.push({ Key: t.Key, Value: t.Value });
  if (out.length > MAX_TAGS) throw validationError('Number of Tags exceed the current limit for the provided ResourceArn');
  return out;
}
