/**
 * Action and Resource matchers, compiled once per statement.
 *
 * Actions are matched case-insensitively: exact names go into a Set of lower-cased strings,
 * `service:Prefix*` into a short list of prefixes, anything else into wildcard patterns.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 *
 * Resources are case-sensitive ARNs: exact ARNs in a Set, `*` short-circuits, a pattern whose only
 * wildcard ends it becomes a prefix test, the rest are per-part ARN patterns; entries holding
 * policy variables are substituted per request.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
 */
import type { ConditionContext } from '../types.js';
import { Pattern, flat, wildcards } from './glob.js';
import { Template } from './variables.js';

const NO_PATTERNS: readonly Pattern[] = [];
const SUBSTITUTED_LIMIT = 1024;

export class ActionMatcher {
  private readonly all: boolean;
  private readonly exact: ReadonlySet<string> | undefined;
  private readonly patterns: readonly Pattern[];

  /**
   * The services (lower-cased action prefixes) this statement can match, or undefined when it
   * can match any (NotAction, `*`, a wildcard in the prefix). Lets a policy skip statements of
   * other services without looking at them.
   */
  readonly services: ReadonlySet<string> | undefined;

  constructor(actions: readonly string[], readonly negated: boolean) {
    const exact: string[] = [];
    const patterns: Pattern[] = [];
    let all = false;
    let services: Set<string> | undefined = negated ? undefined : new Set();
    for (const a of actions) {
      const lower = a.toLowerCase();
      const colon = lower.indexOf(':');
      const service = colon < 0 ? '*' : lower.slice(0, colon);
      if (service.includes('*') || service.includes('?')) services = undefined;
      else services?.add(service);
      if (lower === '*') all = true;
      else if (lower.includes('*') || lower.includes('?')) patterns.push(new Pattern(wildcards(lower), false));
      else exact.push(flat(lower));
    }
    this.all = all;
    this.exact = exact.length > 0 ? new Set(exact) : undefined;
    this.patterns = patterns.length > 0 ? patterns : NO_PATTERNS;
    this.services = services;
  }

  /** `action` must be lower-cased. Applies NotAction's negation. */
  matches(action: string): boolean {
    return this.listed(action) !== this.negated;
  }

  private listed(action: string): boolean {
    if (this.all) return true;
    if (this.exact !== undefined && this.exact.has(action)) return true;
    for (const p of this.patterns) if (p.matches(action)) return true;
    return false;
  }
}

export class ResourceMatcher {
  private readonly all: boolean;
  private readonly exact: ReadonlySet<string> | undefined;
  private readonly patterns: readonly Pattern[];
  private readonly templates: readonly Template[];

  constructor(resources: readonly string[], readonly negated: boolean, variables: boolean) {
    const exact: string[] = [];
    const patterns: Pattern[] = [];
    const templates: Template[] = [];
    let all = false;
    for (const r of resources) {
      const compiled = Template.parse(r, variables, true);
      if (typeof compiled !== 'string') {
        templates.push(compiled);
        continue;
      }
      const pattern = new Pattern(compiled, true);
      if (pattern.matchesEverything) all = true;
      else if (!r.includes('*') && !r.includes('?') && compiled === r) exact.push(flat(r));
      else patterns.push(pattern);
    }
    this.all = all;
    this.exact = exact.length > 0 ? new Set(exact) : undefined;
    this.patterns = patterns.length > 0 ? patterns : NO_PATTERNS;
    this.templates = templates;
  }

  /** True when the answer is the same for every resource (`"Resource": "*"`, `"NotResource": "*"`). */
  get independent(): boolean {
    return this.all && this.templates.length === 0;
  }

  /** Keys that variables in these resources need (absent without default: the statement does not apply). */
  requiredKeys(into: string[]): void {
    for (const t of this.templates) for (const k of t.requiredKeys) if (!into.includes(k)) into.push(k);
  }

  /** Applies NotResource's negation. */
  matches(resource: string, context: ConditionContext): boolean {
    return this.listed(resource, context) !== this.negated;
  }

  /** The answer when it does not depend on policy variables, else undefined. */
  matchesStatically(resource: string): boolean | undefined {
    if (this.staticallyListed(resource)) return !this.negated;
    return this.templates.length > 0 ? undefined : this.negated;
  }

  private staticallyListed(resource: string): boolean {
    if (this.all) return true;
    if (this.exact !== undefined && this.exact.has(resource)) return true;
    for (const p of this.patterns) if (p.matches(resource)) return true;
    return false;
  }

  private listed(resource: string, context: ConditionContext): boolean {
    if (this.staticallyListed(resource)) return true;
    for (let i = 0; i < this.templates.length; i++) {
      const p = this.substituted(i, context);
      if (p !== undefined && p.matches(resource)) return true;
    }
    return false;
  }

  /** Per template: substituted patterns compiled once per variable value, forgotten wholesale past a bound. */
  private readonly substitutions: Map<string, Pattern>[] = [];

  private substituted(i: number, context: ConditionContext): Pattern | undefined {
    const template = this.templates[i] as Template;
    const key = template.substitutionKey(context);
    if (key === undefined) return undefined;
    const cache = (this.substitutions[i] ??= new Map());
    let p = cache.get(key);
    if (p === undefined) {
      const text = template.resolve(context);
      if (text === undefined) return undefined;
      p = new Pattern(text, true);
      if (cache.size >= SUBSTITUTED_LIMIT) cache.clear();
      cache.set(key, p);
    }
    return p;
  }
}
