/** What a handler sees of the request (a class, so each request allocates no closures). */
import type { IdentityDirectory } from '../auth/identity.js';
import type { AuthorizationRequest, ConditionContext, PolicySet } from '../iam/types.js';
import type { AccessCheck, OperationContext } from '../services/service.js';
import { accessConditions, isPermitted, permits, requestConditions } from './authorize.js';
import type { RequestConditions } from './conditions.js';
import type { Deserialized } from './context.js';
import type { Gateway } from './gateway.js';

export class HandlerContext implements OperationContext<unknown> {
  readonly requestId: string;
  readonly accountId: string;
  readonly region: string;
  readonly caller: Deserialized['caller'];
  readonly operation: string;
  readonly store: unknown;
  readonly log: Gateway['log'];
  readonly identity: IdentityDirectory;
  private readonly clock: Gateway['clock'];
  private readonly call: Deserialized;
  private readonly gw: Gateway;
  /** The condition keys `permits` evaluates with, built on first use and reused (they cache what they compute). */
  private accessContext: RequestConditions | undefined;

  constructor(call: Deserialized, gw: Gateway) {
    this.requestId = call.requestId;
    this.accountId = call.accountId;
    this.region = call.region;
    this.caller = call.caller;
    this.operation = call.operation.name;
    this.store = call.runtime.store;
    this.log = gw.log;
    this.identity = gw.identity.directory;
    this.clock = gw.clock;
    this.call = call;
    this.gw = gw;
  }

  now(): Date {
    return this.clock.now();
  }

  globalConditions(): ConditionContext {
    return requestConditions(this.gw, this.call);
  }

  isPermitted(request: AuthorizationRequest, policies: PolicySet): boolean {
    return isPermitted(this.gw, this.requestId, request, policies);
  }

  permits(checks: readonly AccessCheck[]): boolean {
    if (checks.length === 0) return true;
    this.accessContext ??= accessConditions(this.gw, this.call);
    return permits(this.gw, this.call, checks, this.accessContext);
  }

  get defaultAccountId(): string {
    return this.gw.config.defaultAccountId;
  }
}
