/** Stored parameters in the shapes AWS answers with. */
import type { OperationContext } from '../../service.js';
import type { Parameter, ParameterHistory, ParameterMetadata } from '../generated/types.js';
import type { StoredParameter } from '../store.js';
import { opaqueCiphertext } from './ciphertext.js';
import { parameterArn } from './names.js';
import { storedPolicies } from './policies.js';

type Ctx = Pick<OperationContext<unknown>, 'accountId' | 'region'>;

/** The value as returned: SecureStrings stay encrypted unless the caller asks to decrypt them. */
export function shownValue(ctx: Ctx, p: StoredParameter, withDecryption: boolean | undefined): string {
  if (p.type !== 'SecureString' || withDecryption) return p.value;
  return opaqueCiphertext(ctx.accountId, ctx.region, p.key, p.version, p.keyId ?? '', p.value);
}

export function toParameter(ctx: Ctx, p: StoredParameter, withDecryption: boolean | undefined, selector?: string): Parameter {
  return {
    Name: p.name,
    Type: p.type,
    Value: shownValue(ctx, p, withDecryption),
    Version: p.version,
    Selector: selector,
    LastModifiedDate: p.lastModified,
    ARN: parameterArn(ctx.region, ctx.accountId, p.key),
    DataType: p.dataType,
  };
}

export function toMetadata(ctx: Ctx, p: StoredParameter): ParameterMetadata {
  return {
    Name: p.name,
    ARN: parameterArn(ctx.region, ctx.accountId, p.key),
    Type: p.type,
    KeyId: p.keyId,
    LastModifiedDate: p.lastModified,
    LastModifiedUser: p.lastModifiedUser,
    Description: p.description,
    AllowedPattern: p.allowedPattern,
    Version: p.version,
    Tier: p.tier,
    Policies: storedPolicies(p.policies),
    DataType: p.dataType,
  };
}

export function toHistory(ctx: Ctx, p: StoredParameter, labels: string[], withDecryption: boolean | undefined): ParameterHistory {
  return {
    Name: p.name,
    Type: p.type,
    KeyId: p.keyId,
    LastModifiedDate: p.lastModified,
    LastModifiedUser: p.lastModifiedUser,
    Description: p.description,
    Value: shownValue(ctx, p, withDecryption),
    AllowedPattern: p.allowedPattern,
    Version: p.version,
    Labels: labels,
    Tier: p.tier,
    Policies: storedPolicies(p.policies),
    DataType: p.dataType,
  };
}
