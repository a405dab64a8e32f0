/**
 * The configurations a bucket holds several of, each under an Id (analytics, metrics, inventory,
 * S3 Intelligent-Tiering archive settings): stored as one document per kind mapping Id to
 * configuration. Stored and returned only: Nimbus computes no analytics, publishes no metrics,
 * writes no inventory reports and moves nothing between tiers.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketMetricsConfiguration.html
 */
import { S3Errors } from '../domain/errors.js';
import { callerBucket, type BucketRequest, type Ctx } from './config-bucket.js';

export type KeyedKind = 'analytics' | 'metrics' | 'inventory' | 'intelligent-tiering';

type Stored<T> = Record<string, T>;

/** List operations answer this many configurations a page, as AWS does. */
const PAGE_SIZE = 100;

export function putKeyed<T extends { Id?: string }>(ctx: Ctx, input: BucketRequest & { Id: string }, kind: KeyedKind, config: T | undefined): Promise<Record<string, never>> {
  if (!config) return Promise.reject(S3Errors.malformedXml());
  return ctx.store.transaction(() => {
    const bucket = callerBucket(ctx, input);
    const all = ctx.store.configs.get<Stored<T>>(bucket, kind) ?? {};
    all[input.Id] = { ...config, Id: config.Id ?? input.Id };
    ctx.store.configs.put(bucket, kind, all);
    return {};
  });
}

export function getKeyed<T>(ctx: Ctx, input: BucketRequest & { Id: string }, kind: KeyedKind): T {
  const bucket = callerBucket(ctx, input);
  const found = ctx.store.configs.get<Stored<T>>(bucket, kind)?.[input.Id];
  if (found === undefined) throw S3Errors.notConfigured('NoSuchConfiguration', input.Bucket);
  return found;
}

export function deleteKeyed(ctx: Ctx, input: BucketRequest & { Id: string }, kind: KeyedKind): Promise<Record<string, never>> {
  return ctx.store.transaction(() => {
    const bucket = callerBucket(ctx, input);
    const all = ctx.store.configs.get<Stored<unknown>>(bucket, kind) ?? {};
    if (!(input.Id in all)) throw S3Errors.notConfigured('NoSuchConfiguration', input.Bucket);
    delete all[input.Id];
    if (Object.keys(all).length) ctx.store.configs.put(bucket, kind, all);
    else ctx.store.configs.delete(bucket, kind);
    return {};
  });
}

/** One page of configurations in Id order; the continuation token is the last Id, encoded. */
export function listKeyed<T>(ctx: Ctx, input: BucketRequest & { ContinuationToken?: string }, kind: KeyedKind): { items: T[]; IsTruncated: boolean; NextContinuationToken?: string } {
  const bucket = callerBucket(ctx, input);
  const all = ctx.store.configs.get<Stored<T>>(bucket, kind) ?? {};
  let after: string | undefined;
  if (input.ContinuationToken !== undefined) {
    after = Buffer.from(input.ContinuationToken, 'base64url').toString('utf8');
    if (after === '' || Buffer.from(after, 'utf8').toString('base64url') !== input.ContinuationToken) {
      throw S3Errors.invalidArgument('The continuation token provided is incorrect', 'continuation-token', input.ContinuationToken);
    }
  }
  const ids = Object.keys(all)
    .sort()
    .filter((id) => after === undefined || id > after);
  const page = ids.slice(0, PAGE_SIZE);
  const truncated = ids.length > PAGE_SIZE;
  return {
    items: page.map((id) => all[id]!),
    IsTruncated: truncated,
    NextContinuationToken: truncated ? Buffer.from(page.at(-1)!, 'utf8').toString('base64url') : undefined,
  };
}
