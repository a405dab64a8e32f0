/**
 * A parsed policy with its matchers compiled: what parsePolicy returns and evaluate() reads.
 * The classes implement the public Policy / Statement contract and carry the compiled parts.
 */
import type { ConditionContext, Effect, MatchedStatement, Policy, PolicyKind, PolicySource, PrincipalInfo, Statement, TextPosition } from '../types.js';
import type { ConditionTest } from './conditions/compile.js';
import { noteMissingKey } from './missing-keys.js';
import type { ActionMatcher, ResourceMatcher } from './matchers.js';
import { Grant, type PrincipalSpec } from './principals.js';

export const enum Static {
  No,
  Yes,
  /** Depends on policy variables: decided per request. */
  Dynamic,
}

/** A statement whose action and static resource matched, and whether its resource still needs checking. */
export interface Candidate {
  readonly statement: CompiledStatement;
  readonly match: Static;
}

const NO_CANDIDATES: readonly Candidate[] = [];

interface ActionMemo {
  /** Set when the action's statements match whatever the resource. */
  readonly any: readonly Candidate[] | undefined;
  readonly byResource: Map<string, readonly Candidate[]>;
}
/** Distinct (action, resource) pairs remembered per policy before the memo starts over. */
const MEMO_LIMIT = 2048;

export interface StatementParts {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly raw: unknown;
  readonly position: { readonly start: TextPosition; readonly end: TextPosition };
  readonly actions: ActionMatcher;
  /** Undefined for trust-policy statements, which name no resource. */
  readonly resources: ResourceMatcher | undefined;
  readonly principal: PrincipalSpec | undefined;
  readonly notPrincipal: boolean;
  readonly conditions: readonly ConditionTest[];
  readonly requiredKeys: readonly string[];
}

export class CompiledStatement implements Statement {
  readonly index: number;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly raw: unknown;
  readonly position: { readonly start: TextPosition; readonly end: TextPosition };
  readonly isDeny: boolean;
  readonly actions: ActionMatcher;
  readonly resources: ResourceMatcher | undefined;
  readonly principal: PrincipalSpec | undefined;
  readonly notPrincipal: boolean;
  readonly conditions: readonly ConditionTest[];
  readonly requiredKeys: readonly string[];

  constructor(parts: StatementParts) {
    this.index = parts.index;
    this.sid = parts.sid;
    this.effect = parts.effect;
    this.raw = parts.raw;
    this.position = parts.position;
    this.isDeny = parts.effect === 'Deny';
    this.actions = parts.actions;
    this.resources = parts.resources;
    this.principal = parts.principal;
    this.notPrincipal = parts.notPrincipal;
    this.conditions = parts.conditions;
    this.requiredKeys = parts.requiredKeys;
  }

  /**
   * The part of matching that depends only on the action and resource, so it can be memoized:
   * Static.No, Static.Yes, or Static.Dynamic when the resource holds policy variables (decided
   * per request). `action` must be lower-cased.
   */
  matchesStatically(action: string, resource: string): Static {
    if (!this.actions.matches(action)) return Static.No;
    if (this.resources === undefined) return Static.Yes;
    const r = this.resources.matchesStatically(resource);
    return r === undefined ? Static.Dynamic : r ? Static.Yes : Static.No;
  }

  /**
   * The per-request rest, for a statement whose action (and static resource) matched: variables
   * resolvable, resource (when Dynamic), principal for resource-based policies, conditions.
   * Answers how strongly the statement names the caller (Grant.None: it does not apply).
   */
  appliesTo(staticMatch: Static, resource: string, context: ConditionContext, principal: PrincipalInfo | undefined): Grant {
    // A variable whose key the request lacks (and that has no default) voids the statement.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-infotouse
    const required = this.requiredKeys;
    for (let i = 0; i < required.length; i++) {
      const key = required[i] as string;
      const v = context.get(key);
      if (v === undefined || v.length === 0) {
        noteMissingKey(key);
        this.noteMissingFrom(0, context);
        return Grant.None;
      }
    }
    if (staticMatch === Static.Dynamic && !(this.resources as ResourceMatcher).matches(resource, context)) return Grant.None;
    let grant = Grant.Direct;
    if (principal !== undefined) {
      const spec = this.principal;
      if (spec === undefined) return Grant.None;
      if (this.notPrincipal) {
        if (spec.excludes(principal)) return Grant.None;
      } else {
        grant = spec.grant(principal);
        if (grant === Grant.None) return Grant.None;
      }
    }
    const conditions = this.conditions;
    for (let i = 0; i < conditions.length; i++) {
      if (!(conditions[i] as ConditionTest).evaluate(context)) {
        this.noteMissingFrom(i + 1, context);
        return Grant.None;
      }
    }
    return grant;
  }

  private noteMissingFrom(from: number, context: ConditionContext): void {
    for (let i = from; i < this.conditions.length; i++) (this.conditions[i] as ConditionTest).noteIfMissing(context);
  }
}

export class CompiledPolicy implements Policy {
  readonly text: string;
  readonly version: '2012-10-17' | '2008-10-17';
  readonly id: string | undefined;
  readonly statements: readonly CompiledStatement[];
  readonly kind: PolicyKind;
  /** Per statement, the MatchedStatement last reported and its source: a decision reuses it instead of allocating. */
  private readonly matchedCache: (MatchedStatement | undefined)[];
  /** Per service: the statements that can match its actions, in document order. */
  private readonly byService = new Map<string, readonly CompiledStatement[]>();
  /** The statements that can match an action of any service (NotAction, `*`, wildcard prefixes). */
  private readonly anyService: readonly CompiledStatement[];
  /** Per action: its answer when no matching statement depends on the resource, else per resource. */
  private readonly memo = new Map<string, ActionMemo>();
  private memoSize = 0;

  constructor(text: string, version: '2012-10-17' | '2008-10-17', id: string | undefined, statements: readonly CompiledStatement[], kind: PolicyKind) {
    this.text = text;
    this.version = version;
    this.id = id;
    this.statements = statements;
    this.kind = kind;
    this.matchedCache = new Array<MatchedStatement | undefined>(statements.length).fill(undefined);
    this.anyService = statements.filter((s) => s.actions.services === undefined);
    const services = new Set<string>();
    for (const s of statements) for (const v of s.actions.services ?? []) services.add(v);
    for (const service of services) {
      this.byService.set(service, statements.filter((s) => s.actions.services === undefined || s.actions.services.has(service)));
    }
  }

  /**
   * The statements whose action and resource match, in document order; remembered per (action,
   * resource) — a compiled policy never changes — so a repeated request costs a map lookup or
   * two. When every statement the action matches has `"Resource": "*"` (AdministratorAccess,
   * Describe* grants…) the resource is not even looked at. `action` is lower-cased, `service`
   * its prefix.
   */
  candidates(action: string, service: string, resource: string): readonly Candidate[] {
    let entry = this.memo.get(action);
    if (entry === undefined) {
      entry = this.actionMemo(action, service);
      this.memo.set(action, entry);
    }
    if (entry.any !== undefined) return entry.any;
    let found = entry.byResource.get(resource);
    if (found === undefined) {
      found = this.match(action, service, resource);
      if (++this.memoSize > MEMO_LIMIT) {
        this.memo.clear();
        this.memoSize = 0;
      } else entry.byResource.set(resource, found);
    }
    return found;
  }

  private actionMemo(action: string, service: string): ActionMemo {
    const statements = (this.byService.get(service) ?? this.anyService).filter((st) => st.actions.matches(action));
    const independent = statements.every((st) => st.resources === undefined || st.resources.independent);
    return { any: independent ? this.match(action, service, '*') : undefined, byResource: new Map() };
  }

  private match(action: string, service: string, resource: string): readonly Candidate[] {
    let out: Candidate[] | undefined;
    for (const statement of this.byService.get(service) ?? this.anyService) {
      const match = statement.matchesStatically(action, resource);
      if (match === Static.No) continue;
      (out ??= []).push({ statement, match });
    }
    return out ?? NO_CANDIDATES;
  }

  matched(source: PolicySource, index: number): MatchedStatement {
    let m = this.matchedCache[index];
    if (m === undefined || m.source !== source) {
      m = { source, statement: this.statements[index] as CompiledStatement };
      this.matchedCache[index] = m;
    }
    return m;
  }
}
