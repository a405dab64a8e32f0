/**
 * What each STS operation needs from IAM. GetCallerIdentity and GetSessionToken need no
 * permission (AWS: "You cannot use policies to control authentication operations"); AssumeRole is
 * decided by the role's trust policy together with the caller's own policies.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html
 */
import type { OperationAuthorization } from '../service.js';
import { findRole } from './domain/roles.js';
import type { Operations } from './generated/operations.js';
import type { StsStore } from './store.js';

type Table = { [K in keyof Operations]?: OperationAuthorization<Operations[K]['input'], StsStore> };

function tagKeys(tags: readonly { Key: string }[] | undefined): readonly string[] {
  return (tags ?? []).map((t) => t.Key);
}

export const authorization: Table = {
  GetCallerIdentity: { alwaysAllowed: true },
  GetSessionToken: { alwaysAllowed: true },
  AssumeRole: {
    resources: (input) => input.RoleArn,
    resourcePolicy: (input, _scope, _store, directory) => {
      const role = findRole(directory, input.RoleArn);
      if (!role) return null;
      return { policy: { policy: role.trustPolicy, source: { type: 'trust', name: role.arn, arn: role.arn } }, account: role.accountId };
    },
    extraActions: (input) => [
      ...(input.Tags?.length || input.TransitiveTagKeys?.length ? ['sts:TagSession'] : []),
      ...(input.SourceIdentity !== undefined ? ['sts:SetSourceIdentity'] : []),
    ],
    conditions: function* (input) {
      yield ['sts:rolesessionname', [input.RoleSessionName]];
      if (input.ExternalId !== undefined) yield ['sts:externalid', [input.ExternalId]];
      if (input.SourceIdentity !== undefined) yield ['sts:sourceidentity', [input.SourceIdentity]];
      if (input.TransitiveTagKeys?.length) yield ['sts:transitivetagkeys', input.TransitiveTagKeys];
      if (input.Tags?.length) {
        yield ['aws:tagkeys', tagKeys(input.Tags)];
        for (const t of input.Tags) yield [`aws:requesttag/${t.Key.toLowerCase()}`, [t.Value]];
      }
    },
  },
  GetFederationToken: {
    resources: (input, scope) => `arn:aws:sts::${scope.accountId}:federated-user/${input.Name}`,
    extraActions: (input) => (input.Tags?.length ? ['sts:TagSession'] : []),
    conditions: function* (input) {
      if (input.Tags?.length) {
        yield ['aws:tagkeys', tagKeys(input.Tags)];
        for (const t of input.Tags) yield [`aws:requesttag/${t.Key.toLowerCase()}`, [t.Value]];
      }
    },
  },
};
