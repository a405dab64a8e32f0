/**
 * The IAM policy engine: one pure module every service's authorization goes through.
 *   parsePolicy      — validate a document as IAM does and compile it for evaluation;
 *   evaluate         — the decision for one request against the policies that apply;
 *   accessDeniedMessage — AWS's current AccessDenied wording for a denial;
 *   encodeAuthorizationMessage / decodeAuthorizationMessage — EC2's encoded failure messages and
 *                      what STS DecodeAuthorizationMessage returns for them.
 */
export * from './types.js';
export { parsePolicy } from './policy/parse.js';
export { evaluate } from './policy/evaluate.js';
export { accessDeniedMessage } from './policy/messages.js';
export { decodeAuthorizationMessage, encodeAuthorizationMessage } from './policy/encoded-message.js';
