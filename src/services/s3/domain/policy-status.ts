/**
 * Whether a bucket policy is "public", as GetBucketPolicyStatus and the BlockPublicPolicy and
 * RestrictPublicBuckets settings judge it. A policy is public when one of its Allow statements
 * grants to everyone (`"Principal": "*"`, `{"AWS": "*"}`, any `NotPrincipal`) without a condition
 * that pins one of these keys to fixed values: aws:SourceIp (CIDRs no wider than /8 for IPv4 or /32
 * for IPv6), aws:SourceArn, aws:SourceVpc, aws:SourceVpce, aws:SourceOwner, aws:SourceAccount,
 * aws:SourceOrgID, aws:PrincipalOrgID, aws:PrincipalAccount, aws:PrincipalArn, aws:userid (outside
 * the pattern `AROLEID:*`), s3:DataAccessPointArn, s3:DataAccessPointAccount,
 * s3:x-amz-server-side-encryption-aws-kms-key-id.
 * "Fixed" means an equality operator (StringEquals, ArnEquals, IpAddress …, not `…IfExists`, not a
 * negation) with values that hold no wildcard. How wide a CIDR may be is not documented; /8 is
 * Nimbus's reading.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
 */

type Json = Record<string, unknown>;

const RESTRICTING_KEYS = new Set([
  'aws:sourceip',
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:principalorgid',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  's3:dataaccesspointarn',
  's3:dataaccesspointaccount',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
]);

/** Operators that pin a key to the listed values (with `ForAnyValue:`/`ForAllValues:` prefixes allowed). */
const FIXED_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike', 'ipaddress']);

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function grantsEveryone(s: Json): boolean {
  if (s['NotPrincipal'] !== undefined) return true;
  const p = s['Principal'];
  if (p === '*') return true;
  if (!isObject(p)) return false;
  return list(p['AWS']).includes('*') || list(p['CanonicalUser']).includes('*');
}

function narrowCidr(cidr: string): boolean {
  const [address, bits] = cidr.split('/');
  if (address === undefined) return false;
  const ipv6 = address.includes(':');
  if (bits === undefined) return true;
  const n = Number(bits);
  return Number.isInteger(n) && n >= (ipv6 ? 32 : 8);
}

function fixedValue(key: string, value: unknown): boolean {
  if (typeof value !== 'string' || value === '' || /[*?]/.test(value)) return false;
  if (key === 'aws:sourceip') return narrowCidr(value);
  return true;
}

/** True when the statement's condition pins a restricting key to fixed values. */
function restricted(s: Json): boolean {
  const condition = s['Condition'];
  if (!isObject(condition)) return false;
  for (const [operator, body] of Object.entries(condition)) {
    const base = operator.toLowerCase().replace(/^for(anyvalue|allvalues):/, '');
    if (!FIXED_OPERATORS.has(base) || !isObject(body)) continue;
    for (const [key, values] of Object.entries(body)) {
      const k = key.toLowerCase();
      const all = list(values);
      if (RESTRICTING_KEYS.has(k) && all.length > 0 && all.every((v) => fixedValue(k, v))) return true;
    }
  }
  return false;
}

/** True when the policy text (already validated) grants public access. */
export function isPublicPolicy(text: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return false;
  }
  if (!isObject(doc)) return false;
  return list(doc['Statement']).some((s) => isObject(s) && s['Effect'] === 'Allow' && grantsEveryone(s) && !restricted(s));
}
