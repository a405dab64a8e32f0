import { contextKeys } from '../domain/context-keys.js';
import { checkDocument } from '../domain/documents.js';
import type { GetContextKeysForCustomPolicyRequest, GetContextKeysForPolicyResponse } from '../generated/types.js';
import type { Ctx } from '../lookup.js';

export function getContextKeysForCustomPolicy(input: GetContextKeysForCustomPolicyRequest, _ctx: Ctx): GetContextKeysForPolicyResponse {
  for (const text of input.PolicyInputList) checkDocument(text, 'identity');
  return { ContextKeyNames: contextKeys(input.PolicyInputList) };
}
