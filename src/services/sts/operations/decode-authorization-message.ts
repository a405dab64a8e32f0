import { decodeAuthorizationMessage as decode } from '../../../iam/index.js';
import type { OperationContext } from '../../service.js';
import { InvalidAuthorizationMessageException } from '../generated/errors.js';
import type { DecodeAuthorizationMessageRequest, DecodeAuthorizationMessageResponse } from '../generated/types.js';
import type { StsStore } from '../store.js';

/**
 * The details behind an encoded authorization failure (EC2's UnauthorizedOperation): whether it
 * was allowed, the explicit deny, the matched statements and the request context.
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export function decodeAuthorizationMessage(input: DecodeAuthorizationMessageRequest, _ctx: OperationContext<StsStore>): DecodeAuthorizationMessageResponse {
  const decoded = decode(input.EncodedMessage);
  if (decoded === undefined) throw new InvalidAuthorizationMessageException('The encoded message is not valid.');
  return { DecodedMessage: decoded };
}
