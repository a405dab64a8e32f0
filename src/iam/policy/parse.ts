// PLACEHOLDER (being written by the policy-engine helper): validates and compiles a policy document.
import { MalformedPolicyError, type Policy, type PolicyKind } from '../types.js';

/** Validates a policy document as IAM does and compiles it; throws MalformedPolicyError with AWS's message. */
export function parsePolicy(text: string, kind: PolicyKind): Policy {
  void kind;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new MalformedPolicyError('Syntax errors in policy.');
  }
  void doc;
  return { text, version: '2012-10-17', statements: [] };
}
