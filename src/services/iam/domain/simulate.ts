/**
 * The policy simulator (SimulatePrincipalPolicy / SimulateCustomPolicy): each action is evaluated
 * against each resource with the policy engine, and the engine's decision is reported the way IAM
 * reports it — EvalDecision, the statements that decided it with their positions in the document,
 * the context keys that were needed but not supplied, and whether the permissions boundary allowed it.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
import { evaluate, type AttachedPolicy, type Decision, type MatchedStatement, type PolicySource, type PrincipalInfo } from '../../../iam/index.js';
import type { ContextEntry, EvaluationResult, PolicyEvaluationDecisionType, PolicySourceType, ResourceSpecificResult, Statement } from '../generated/types.js';

/** A policy as the simulator names it in MatchedStatements. */
export interface SimPolicy {
  readonly attached: AttachedPolicy;
  readonly id: string;
  readonly type: PolicySourceType;
}

export interface Simulation {
  readonly principal: PrincipalInfo;
  readonly identity: readonly SimPolicy[];
  readonly boundary: readonly SimPolicy[];
  readonly resourcePolicy?: SimPolicy;
  readonly resourceOwner?: string;
  readonly context: ReadonlyMap<string, readonly string[]>;
}

/** ContextEntries → the engine's context (keys lower-cased; values as given, typed by their text). */
export function contextFrom(entries: readonly ContextEntry[] | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries ?? []) {
    if (!e.ContextKeyName) continue;
    const key = e.ContextKeyName.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), ...(e.ContextKeyValues ?? [])]);
  }
  return out;
}

const DECISION: Record<Decision['outcome'], PolicyEvaluationDecisionType> = { allowed: 'allowed', 'explicit-deny': 'explicitDeny', 'implicit-deny': 'implicitDeny' };

function sourceKey(s: PolicySource): string {
  return `${s.type}\u0000${s.name}\u0000${s.owner ?? ''}`;
}

function statements(matched: readonly MatchedStatement[], decision: Decision, names: Map<string, SimPolicy>): Statement[] {
  if (decision.outcome === 'implicit-deny') return [];
  const effect = decision.outcome === 'allowed' ? 'Allow' : 'Deny';
  return matched
    .filter((m) => m.statement.effect === effect && m.source.type !== 'boundary')
    .map((m) => {
      const p = names.get(sourceKey(m.source));
      const { start, end } = m.statement.position;
      return {
        SourcePolicyId: p?.id ?? m.source.name,
        SourcePolicyType: p?.type ?? 'none',
        StartPosition: { Line: start.line, Column: start.column },
        EndPosition: { Line: end.line, Column: end.column },
      };
    });
}

function evaluateOne(sim: Simulation, action: string, resource: string): { decision: Decision; boundaryAllowed?: boolean } {
  const request = { principal: sim.principal, action, resource, resourceAccount: sim.resourceOwner, context: sim.context };
  const decision = evaluate(request, {
    identity: sim.identity.map((p) => p.attached),
    resource: sim.resourcePolicy?.attached,
    boundary: sim.boundary[0]?.attached,
  });
  if (!sim.boundary.length) return { decision };
  // The boundary alone: does it allow the action? (several boundaries given as input must all allow.)
  const boundaryAllowed = sim.boundary.every((b) => evaluate(request, { identity: [b.attached] }).allowed);
  return { decision, boundaryAllowed };
}

/** One EvaluationResult per action and resource, in request order. */
export function simulate(sim: Simulation, actions: readonly string[], resources: readonly string[] | undefined): EvaluationResult[] {
  const names = new Map<string, SimPolicy>();
  for (const p of [...sim.identity, ...sim.boundary, ...(sim.resourcePolicy ? [sim.resourcePolicy] : [])]) names.set(sourceKey(p.attached.source), p);
  const targets = resources?.length ? resources : ['*'];
  const results: EvaluationResult[] = [];
  for (const action of actions) {
    for (const resource of targets) {
      const { decision, boundaryAllowed } = evaluateOne(sim, action, resource);
      const eval1: PolicyEvaluationDecisionType = boundaryAllowed === false && decision.outcome === 'allowed' ? 'implicitDeny' : DECISION[decision.outcome];
      const matched = statements(decision.matched, decision, names);
      const missing = [...(decision.missingContextKeys ?? [])];
      const boundaryDetail = boundaryAllowed === undefined ? undefined : { AllowedByPermissionsBoundary: boundaryAllowed };
      const specific: ResourceSpecificResult[] | undefined = resources?.length
        ? [{ EvalResourceName: resource, EvalResourceDecision: eval1, MatchedStatements: matched, MissingContextValues: missing, PermissionsBoundaryDecisionDetail: boundaryDetail }]
        : undefined;
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: eval1,
        MatchedStatements: matched,
        MissingContextValues: missing,
        PermissionsBoundaryDecisionDetail: boundaryDetail,
        ResourceSpecificResults: specific,
      });
    }
  }
  return results;
}
