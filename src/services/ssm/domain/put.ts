/**
 * PutParameter's rules, as a pure decision from the request and the parameter as it stands.
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PutParameter.html
 *
 * - Tags can't come with Overwrite (whether or not the parameter exists).
 * - An existing parameter needs Overwrite (ParameterAlreadyExists otherwise); Type is required
 *   to create one and optional to update one (the type may change on update).
 * - On update, Description, AllowedPattern, KeyId (while the type stays SecureString), DataType
 *   and Policies carry over from the previous version when the request leaves them out.
 * - KeyId only applies to SecureString (AWS ignores it for other types); SecureString defaults to
 *   the AWS managed key alias/aws/ssm.
 * - AllowedPattern is a regular expression the whole value must match.
 * - History keeps 100 versions: the 101st drops the oldest unless that one has a label
 *   (ParameterMaxVersionLimitExceeded).
 * - DataType is text, aws:ec2:image or aws:ssm:integration. AWS validates aws:ec2:image values
 *   asynchronously: PutParameter succeeds, and a value that is not an AMI id is never stored.
 */
import type { PutParameterRequest } from '../generated/types.js';
import type { ParameterHead, VersionRecord } from '../store.js';
import { SsmErrors } from './errors.js';
import { parsePolicies } from './policies.js';
import { resolveTier, valueSize } from './tiers.js';

export const MAX_VERSIONS = 100;
export const DEFAULT_KEY_ID = 'alias/aws/ssm';
const DATA_TYPES = new Set(['text', 'aws:ec2:image', 'aws:ssm:integration']);
const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

export interface PutPlan {
  record: VersionRecord;
  /** A version to drop to keep the history at 100. */
  dropVersion?: number;
  /** False when AWS would accept the request but never store it (an invalid aws:ec2:image value). */
  store: boolean;
}

/** Compiles an AllowedPattern as a whole-value match (Java's `String.matches`). */
function compilePattern(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    try {
      return new RegExp(`^(?:${pattern})$`);
    } catch {
      throw SsmErrors.invalidAllowedPattern();
    }
  }
}

export function planPut(input: PutParameterRequest, head: ParameterHead | undefined, now: Date, user: string): PutPlan {
  if (input.Overwrite && input.Tags?.length) throw SsmErrors.tagsWithOverwrite();
  const prev = head?.current;
  const dataType = input.DataType || prev?.dataType || 'text';
  if (!DATA_TYPES.has(dataType)) throw SsmErrors.unsupportedDataType(dataType);
  const type = input.Type ?? prev?.type;
  if (!type) throw SsmErrors.typeRequired();
  if (head && !input.Overwrite) throw SsmErrors.alreadyExists();

  const allowedPattern = input.AllowedPattern ?? prev?.allowedPattern;
  if (allowedPattern && !compilePattern(allowedPattern).test(input.Value)) throw SsmErrors.patternMismatch(allowedPattern);

  const policies = input.Policies !== undefined ? parsePolicies(input.Policies) : prev?.policies;
  const hasPolicies = policies !== undefined && policies !== '[]';
  const tier = resolveTier(input.Tier, prev?.tier, valueSize(input.Value), hasPolicies);

  let dropVersion: number | undefined;
  if (head && head.versionCount >= MAX_VERSIONS) {
    if (head.oldestLabelled) throw SsmErrors.maxVersions(prev!.name, head.oldestVersion);
    dropVersion = head.oldestVersion;
  }
  const keyId = type === 'SecureString' ? (input.KeyId ?? (prev?.type === 'SecureString' ? prev.keyId : undefined) ?? DEFAULT_KEY_ID) : undefined;
  const record: VersionRecord = {
    version: (prev?.version ?? 0) + 1,
    type,
    value: input.Value,
    keyId,
    description: input.Description ?? prev?.description,
    allowedPattern: allowedPattern || undefined,
    tier,
    dataType,
    policies,
    lastModified: now,
    lastModifiedUser: user,
  };
  return { record, dropVersion, store: dataType !== 'aws:ec2:image' || AMI_ID.test(input.Value) };
}
