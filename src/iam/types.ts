/**
 * The contract of the policy engine (src/iam/): what it evaluates and what it answers. Pure data,
 * no I/O. Used by the gateway's authorize step, IAM's Simulate* operations and STS's AssumeRole.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 */

/** What a policy document is attached as; it decides which elements are allowed or required. */
export type PolicyKind =
  /** Identity-based (user/group/role inline or managed): no Principal. */
  | 'identity'
  /** Resource-based (bucket policy, queue policy, Lambda permission…): Principal required. */
  | 'resource'
  /** A role's trust policy (AssumeRolePolicyDocument): a resource-based policy on the role. */
  | 'trust'
  /** A permissions boundary: identity-style, only limits. */
  | 'boundary'
  /** A session policy passed to AssumeRole / GetFederationToken: identity-style, only limits. */
  | 'session';

export type Effect = 'Allow' | 'Deny';

/** A parsed, validated policy, ready to evaluate (matchers compiled once). */
export interface Policy {
  readonly text: string;
  readonly version: '2012-10-17' | '2008-10-17';
  readonly id?: string;
  readonly statements: readonly Statement[];
}

export interface Statement {
  /** Position in the document, 0-based. */
  readonly index: number;
  readonly sid?: string;
  readonly effect: Effect;
  /** The statement as written (for messages and DecodeAuthorizationMessage). */
  readonly raw: unknown;
  /** Where the statement's `{…}` starts and ends in the text, 1-based (IAM Simulate*'s StartPosition/EndPosition). */
  readonly position: { readonly start: TextPosition; readonly end: TextPosition };
}

export interface TextPosition {
  readonly line: number;
  readonly column: number;
}

/** Where a policy comes from: named in decisions, logs and AccessDenied messages. */
export interface PolicySource {
  readonly type: 'identity' | 'resource' | 'boundary' | 'session' | 'trust';
  /** Managed policy ARN (`arn:aws:iam::aws:policy/ReadOnlyAccess`), or for an inline policy its name. */
  readonly name: string;
  readonly arn?: string;
  /** For inline policies: the user, group or role ARN that holds it. */
  readonly owner?: string;
}

export interface AttachedPolicy {
  readonly policy: Policy;
  readonly source: PolicySource;
}

/** The caller as policies see it. */
export interface PrincipalInfo {
  /** `arn:aws:iam::111122223333:user/alice`, `…:root`, `arn:aws:sts::…:assumed-role/R/session`, `*` for anonymous. */
  readonly arn: string;
  readonly accountId: string;
  readonly type: 'root' | 'user' | 'assumed-role' | 'federated-user' | 'anonymous' | 'service';
  /** aws:userid: account id (root), AIDA… (user), AROA…:session (role session), account:name (federated). */
  readonly userId: string;
  /** aws:username (IAM users only). */
  readonly username?: string;
  /** For assumed-role sessions: the role's ARN (what aws:PrincipalArn and Principal AWS match). */
  readonly roleArn?: string;
  /** For service principals (`s3.amazonaws.com`): the service. */
  readonly service?: string;
  /**
   * For federated-user sessions (GetFederationToken): the IAM user (or root) ARN that federated.
   * `Principal: {"AWS": <that ARN>}` matches the session too, but such grants stay limited by the
   * session policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html).
   */
  readonly sourceUserArn?: string;
  /**
   * For AssumeRoleWithWebIdentity / AssumeRoleWithSAML callers: the identity provider
   * (`accounts.google.com`, `arn:aws:iam::111122223333:oidc-provider/…`) that `Principal: {"Federated": …}` matches.
   */
  readonly federatedProvider?: string;
  /** S3's canonical user id of the caller's account (`Principal: {"CanonicalUser": …}`). */
  readonly canonicalUserId?: string;
  /** aws:PrincipalTag/… (user or role tags, overridden by session tags). */
  readonly tags: Readonly<Record<string, string>>;
}

/**
 * Condition keys and their values for one request. Keys are matched case-insensitively, as IAM
 * does; a multi-valued key (aws:TagKeys, s3:prefix …) has several values. Global keys the gateway
 * fills: aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:userid, aws:username,
 * aws:SourceIp, aws:CurrentTime, aws:EpochTime, aws:SecureTransport, aws:MultiFactorAuthPresent,
 * aws:MultiFactorAuthAge, aws:RequestedRegion, aws:PrincipalTag/…, aws:RequestTag/…, aws:TagKeys,
 * aws:ResourceTag/…, aws:SourceIdentity, aws:TokenIssueTime, aws:ViaAWSService, aws:CalledVia.
 */
export type ConditionContext = ReadonlyMap<string, readonly string[]>;

export interface AuthorizationRequest {
  readonly principal: PrincipalInfo;
  /** `service:Operation`, e.g. `ssm:GetParameter`. */
  readonly action: string;
  /** The resource ARN, or `*` for actions without a resource. */
  readonly resource: string;
  /** The account that owns the resource (for cross-account rules); defaults to the principal's. */
  readonly resourceAccount?: string;
  /** Lower-cased condition key → values. */
  readonly context: ConditionContext;
}

/** The policies that apply to one request. */
export interface PolicySet {
  readonly identity: readonly AttachedPolicy[];
  readonly resource?: AttachedPolicy;
  /**
   * More resource-based grants on the same resource, evaluated as part of its resource policy
   * (S3's bucket and object ACLs, translated into Allow statements by the S3 service).
   */
  readonly resourceGrants?: readonly AttachedPolicy[];
  readonly boundary?: AttachedPolicy;
  readonly session?: readonly AttachedPolicy[];
  /**
   * The resource policy must allow the request even within one account, as for KMS key policies
   * (a role trust policy, `source.type === 'trust'`, always must). An identity-based allow then
   * counts only where the resource policy delegates to the account (`arn:aws:iam::…:root`).
   */
  readonly resourceMustAllow?: boolean;
}

/** Options for parsePolicy. */
export interface ParseOptions {
  /**
   * A managed policy (CreatePolicy / CreatePolicyVersion): IAM requires `"Version": "2012-10-17"`
   * there and refuses other documents with "Policy document must be version 2012-10-17 or greater."
   */
  readonly managed?: boolean;
}

export interface MatchedStatement {
  readonly source: PolicySource;
  readonly statement: Statement;
}

export interface Decision {
  readonly allowed: boolean;
  readonly outcome: 'allowed' | 'explicit-deny' | 'implicit-deny';
  /** For denials: which policy type denied (explicitly) or failed to allow (implicitly). */
  readonly deniedBy?: 'identity' | 'resource' | 'boundary' | 'session';
  /** The statement that decided: the Deny that matched, or an Allow that let the request through. */
  readonly deciding?: MatchedStatement;
  /** Every statement that matched, Allow and Deny (DecodeAuthorizationMessage, logs). */
  readonly matched: readonly MatchedStatement[];
  /** Condition keys the matching-so-far statements referenced that the context lacked (Simulate*'s MissingContextValues). */
  readonly missingContextKeys?: readonly string[];
}

/** A policy document that breaks IAM's grammar; `message` is AWS's MalformedPolicyDocument text. */
export class MalformedPolicyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPolicyError';
  }
}
