/**
 * What authorization needs to know about a bucket: its owner, its policy (compiled once per
 * document text), its ACL, its Block Public Access settings and whether ACLs are enabled.
 *
 * Read on nearly every request, so it is cached per bucket and trusted for as long as the bucket's
 * configuration documents have not changed (`configs.version`, `db.generation`): writes to objects
 * or other buckets leave it valid. Each part is read on first use, so a root in its own account
 * costs one lookup of the policy and nothing more.
 */
import { parsePolicy, type AttachedPolicy, type Policy } from '../../../../iam/index.js';
import type { AccessControlPolicy, OwnershipControls } from '../../generated/types.js';
import { aclsDisabled } from '../ownership.js';
import { isPublicPolicy } from '../policy-status.js';
import { effectivePublicAccessBlock, type PublicAccessBlock } from '../public-access-block.js';
import type { S3Store } from '../../store.js';
import type { Bucket } from '../../store/buckets.js';
import { EMPTY_ACL, summarizeAcl, type AclSummary } from './acl-grants.js';

/** A bucket policy, compiled, with what authorization asks of it. */
export interface BucketPolicy {
  readonly attached: AttachedPolicy;
  /** Whether any statement denies: if none does, the owner's root needs no evaluation. */
  readonly hasDeny: boolean;
  /** AWS's "public" policy (RestrictPublicBuckets limits such a policy to the owner's account). */
  readonly isPublic: boolean;
  /** The policy's Deny statements alone: what still applies to outsiders under RestrictPublicBuckets. */
  denyOnly(): AttachedPolicy | undefined;
}

/** The stored form of a bucket policy (put-bucket-policy.ts). */
interface StoredBucketPolicy {
  text: string;
}

export class BucketAccess {
  private policyRead = false;
  private policyValue: BucketPolicy | undefined;
  private aclValue: AclSummary | undefined;
  private blockValue: PublicAccessBlock | undefined;
  private aclsEnabledValue: boolean | undefined;

  constructor(
    readonly store: S3Store,
    readonly bucket: Bucket,
    readonly configVersion: number,
    readonly generation: number,
  ) {}

  get owner(): string {
    return this.bucket.accountId;
  }

  get policy(): BucketPolicy | undefined {
    if (!this.policyRead) {
      const stored = this.store.configs.get<StoredBucketPolicy | string>(this.bucket, 'policy');
      const text = typeof stored === 'string' ? stored : stored?.text;
      this.policyValue = text === undefined ? undefined : compiledBucketPolicy(text, this.bucket.name, this.store);
      this.policyRead = true;
    }
    return this.policyValue;
  }

  get acl(): AclSummary {
    this.aclValue ??= summarizeAcl(this.store.configs.get<AccessControlPolicy>(this.bucket, 'acl'));
    return this.aclValue;
  }

  get publicAccessBlock(): PublicAccessBlock {
    this.blockValue ??= effectivePublicAccessBlock(this.store.configs.get<PublicAccessBlock>(this.bucket, 'public-access-block'));
    return this.blockValue;
  }

  /** False with ObjectOwnership BucketOwnerEnforced: ACLs then grant nothing. */
  get aclsEnabled(): boolean {
    this.aclsEnabledValue ??= !aclsDisabled(this.store.configs.get<OwnershipControls>(this.bucket, 'ownership-controls'));
    return this.aclsEnabledValue;
  }

  /** The bucket ACL's summary, or nothing when ACLs are disabled. */
  get effectiveAcl(): AclSummary {
    return this.aclsEnabled ? this.acl : EMPTY_ACL;
  }
}

const byStore = new WeakMap<S3Store, Map<string, BucketAccess>>();

/** The bucket's access facts, or undefined when there is no such bucket. */
export function bucketAccess(store: S3Store, name: string): BucketAccess | undefined {
  const bucket = store.buckets.get(name);
  if (!bucket) return undefined;
  let cache = byStore.get(store);
  if (!cache) {
    cache = new Map();
    byStore.set(store, cache);
  }
  const db = store.db;
  const hit = cache.get(name);
  // The bucket row object is replaced whenever the row changes, so identity compares it too.
  const version = store.configs.version(bucket);
  if (hit && hit.bucket === bucket && hit.configVersion === version && hit.generation === db.generation) return hit;
  const fresh = new BucketAccess(store, bucket, version, db.generation);
  if (cache.size >= 10_000) cache.clear();
  cache.set(name, fresh);
  return fresh;
}

// Compiled policies by text: parsing happens once per distinct document, not per request.
const policies = new Map<string, BucketPolicy>();

function compiledBucketPolicy(text: string, bucket: string, store: S3Store): BucketPolicy | undefined {
  const hit = policies.get(text);
  if (hit) return hit;
  let policy: Policy;
  try {
    policy = parsePolicy(text, 'resource');
  } catch (e) {
    // PutBucketPolicy validated it with the same engine, so this means a stored document from an
    // older version that the engine now refuses. Evaluating nothing would open the bucket to no
    // one but could drop a Deny: say so loudly.
    store.log.warn(`s3: the policy of bucket ${bucket} cannot be evaluated and is ignored: ${(e as Error).message}`);
    return undefined;
  }
  const attached: AttachedPolicy = { policy, source: { type: 'resource', name: 'bucket-policy' } };
  let denies: AttachedPolicy | null | undefined;
  const compiled: BucketPolicy = {
    attached,
    hasDeny: policy.statements.some((s) => s.effect === 'Deny'),
    isPublic: isPublicPolicy(text),
    denyOnly() {
      if (denies === undefined) denies = denyStatements(text);
      return denies ?? undefined;
    },
  };
  if (policies.size >= 1000) policies.clear();
  policies.set(text, compiled);
  return compiled;
}

/** The Deny statements of a policy as a policy of their own (null when it has none). */
function denyStatements(text: string): AttachedPolicy | null {
  const doc = JSON.parse(text) as { Version?: string; Statement: unknown };
  const all = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  const denies = all.filter((s) => (s as { Effect?: string }).Effect === 'Deny');
  if (denies.length === 0) return null;
  const policy = parsePolicy(JSON.stringify({ ...doc, Statement: denies }), 'resource');
  return { policy, source: { type: 'resource', name: 'bucket-policy' } };
}
