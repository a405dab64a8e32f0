/**
 * Who may sign requests, assembled at start-up from the services that issue credentials: IAM's
 * directory (users, roles, access keys, policies) and STS's session keys. The gateway reads it
 * on every request; services read the directory through their handler context.
 */
import { EMPTY_DIRECTORY, type CredentialResolver, type IdentityDirectory } from '../auth/identity.js';
import type { ServiceRegistry } from './services.js';

export interface GatewayIdentity {
  readonly directory: IdentityDirectory;
  /** Every source of issued credentials, the directory first. */
  readonly resolvers: readonly CredentialResolver[];
}

export function assembleIdentity(registry: ServiceRegistry): GatewayIdentity {
  let directory: IdentityDirectory | undefined;
  const resolvers: CredentialResolver[] = [];
  for (const runtime of registry.all) {
    const providers = runtime.definition?.identity;
    if (!providers) continue;
    const d = providers.directory?.(runtime.store);
    if (d) {
      if (directory) throw new Error(`two services provide the identity directory (${runtime.entry.id})`);
      directory = d;
    }
    const c = providers.credentials?.(runtime.store);
    if (c) resolvers.push(c);
  }
  directory ??= EMPTY_DIRECTORY;
  return { directory, resolvers: [directory, ...resolvers] };
}
