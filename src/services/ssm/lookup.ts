/** Finding the parameter version a read names (shared by GetParameter and GetParameters). */
import type { OperationContext } from '../service.js';
import { SsmErrors } from './domain/errors.js';
import { parseReference } from './domain/names.js';
import type { Scope, SsmStore, StoredParameter } from './store.js';

export type Ctx = OperationContext<SsmStore>;

export function scopeOf(ctx: Ctx): Scope {
  return { accountId: ctx.accountId, region: ctx.region };
}

/**
 * The version `raw` (name or ARN, with an optional `:version` / `:label` selector) refers to.
 * Throws ParameterNotFound / ParameterVersionNotFound as GetParameter does; `strict` also throws
 * for a malformed name.
 */
export function resolveReference(ctx: Ctx, raw: string, strict: boolean): { param: StoredParameter; selector?: string } {
  const scope = scopeOf(ctx);
  const ref = parseReference(raw, scope, strict);
  if (!ref) throw SsmErrors.parameterNotFound();
  const current = ctx.store.current(scope, ref.key);
  if (!current) throw SsmErrors.parameterNotFound();
  const sel = ref.selector;
  if (!sel) return { param: current };
  if (sel.kind === 'version') {
    const param = sel.version === current.version ? current : ctx.store.atVersion(scope, ref.key, sel.version);
    if (!param) throw SsmErrors.versionNotFound(current.name, sel.version);
    return { param, selector: sel.text };
  }
  const version = ctx.store.labelledVersion(scope, ref.key, sel.label);
  const param = version === undefined ? undefined : ctx.store.atVersion(scope, ref.key, version);
  if (!param) throw SsmErrors.parameterNotFound();
  return { param, selector: sel.text };
}

/**
 * The parameter a tagging call names (ResourceType Parameter, ResourceId its name or ARN).
 * Nimbus implements no other taggable SSM resource, so any other ResourceType names a resource
 * that does not exist: InvalidResourceId, as AWS answers for a missing resource.
 */
export function taggedParameter(ctx: Ctx, resourceType: string, resourceId: string): string {
  const scope = scopeOf(ctx);
  if (resourceType !== 'Parameter') throw SsmErrors.invalidResourceId();
  let ref;
  try {
    ref = parseReference(resourceId, scope, true);
  } catch {
    // AWS checks a Parameter ResourceId with its path rules
    throw SsmErrors.invalidPath();
  }
  if (!ref || ref.selector || !ctx.store.current(scope, ref.key)) throw SsmErrors.invalidResourceId();
  return ref.key;
}

/**
 * The parameter and version a label call names (its name without a selector), checked to exist;
 * run inside the call's transaction. Versions default to the latest.
 */
export function labelTarget(ctx: Ctx, name: string, version: number | undefined): { key: string; scope: Scope; version: number } {
  const scope = scopeOf(ctx);
  const ref = parseReference(name, scope, true);
  if (!ref || ref.selector) throw SsmErrors.parameterNotFound();
  const current = ctx.store.current(scope, ref.key);
  if (!current) throw SsmErrors.parameterNotFound();
  const v = version ?? current.version;
  if (v !== current.version && !ctx.store.atVersion(scope, ref.key, v)) throw SsmErrors.versionNotFound(current.name, v);
  return { key: ref.key, scope, version: v };
}
