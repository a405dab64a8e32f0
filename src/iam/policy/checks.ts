/**
 * IAM's checks after the grammar, in the order it applies them; each covers the whole document
 * before the next begins, and the first failure is the one reported:
 * version (managed policies) → elements the policy kind requires or forbids → the legacy parser
 * (Effect case, dates, ARN forms) → statement ids → actions present → resources present →
 * resource ARNs → action vendors → principal values.
 */
import type { ParseOptions, PolicyKind } from '../types.js';
import type { RawPolicy, RawStatement } from './grammar.js';
import { Malformed, malformed } from './malformed.js';
import { parseOperator } from './conditions/operators.js';
import { conditionValues } from './conditions/compile.js';
import { parseDate } from './conditions/dates.js';
import { failsLegacyParsing, resourceProblem } from './resource-arn.js';

function list(v: unknown): string[] {
  return v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string];
}

export function checkPolicy(policy: RawPolicy, kind: PolicyKind, options: ParseOptions | undefined): void {
  const statements = policy.statements;
  if (options?.managed && policy.version !== '2012-10-17') malformed(Malformed.version);
  for (const s of statements) checkKindElements(s, kind);
  for (const s of statements) checkLegacy(s);
  checkSids(statements, kind);
  for (const s of statements) if (list(s['Action'] ?? s['NotAction']).length === 0) malformed(Malformed.noActions);
  if (kind !== 'trust') {
    for (const s of statements) if (list(s['Resource'] ?? s['NotResource']).length === 0) malformed(Malformed.noResources);
  }
  for (const s of statements) {
    for (const r of list(s['Resource'] ?? s['NotResource'])) {
      const problem = resourceProblem(r);
      if (problem) malformed(problem);
    }
  }
  for (const s of statements) for (const a of list(s['Action'] ?? s['NotAction'])) checkAction(a);
  if (kind === 'resource' || kind === 'trust') {
    for (const s of statements) checkPrincipal(s['Principal'] ?? s['NotPrincipal']);
  }
}

/** Principal belongs to resource-based and trust policies only; trust policies name no Resource. */
function checkKindElements(s: RawStatement, kind: PolicyKind): void {
  const hasPrincipal = s['Principal'] !== undefined || s['NotPrincipal'] !== undefined;
  switch (kind) {
    case 'identity':
    case 'boundary':
      if (hasPrincipal) malformed(Malformed.identityPrincipal);
      return;
    case 'session':
      if (hasPrincipal) malformed(Malformed.prohibitedPrincipal);
      return;
    case 'trust':
      if (s['Resource'] !== undefined || s['NotResource'] !== undefined) malformed(Malformed.prohibitedResource);
      if (!hasPrincipal) malformed(Malformed.trustWithoutPrincipal);
      return;
    case 'resource':
      if (!hasPrincipal) malformed(Malformed.missingPrincipal);
      return;
  }
}

function checkLegacy(s: RawStatement): void {
  if (s['Effect'] !== 'Allow' && s['Effect'] !== 'Deny') malformed(Malformed.legacy);
  for (const r of list(s['Resource'] ?? s['NotResource'])) if (failsLegacyParsing(r)) malformed(Malformed.legacy);
  const condition = s['Condition'] as Record<string, Record<string, unknown>> | undefined;
  for (const [op, body] of Object.entries(condition ?? {})) {
    if (parseOperator(op)?.base.family !== 'date') continue;
    for (const raw of Object.values(body)) {
      for (const v of conditionValues(raw)) if (parseDate(v) === undefined) malformed(Malformed.legacy);
    }
  }
}

/** IAM's own policies allow only letters and digits in a Sid; services' resource policies are laxer. */
function checkSids(statements: readonly RawStatement[], kind: PolicyKind): void {
  const seen = new Set<string>();
  for (const s of statements) {
    const sid = s['Sid'] as string | undefined;
    if (sid === undefined) continue;
    if ((kind === 'identity' || kind === 'boundary' || kind === 'trust') && !/^[0-9A-Za-z]*$/.test(sid)) malformed(Malformed.sidAlphanumeric);
    if (sid === '') continue;
    if (seen.has(sid)) malformed(Malformed.sidUnique);
    seen.add(sid);
  }
}

function checkAction(action: string): void {
  if (action === '*') return;
  const colon = action.indexOf(':');
  if (colon < 0) malformed(Malformed.actionVendor);
  if (action.indexOf(':', colon + 1) >= 0) malformed(Malformed.actionColons);
  const vendor = action.slice(0, colon);
  if (!/^[A-Za-z0-9_.*?-]+$/.test(vendor)) malformed(Malformed.vendor(vendor));
}

const AWS_PRINCIPAL = [
  /^\d{12}$/,
  /^arn:aws[a-z-]*:iam::\d{12}:(root|user\/.+|role\/.+|federated-user\/.+)$/,
  /^arn:aws[a-z-]*:sts::\d{12}:(assumed-role\/[^/]+\/.+|federated-user\/.+)$/,
  // Unique ids IAM shows for principals that were deleted (AIDA… users, AROA… roles).
  /^A[A-Z0-9]{3}[A-Z0-9]{12,}$/,
];

function checkPrincipal(p: unknown): void {
  if (p === '*') return;
  if (typeof p === 'string') malformed(Malformed.invalidPrincipalShape);
  const entries = Object.entries(p as Record<string, unknown>);
  if (entries.length === 0) malformed(Malformed.invalidPrincipalShape);
  for (const [type, raw] of entries) {
    for (const v of list(raw)) {
      switch (type) {
        case 'AWS':
          if (v !== '*' && (v.includes('*') || !AWS_PRINCIPAL.some((re) => re.test(v)))) malformed(Malformed.invalidPrincipal('AWS', v));
          break;
        case 'Service':
          if (!/^[a-z0-9][a-z0-9.-]*$/i.test(v)) malformed(Malformed.invalidPrincipal('SERVICE', v));
          break;
        case 'Federated':
        case 'CanonicalUser':
          if (v === '' || v.includes('*')) malformed(Malformed.invalidPrincipal(type.toUpperCase(), v));
          break;
        default:
          malformed(Malformed.invalidPrincipalShape);
      }
    }
  }
}
