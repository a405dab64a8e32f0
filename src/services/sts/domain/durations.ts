/**
 * How long each kind of temporary credential may last.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html#api_comparison
 */
import type { Caller } from '../../../auth/principal.js';
import { accessDenied, validationError } from './errors.js';

/** GetSessionToken / GetFederationToken: 15 min–36 h (root: 15 min–1 h), default 12 h (root 1 h). */
export function userSessionSeconds(requested: number | undefined, caller: Caller): number {
  const max = caller.type === 'root' ? 3600 : 129600;
  const seconds = requested ?? (caller.type === 'root' ? 3600 : 43200);
  return Math.min(Math.max(seconds, 900), max);
}

/**
 * AssumeRole*: 15 min up to the role's MaxSessionDuration, default 1 h; role chaining (a role
 * session assuming a role) is capped at 1 h.
 */
export function roleSessionSeconds(requested: number | undefined, maxSessionDuration: number, chained: boolean): number {
  const seconds = requested ?? 3600;
  if (chained && seconds > 3600) {
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  if (seconds > maxSessionDuration) throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  return seconds;
}

/** GetSessionToken and GetFederationToken refuse session credentials. */
export function refuseSessionCaller(caller: Caller, operation: 'GetSessionToken' | 'GetFederationToken'): void {
  if (caller.session || caller.type === 'assumed-role' || caller.type === 'federated-user') {
    throw accessDenied(`Cannot call ${operation} with session credentials`);
  }
}
