/**
 * parsePolicy: validate a policy document as IAM does (the first problem found, with IAM's
 * MalformedPolicyDocument message) and compile it once for evaluate().
 *
 * A document without Version is version 2008-10-17: it has no policy variables, so `${…}` is
 * plain text. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_version.html
 */
import { type ParseOptions, type Policy, type PolicyKind, type TextPosition } from '../types.js';
import { checkPolicy } from './checks.js';
import { CompiledPolicy, CompiledStatement } from './compiled.js';
import { compileConditions, type ConditionTest } from './conditions/compile.js';
import { checkGrammar, type RawStatement } from './grammar.js';
import { JsonSyntaxError, type Span, lineColumn, readJson } from './json-reader.js';
import { Malformed, malformed } from './malformed.js';
import { ActionMatcher, ResourceMatcher } from './matchers.js';
import { PrincipalSpec } from './principals.js';

const NO_CONDITIONS: readonly ConditionTest[] = [];
const NO_KEYS: readonly string[] = [];

/** Validates a policy document as IAM does and compiles it; throws MalformedPolicyError with AWS's message. */
export function parsePolicy(text: string, kind: PolicyKind, options?: ParseOptions): Policy {
  return compilePolicy(text, kind, options);
}

export function compilePolicy(text: string, kind: PolicyKind, options?: ParseOptions): CompiledPolicy {
  let doc;
  try {
    doc = readJson(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) malformed(Malformed.syntax);
    throw e;
  }
  const raw = checkGrammar(doc.value);
  checkPolicy(raw, kind, options);
  const version = raw.version === '2012-10-17' ? '2012-10-17' : '2008-10-17';
  const variables = version === '2012-10-17';
  const statements = raw.statements.map((s, index) => compileStatement(s, index, variables, text, doc.spans.get(s)));
  return new CompiledPolicy(text, version, raw.id, statements, kind);
}

function list(v: unknown): string[] {
  return v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string];
}

function compileStatement(s: RawStatement, index: number, variables: boolean, text: string, span: Span | undefined): CompiledStatement {
  const required: string[] = [];
  const resources =
    s['Resource'] !== undefined || s['NotResource'] !== undefined
      ? new ResourceMatcher(list(s['Resource'] ?? s['NotResource']), s['NotResource'] !== undefined, variables)
      : undefined;
  resources?.requiredKeys(required);
  const condition = s['Condition'] as Record<string, unknown> | undefined;
  const conditions = condition ? compileConditions(condition, variables, required) : NO_CONDITIONS;
  const principalRaw = s['Principal'] ?? s['NotPrincipal'];
  return new CompiledStatement({
    index,
    sid: s['Sid'] as string | undefined,
    effect: s['Effect'] as 'Allow' | 'Deny',
    raw: s,
    position: position(text, span),
    actions: new ActionMatcher(list(s['Action'] ?? s['NotAction']), s['NotAction'] !== undefined),
    resources,
    principal: principalRaw === undefined ? undefined : new PrincipalSpec(principalRaw),
    notPrincipal: s['NotPrincipal'] !== undefined,
    conditions: conditions.length > 0 ? conditions : NO_CONDITIONS,
    requiredKeys: required.length > 0 ? required : NO_KEYS,
  });
}

function position(text: string, span: Span | undefined): { start: TextPosition; end: TextPosition } {
  if (!span) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
  return { start: lineColumn(text, span.start), end: lineColumn(text, span.end) };
}
