/**
 * How IAM checks a Resource / NotResource entry: `"*"` or an ARN
 * (`arn:partition:service:region:account:resource`). Its older ("legacy") parser refuses an `arn:`
 * value with four or five parts or an empty service; the newer checks name the problem: no
 * colon at all, an unknown partition (reported with the value completed to six parts), a
 * wildcard or missing service, a region on an IAM resource or an S3 bucket, an IAM resource path
 * of no known type.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
import { Malformed } from './malformed.js';

const IAM_PATHS = ['user/', 'federated-user/', 'role/', 'group/', 'instance-profile/', 'mfa/', 'server-certificate/', 'policy/', 'sms-mfa/', 'saml-provider/', 'oidc-provider/', 'report/', 'access-report/'];

function validPartition(p: string): boolean {
  return p === '*' || /^aws(-[a-z]+)*$/.test(p);
}

/** Completed to six parts with `*`, as IAM shows it in its partition message. */
function completed(parts: readonly string[]): string {
  const out = ['arn', ...parts.slice(1)];
  while (out.length < 6) out.push('*');
  return out.join(':');
}

/** True when IAM's legacy parser refuses this resource ("The policy failed legacy parsing"). */
export function failsLegacyParsing(resource: string): boolean {
  if (!resource.startsWith('arn:')) return false;
  const parts = resource.split(':');
  // An unknown partition is reported by the later, named check instead.
  if (!validPartition(parts[1] ?? '')) return false;
  if (parts.length === 4 || parts.length === 5) return true;
  return parts.length >= 6 && parts[2] === '';
}

/** The message for a Resource entry IAM refuses, or undefined when it is acceptable. */
export function resourceProblem(resource: string): string | undefined {
  if (resource === '*') return undefined;
  if (!resource.includes(':')) return Malformed.resourceFormat(resource);
  const parts = resource.split(':');
  const partition = parts[1] ?? '';
  if (parts[0] !== 'arn') {
    return validPartition(partition) ? Malformed.resourceFormat(resource) : Malformed.partition(partition, completed(parts));
  }
  if (parts.length === 2) return Malformed.resourceVendor;
  if (!validPartition(partition)) return Malformed.partition(partition, completed(parts));
  const service = parts[2] ?? '';
  if (service === '' || /[*?]/.test(service)) return Malformed.resourceVendor;
  if (parts.length < 6) return undefined;
  const region = parts[3] ?? '';
  const account = parts[4] ?? '';
  const rest = parts.slice(5).join(':');
  if (service === 'iam') {
    if (region !== '') return Malformed.iamRegion(resource);
    if (rest !== 'root' && !rest.startsWith('*') && !IAM_PATHS.some((p) => rest.startsWith(p))) return Malformed.iamPath;
  }
  // A bucket ARN has neither region nor account; access points (with an account) carry a region.
  if (service === 's3' && region !== '' && account === '') return Malformed.s3Region(resource);
  return undefined;
}
