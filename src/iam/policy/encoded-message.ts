/**
 * EC2's encoded authorization failure messages ("You are not authorized to perform this
 * operation. Encoded authorization failure message: <opaque>") and the JSON text STS
 * DecodeAuthorizationMessage returns for them, in the shape AWS returns:
 *
 *   {"allowed":false,"explicitDeny":true,
 *    "matchedStatements":{"items":[{"statementId":"…","effect":"DENY","principals":{"items":[{"value":"AIDA…"}]},
 *      "principalGroups":{"items":[]},"actions":{"items":[{"value":"ec2:RunInstances"}]},
 *      "resources":{"items":[{"value":"*"}]},"conditions":{"items":[{"key":"…","values":{"items":[{"value":"…"}]}}]}}]},
 *    "failures":{"items":[]},
 *    "context":{"principal":{"id":"…","name":"…","arn":"…"},"action":"ec2:RunInstances","resource":"…",
 *      "conditions":{"items":[{"key":"aws:SourceIp","values":{"items":[{"value":"…"}]}}]}}}
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 *
 * The encoded form is opaque but self-contained: base64url of a version byte, a truncated
 * HMAC-SHA256 and the raw-deflated JSON. Anything not produced here fails the HMAC and decodes
 * to undefined. The key is fixed, so a message encoded before a restart still decodes; the HMAC
 * is an integrity check, not a secret (Nimbus has no secrets to keep).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { AuthorizationRequest, Decision, MatchedStatement } from '../types.js';
import { canonicalKey } from './canonical-keys.js';
import { CompiledStatement } from './compiled.js';

const VERSION = 1;
const MAC_BYTES = 16;
const KEY = 'nimbus/iam/encoded-authorization-message/v1';
const MAX_JSON_BYTES = 1 << 20;

interface Items<T> {
  items: T[];
}

const items = <T>(list: readonly T[]): Items<T> => ({ items: [...list] });
const values = (list: readonly string[]) => items(list.map((value) => ({ value })));

function asList(v: unknown): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)];
}

/** The id IAM shows for the identity a policy belongs to: AIDA… for a user, the role id (AROA…) for a role session. */
function principalId(request: AuthorizationRequest): string {
  const p = request.principal;
  return p.type === 'assumed-role' ? (p.userId.split(':')[0] ?? p.userId) : p.userId;
}

function statementJson(m: MatchedStatement, request: AuthorizationRequest): unknown {
  const st = m.statement;
  const raw = (st.raw ?? {}) as Record<string, unknown>;
  const conditions: { key: string; values: Items<{ value: string }> }[] = [];
  if (st instanceof CompiledStatement) {
    for (const c of st.conditions) conditions.push({ key: c.key, values: values(c.values) });
  }
  return {
    statementId: st.sid ?? '',
    effect: st.effect === 'Deny' ? 'DENY' : 'ALLOW',
    principals: values([principalId(request)]),
    principalGroups: items([]),
    actions: values(asList(raw['Action'] ?? raw['NotAction'])),
    resources: values(asList(raw['Resource'] ?? raw['NotResource'])),
    conditions: items(conditions),
  };
}

/** The decoded message's JSON text for a decision. */
export function authorizationMessageJson(request: AuthorizationRequest, decision: Decision): string {
  const explicitDeny = decision.outcome === 'explicit-deny';
  // An explicit deny lists the Deny statements that matched; otherwise what matched at all.
  const shown = decision.matched.filter((m) => !explicitDeny || m.statement.effect === 'Deny');
  const p = request.principal;
  // The context holds keys lower-cased; policies that matched tell how their authors spelled them.
  const spelled = new Map<string, string>();
  for (const m of decision.matched) {
    if (m.statement instanceof CompiledStatement) for (const c of m.statement.conditions) spelled.set(c.key.toLowerCase(), c.key);
  }
  const contextItems: { key: string; values: Items<{ value: string }> }[] = [];
  for (const [key, vals] of request.context.entries()) {
    const canonical = canonicalKey(key);
    contextItems.push({ key: canonical !== key ? canonical : (spelled.get(key) ?? key), values: values(vals) });
  }
  const principal: Record<string, string> = { id: p.userId };
  if (p.username !== undefined) principal['name'] = p.username;
  principal['arn'] = p.arn;
  return JSON.stringify({
    allowed: decision.allowed,
    explicitDeny,
    matchedStatements: items(shown.map((m) => statementJson(m, request))),
    failures: items([]),
    context: {
      principal,
      // Decoded messages seen from AWS name the action with its prefix ("iam:PassRole",
      // https://repost.aws/knowledge-center/ec2-not-auth-launch), though one doc example omits it.
      action: request.action,
      resource: request.resource,
      conditions: items(contextItems),
    },
  });
}

function mac(version: number, body: Buffer): Buffer {
  return createHmac('sha256', KEY).update(Buffer.of(version)).update(body).digest().subarray(0, MAC_BYTES);
}

/** EC2-style encoded authorization failure message for a denial. */
export function encodeAuthorizationMessage(request: AuthorizationRequest, decision: Decision): string {
  const body = deflateRawSync(Buffer.from(authorizationMessageJson(request, decision), 'utf8'));
  return Buffer.concat([Buffer.of(VERSION), mac(VERSION, body), body]).toString('base64url');
}

/** The JSON text STS DecodeAuthorizationMessage returns, or undefined if the message is not one Nimbus encoded. */
export function decodeAuthorizationMessage(encoded: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  const buf = Buffer.from(encoded, 'base64url');
  if (buf.length <= 1 + MAC_BYTES || buf[0] !== VERSION) return undefined;
  // Re-encoding must give back the same text (rejects non-canonical base64url padding bits).
  if (buf.toString('base64url') !== encoded) return undefined;
  const body = buf.subarray(1 + MAC_BYTES);
  if (!timingSafeEqual(buf.subarray(1, 1 + MAC_BYTES), mac(VERSION, body))) return undefined;
  try {
    return inflateRawSync(body, { maxOutputLength: MAX_JSON_BYTES }).toString('utf8');
  } catch {
    return undefined;
  }
}
