/**
 * The request context holds keys lower-cased; a decoded authorization message shows them as AWS
 * spells them. These are the global condition keys; service keys keep the casing they arrived in.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */

const GLOBAL_KEYS = [
  'aws:CalledVia',
  'aws:CalledViaFirst',
  'aws:CalledViaLast',
  'aws:CurrentTime',
  'aws:EpochTime',
  'aws:FederatedProvider',
  'aws:MultiFactorAuthAge',
  'aws:MultiFactorAuthPresent',
  'aws:PrincipalAccount',
  'aws:PrincipalArn',
  'aws:PrincipalIsAWSService',
  'aws:PrincipalOrgID',
  'aws:PrincipalServiceName',
  'aws:PrincipalType',
  'aws:RequestedRegion',
  'aws:ResourceAccount',
  'aws:SecureTransport',
  'aws:SourceAccount',
  'aws:SourceArn',
  'aws:SourceIdentity',
  'aws:SourceIp',
  'aws:SourceVpc',
  'aws:SourceVpce',
  'aws:TagKeys',
  'aws:TokenIssueTime',
  'aws:UserAgent',
  'aws:userid',
  'aws:username',
  'aws:ViaAWSService',
];

const BY_LOWER = new Map(GLOBAL_KEYS.map((k) => [k.toLowerCase(), k]));
const TAG_PREFIXES = ['aws:PrincipalTag/', 'aws:RequestTag/', 'aws:ResourceTag/'];

export function canonicalKey(lower: string): string {
  const known = BY_LOWER.get(lower);
  if (known) return known;
  for (const prefix of TAG_PREFIXES) {
    if (lower.startsWith(prefix.toLowerCase())) return prefix + lower.slice(prefix.length);
  }
  return lower;
}
