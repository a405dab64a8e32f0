/**
 * AWS Security Token Service (query protocol): caller identity, session tokens (with MFA), role
 * sessions (AssumeRole, AssumeRoleWithWebIdentity), federation tokens, access key info and
 * authorization message decoding. Its store resolves the session keys it issues for the gateway.
 */
import { defineService } from '../service.js';
import { authorization } from './authorization.js';
import type { Operations } from './generated/operations.js';
import { assumeRole } from './operations/assume-role.js';
import { assumeRoleWithWebIdentity } from './operations/assume-role-with-web-identity.js';
import { decodeAuthorizationMessage } from './operations/decode-authorization-message.js';
import { getAccessKeyInfo } from './operations/get-access-key-info.js';
import { getCallerIdentity } from './operations/get-caller-identity.js';
import { getFederationToken } from './operations/get-federation-token.js';
import { getSessionToken } from './operations/get-session-token.js';
import { createStore, migrations, type StsStore } from './store.js';

export const sts = defineService<Operations, StsStore>({
  model: 'sts',
  migrations,
  createStore,
  handlers: {
    GetCallerIdentity: getCallerIdentity,
    GetSessionToken: getSessionToken,
    AssumeRole: assumeRole,
    AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
    GetFederationToken: getFederationToken,
    GetAccessKeyInfo: getAccessKeyInfo,
    DecodeAuthorizationMessage: decodeAuthorizationMessage,
  },
  authorization,
  identity: { credentials: (store) => store },
});
