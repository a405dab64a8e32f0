/**
 * Bucket policies: PutBucketPolicy's checks, in S3's words (which are not IAM's), then the
 * project's policy engine (src/iam) compiles the document so it can be evaluated. The text is
 * stored and returned verbatim.
 *
 * S3's checks: the text starts with `{` and is JSON; it has a non-empty Statement; Version, when
 * given, is one IAM knows; every statement has an Effect of Allow or Deny, a Principal, an Action
 * and a Resource; resources are this bucket (`arn:aws:s3:::bucket`) or its objects
 * (`arn:aws:s3:::bucket/key`), wildcards allowed; an object action (s3:GetObject) needs an object
 * resource and a bucket action (s3:ListBucket) a bucket resource.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html
 */
import { MalformedPolicyError, parsePolicy, type Policy } from '../../../iam/index.js';
import { ConfigErrors } from './errors-config.js';

export const PolicyMessages = {
  firstByte: "Policies must be valid JSON and the first byte must be '{'",
  invalidJson: 'This policy contains invalid Json',
  missingStatement: 'Missing required field Statement',
  emptyStatement: 'Could not parse the policy: Statement is empty!',
  version: 'The policy must contain a valid version string',
  missing: (field: string) => `Missing required field ${field}`,
  effect: (effect: string) => `Invalid effect: ${effect}`,
  principal: 'Invalid principal in policy',
  action: 'Policy has invalid action',
  resource: 'Policy has invalid resource',
  actionResource: 'Action does not apply to any resource(s) in statement',
} as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(message: string): never {
  throw ConfigErrors.malformedPolicy(message);
}

/** A string-or-list element as a list of strings; anything else is `undefined`. */
function strings(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return undefined;
}

/**
 * Validates a bucket policy for `bucket` and compiles it; throws MalformedPolicy with S3's
 * message for the first problem found.
 */
export function validateBucketPolicy(text: string, bucket: string): Policy {
  if (!text.startsWith('{')) fail(PolicyMessages.firstByte);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    fail(PolicyMessages.invalidJson);
  }
  if (!isObject(doc)) fail(PolicyMessages.invalidJson);
  if (doc['Statement'] === undefined) fail(PolicyMessages.missingStatement);
  const raw = doc['Statement'];
  const statements = Array.isArray(raw) ? raw : [raw];
  if (statements.length === 0) fail(PolicyMessages.emptyStatement);
  const version = doc['Version'];
  if (version !== undefined && version !== '2012-10-17' && version !== '2008-10-17') fail(PolicyMessages.version);
  for (const s of statements) {
    if (!isObject(s)) fail(PolicyMessages.invalidJson);
    checkStatement(s, bucket);
  }
  try {
    return parsePolicy(text, 'resource');
  } catch (e) {
    if (e instanceof MalformedPolicyError) fail(s3Message(e.message));
    throw e;
  }
}

function checkStatement(s: Json, bucket: string): void {
  const effect = s['Effect'];
  if (effect === undefined) fail(PolicyMessages.missing('Effect'));
  if (effect !== 'Allow' && effect !== 'Deny') fail(PolicyMessages.effect(String(effect)));
  const principal = s['Principal'] ?? s['NotPrincipal'];
  if (principal === undefined) fail(PolicyMessages.missing('Principal'));
  if (!validPrincipal(principal)) fail(PolicyMessages.principal);
  const actionsRaw = s['Action'] ?? s['NotAction'];
  if (actionsRaw === undefined) fail(PolicyMessages.missing('Action'));
  const actions = strings(actionsRaw);
  if (!actions || actions.length === 0 || !actions.every(validAction)) fail(PolicyMessages.action);
  const resourcesRaw = s['Resource'] ?? s['NotResource'];
  if (resourcesRaw === undefined) fail(PolicyMessages.missing('Resource'));
  const resources = strings(resourcesRaw);
  if (!resources || resources.length === 0 || !resources.every((r) => validResource(r, bucket))) fail(PolicyMessages.resource);
  if (s['Action'] !== undefined && s['Resource'] !== undefined) checkActionsApply(actions, resources);
}

const AWS_PRINCIPAL = [
  /^\*$/,
  /^\d{12}$/,
  /^arn:aws[a-z-]*:iam::\d{12}:(root|user\/.+|role\/.+|federated-user\/.+)$/,
  /^arn:aws[a-z-]*:sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+)$/,
  /^arn:aws:iam::cloudfront:user\/CloudFront Origin Access Identity [A-Z0-9]+$/,
  // Unique ids AWS shows for principals that were deleted (AIDA… users, AROA… roles).
  /^A[A-Z0-9]{3}[A-Z0-9]{12,}$/,
];

function validPrincipal(p: unknown): boolean {
  if (p === '*') return true;
  if (!isObject(p) || Object.keys(p).length === 0) return false;
  for (const [type, raw] of Object.entries(p)) {
    const values = strings(raw);
    if (!values || values.length === 0) return false;
    for (const v of values) {
      switch (type) {
        case 'AWS':
          if (!AWS_PRINCIPAL.some((re) => re.test(v))) return false;
          break;
        case 'Service':
          if (!/^[a-z0-9][a-z0-9.-]*$/i.test(v)) return false;
          break;
        case 'CanonicalUser':
          if (!/^[0-9a-f]{64}$/.test(v)) return false;
          break;
        case 'Federated':
          if (v === '' || v.includes('*')) return false;
          break;
        default:
          return false;
      }
    }
  }
  return true;
}

/** `*`, or an S3 action (`s3:GetObject`, `s3:Get*`); S3's policies name no other service's actions. */
function validAction(action: string): boolean {
  if (action === '*') return true;
  const colon = action.indexOf(':');
  return colon > 0 && action.slice(0, colon).toLowerCase() === 's3' && /^[A-Za-z0-9*?]+$/.test(action.slice(colon + 1));
}

function globToRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

const S3_ARN = 'arn:aws:s3:::';

/** This bucket, or keys in it: the part before the first `/` must match the bucket's name. */
function validResource(resource: string, bucket: string): boolean {
  if (!resource.startsWith(S3_ARN)) return false;
  const rest = resource.slice(S3_ARN.length);
  const slash = rest.indexOf('/');
  const bucketPart = slash < 0 ? rest : rest.slice(0, slash);
  return bucketPart !== '' && globToRegExp(bucketPart).test(bucket);
}

/** S3 actions that act on objects though their names do not say "Object". */
const OBJECT_ACTIONS = new Set(['abortmultipartupload', 'listmultipartuploadparts', 'replicatedelete', 'replicatetags', 'bypassgovernanceretention']);

function actsOnObjects(action: string): boolean {
  const name = action.slice(action.indexOf(':') + 1).toLowerCase();
  return OBJECT_ACTIONS.has(name) || (name.includes('object') && !name.includes('bucket'));
}

/** "Action does not apply to any resource(s) in statement": an action with no resource of its kind. */
function checkActionsApply(actions: readonly string[], resources: readonly string[]): void {
  let objects = false;
  let buckets = false;
  for (const r of resources) {
    const rest = r.slice(S3_ARN.length);
    if (rest.includes('/')) objects = true;
    else if (rest.includes('*')) objects = buckets = true;
    else buckets = true;
  }
  for (const action of actions) {
    if (/[*?]/.test(action)) continue;
    if (actsOnObjects(action) ? !objects : !buckets) fail(PolicyMessages.actionResource);
  }
}

/** What S3 says for what the policy engine refused (IAM words the same problems differently). */
function s3Message(iamMessage: string): string {
  if (/principal/i.test(iamMessage)) return PolicyMessages.principal;
  if (/resource/i.test(iamMessage)) return PolicyMessages.resource;
  if (/action|vendor/i.test(iamMessage)) return PolicyMessages.action;
  if (/Statement IDs/.test(iamMessage)) return iamMessage;
  return PolicyMessages.invalidJson;
}
