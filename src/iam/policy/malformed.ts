/**
 * IAM's MalformedPolicyDocument messages, verbatim. Sources: the messages IAM returns for each
 * kind of mistake, as quoted in AWS re:Post answers and in public bug reports of tools that
 * create policies (CloudFormation, Terraform, CDK), and the IAM User Guide pages linked below.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
 */
import { MalformedPolicyError } from '../types.js';

export const Malformed = {
  /** Not JSON, or JSON that breaks the policy grammar: unknown fields, wrong types, an Effect other than Allow/Deny, Action with NotAction … */
  syntax: 'Syntax errors in policy.',
  /** A managed policy without `"Version": "2012-10-17"`. */
  version: 'Policy document must be version 2012-10-17 or greater.',
  /** IAM's older parser: an Effect in the wrong case, a date it cannot read, a malformed ARN. */
  legacy: 'The policy failed legacy parsing',
  /** An identity-based policy or permissions boundary with Principal / NotPrincipal. */
  identityPrincipal: 'Policy document should not specify a principal.',
  /** A session policy with Principal / NotPrincipal. */
  prohibitedPrincipal: 'Has prohibited field Principal',
  /** A role trust policy with Resource / NotResource. */
  prohibitedResource: 'Has prohibited field Resource',
  /** A resource-based policy statement without Principal / NotPrincipal. */
  missingPrincipal: 'Missing required field Principal',
  /** A role trust policy statement without Principal (IAM's own wording, internal class name included). */
  trustWithoutPrincipal: 'Invalid principal in policy: com.amazon.balsa.error.InvalidPolicyException: The passed in policy has a statement with no principals!',
  sidUnique: 'Statement IDs (SID) in a single policy must be unique.',
  sidAlphanumeric: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
  noActions: 'Policy statement must contain actions.',
  noResources: 'Policy statement must contain resources.',
  actionVendor: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
  actionColons: 'Actions/Condition can contain only one colon.',
  vendor: (v: string) => `Vendor ${v} is not valid`,
  resourceFormat: (r: string) => `Resource ${r} must be in ARN format or "*".`,
  partition: (p: string, r: string) => `Partition "${p}" is not valid for resource "${r}".`,
  resourceVendor: 'Resource vendor must be fully qualified and cannot contain regexes.',
  iamRegion: (r: string) => `IAM resource ${r} cannot contain region information.`,
  s3Region: (r: string) => `Resource ${r} can not contain region information.`,
  iamPath:
    'IAM resource path must either be "*" or start with user/, federated-user/, role/, group/, instance-profile/, mfa/, server-certificate/, policy/, sms-mfa/, saml-provider/, oidc-provider/, report/, access-report/.',
  /** `"AWS":"<value>"` — IAM names the principal type in upper case except AWS. */
  invalidPrincipal: (type: string, value: string) => `Invalid principal in policy: "${type}":"${value}"`,
  invalidPrincipalShape: 'Invalid principal in policy',
} as const;

export function malformed(message: string): never {
  throw new MalformedPolicyError(message);
}
