/**
 * What a service is to Nimbus: a model, a table of typed handlers `(input, ctx) => output`, and
 * optionally its storage (migrations and a store object holding its SQL). Handlers never see HTTP,
 * XML or JSON; they throw ServiceError subclasses (generated per service) for AWS errors.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { CredentialResolver, IdentityDirectory } from '../auth/identity.js';
import type { Caller } from '../auth/principal.js';
import type { NimbusConfig } from '../config/config.js';
import type { AttachedPolicy, AuthorizationRequest, ConditionContext, Decision, PolicySet } from '../iam/types.js';
import type { Operation } from '../protocol/model/shapes.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { BlobStore, Database, Migration } from '../storage/index.js';
import type { RawRoute, RawRequest, ResponseDecorator } from './raw-routes.js';

export interface OperationContext<Store = undefined> {
  readonly requestId: string;
  readonly accountId: string;
  readonly region: string;
  readonly caller: Caller;
  readonly operation: string;
  /** The current time, from the clock (tests can control it). */
  now(): Date;
  readonly store: Store;
  readonly log: Logger;
  /** IAM's directory of users, roles, keys and policies (empty when IAM is not running). */
  readonly identity: IdentityDirectory;
  /** The request's global condition keys (aws:SourceIp, aws:PrincipalArn …), lower-cased, built on first use. */
  globalConditions(): ConditionContext;
  /**
   * For the few decisions a handler must make itself (a web identity's role trust, S3's per-object
   * checks): evaluates under the configured `--iam` mode and logs the decision like the gateway.
   * False means deny; the handler throws its service's error.
   */
  isPermitted(request: AuthorizationRequest, policies: PolicySet): boolean;
  /**
   * For operations that authorize parts of a request themselves (S3 DeleteObjects, key by key):
   * whether every check is allowed, with the request's condition keys (global and the operation's
   * declared `conditions`), decided and logged as the authorize step does, under the configured
   * `--iam` mode (audit and off allow). Never throws; an empty list is allowed without evaluation.
   */
  permits(checks: readonly AccessCheck[]): boolean;
  /** The account conventional (not IAM-issued) access keys belong to. */
  readonly defaultAccountId: string;
}

/** Where an operation acts, for building resource ARNs. */
export interface AuthorizationScope {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
  /** Who asks (IAM operations that default to the caller's own user name their ARN from it). */
  readonly caller: Caller;
  /** How the request was signed and its headers, for condition keys about the request itself (S3's s3:authType …). */
  readonly request?: SignedRequestView;
}

/** A narrow view of the HTTP request for authorization (handlers never see HTTP). */
export interface SignedRequestView {
  /** A request header's first value (lower-case name). */
  header(name: string): string | undefined;
  /** How it was signed: `header` (Authorization) or `query` (presigned URL); undefined when unsigned. */
  readonly signedBy: 'header' | 'query' | undefined;
  /** `AWS4-HMAC-SHA256`, `AWS4-ECDSA-P256-SHA256`; undefined when unsigned. */
  readonly algorithm: string | undefined;
}

/**
 * One permission a request needs: an action on a resource, under that resource's owner and its
 * resource-based policies. Services whose requests touch resources with different owners or
 * policies (S3 CopyObject reads one bucket and writes another) declare a list of these.
 */
export interface AccessCheck {
  readonly action: string;
  readonly resource: string;
  /** The account that owns the resource; undefined: the caller's. */
  readonly account?: string;
  /** The resource-based policy (a bucket policy). */
  readonly policy?: AttachedPolicy;
  /** Further resource-based grants evaluated with it (S3's ACLs as Allow statements). */
  readonly grants?: readonly AttachedPolicy[];
}

/**
 * How one operation is authorized: the IAM action it needs, the resources it acts on and its
 * service-specific condition keys (AWS's Service Authorization Reference lists them per action).
 */
export interface OperationAuthorization<I = Record<string, unknown>, S = unknown> {
  /** Defaults to `<iamPrefix>:<OperationName>`. */
  readonly action?: string;
  /** Actions that need no permission (sts:GetCallerIdentity: AWS answers it whatever the policies say). */
  readonly alwaysAllowed?: boolean;
  /** More actions the request needs on the same resources (sts:TagSession when AssumeRole passes tags). */
  readonly extraActions?: (input: I) => readonly string[];
  /** ARNs the action applies to; every one must be allowed. Defaults to `*`. */
  readonly resources?: (input: I, scope: AuthorizationScope, store: S) => string | readonly string[];
  /** Service-specific condition keys (lower-cased names, e.g. `ssm:overwrite`) and their values. */
  readonly conditions?: (input: I, scope: AuthorizationScope, store: S) => Iterable<readonly [string, readonly string[]]>;
  /**
   * The resource-based policy on what the operation acts on (a bucket policy, a queue policy, a
   * role's trust policy …), evaluated together with the caller's own policies. `null` means the
   * resource has none (or does not exist) where one is required to allow (role trust).
   */
  readonly resourcePolicy?: (input: I, scope: AuthorizationScope, store: S, directory: IdentityDirectory) => ResourcePolicy | null | undefined;
  /**
   * Instead of action/resources/extraActions/resourcePolicy: every permission the request needs,
   * each under its own resource's owner and policies. Every one must be allowed. An empty list
   * needs none (the handler answers, e.g. NoSuchBucket, or nothing could deny the caller).
   */
  readonly access?: (input: I, scope: AuthorizationScope, store: S) => readonly AccessCheck[];
}

export interface ResourcePolicy {
  readonly policy: AttachedPolicy;
  /** The account that owns the resource (cross-account requests need both sides to allow). */
  readonly account: string;
}

/** What a service contributes to identity: IAM provides the directory, STS resolves its session keys. */
export interface IdentityProviders<S> {
  directory?(store: S): IdentityDirectory;
  credentials?(store: S): CredentialResolver;
}

/** What a service gets once, at start-up, to build its store and background workers. */
export interface ServiceEnvironment {
  db: Database;
  blobs: BlobStore;
  clock: Clock;
  log: Logger;
}

/** What a service's background work gets when Nimbus starts serving: the environment and the configuration. */
export interface BackgroundEnvironment extends ServiceEnvironment {
  readonly config: NimbusConfig;
  /** `host:port` the server is bound to (the real port, also under `--port 0`). */
  readonly listenAddress: string;
}

/** Work a service runs in the background while Nimbus serves (S3's lifecycle sweep). */
export interface BackgroundWork {
  /** Stops it and waits for a run in progress to finish; called at shutdown, before storage closes. */
  stop(): Promise<void>;
}

type OperationTable<Ops> = { [K in keyof Ops]: { input: unknown; output: unknown } };

export type Handler<I, O, S> = (input: I, ctx: OperationContext<S>) => O | Promise<O>;

export type Handlers<Ops extends OperationTable<Ops>, S> = {
  [K in keyof Ops]?: Handler<Ops[K]['input'], Ops[K]['output'], S>;
};

/**
 * How a service reports input that breaks the model's constraints:
 * - `coral`: `ValidationException` (JSON) / `ValidationError` (query) with Coral's message;
 * - `ec2`: `MissingParameter` / `InvalidParameterValue`, as EC2 does;
 * - `none`: the service's handlers check everything themselves (S3).
 */
export type ValidationStyle =
  | { kind: 'coral'; code: string; enums: boolean; quoteNumbers?: boolean }
  | { kind: 'ec2' }
  | { kind: 'none' };

// Handlers are checked against the generated operation table where the service is defined; the
// registry holds them without their specific types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyHandler = (input: any, ctx: OperationContext<any>) => unknown;

export interface ServiceDefinition {
  /** The vendored model this service implements (also its folder name). */
  readonly model: string;
  readonly handlers: Readonly<Record<string, AnyHandler | undefined>>;
  readonly migrations?: readonly Migration[];
  createStore?(env: ServiceEnvironment): unknown;
  readonly validation?: ValidationStyle;
  /** Runs after validation, before the handler (EC2 answers DryRun requests here). */
  beforeInvoke?(operation: string, input: Record<string, unknown>, ctx: OperationContext<unknown>): void | Promise<void>;
  /**
   * Checks a request body held in memory against what its headers declare about it, before it is
   * parsed (S3: Content-MD5 and `x-amz-checksum-*` on document bodies such as DeleteObjects').
   * Called only for operations the model marks `httpChecksumRequired` or `httpChecksum` with a
   * `requestAlgorithmMember` (request checksums) whose body is buffered (not streamed), with the
   * bytes the client checksummed: aws-chunked framing removed, request compression not undone
   * (Smithy compresses before it checksums). Throws the service's error.
   */
  checkRequestBody?(operation: Operation, headers: IncomingHttpHeaders, body: Buffer): void;
  /** Every blob id the service's records refer to; blobs not listed by any service are swept at start-up. */
  referencedBlobs?(store: unknown): Iterable<string>;
  /** Runs at shutdown before storage closes (flush what is batched in memory). */
  stop?(store: unknown): void | Promise<void>;
  /** Starts the service's background work once Nimbus serves; stopped at shutdown before `stop`. */
  start?(store: unknown, env: BackgroundEnvironment): BackgroundWork | undefined;
  /** The IAM service prefix of its actions (`ssm`, `cloudwatch` …); defaults to the signing name. */
  readonly iamPrefix?: string;
  readonly authorization?: Readonly<Record<string, OperationAuthorization<any, any> | undefined>>;
  /**
   * Unsigned requests: `refused` (the default: MissingAuthenticationToken, as most AWS services
   * answer) or `resource-policy` (S3: allowed only where a resource-based policy grants it to
   * everyone). Operations modeled as unauthenticated (`authtype: none`) are never refused.
   */
  readonly anonymousAccess?: 'refused' | 'resource-policy';
  /** The service's own AccessDenied for a denial, where its wording is not the protocol family's (S3). */
  readonly accessDenied?: (request: AuthorizationRequest, decision: Decision) => Error;
  readonly identity?: IdentityProviders<unknown>;
  /** Requests the service answers itself, before operation routing (S3's browser routes): raw-routes.ts. */
  readonly rawRoutes?: (request: RawRequest) => RawRoute<any> | undefined;
  /** Paths under `/_nimbus/` the service answers with its raw routes (prefixes). */
  readonly nimbusPaths?: readonly string[];
  /** Headers added to every answer of requests carrying a given header (S3's CORS headers). */
  readonly decorateResponse?: ResponseDecorator<any>;
}

/**
 * Declares a service. `Ops` is the generated operation table, so a misspelt operation or a
 * handler with the wrong input/output type fails to compile.
 */
export function defineService<Ops extends OperationTable<Ops>, S = undefined>(def: {
  model: string;
  handlers: Handlers<Ops, S>;
  migrations?: readonly Migration[];
  createStore?: (env: ServiceEnvironment) => S;
  validation?: ValidationStyle;
  beforeInvoke?: (operation: keyof Ops & string, input: Record<string, unknown>, ctx: OperationContext<S>) => void | Promise<void>;
  checkRequestBody?: (operation: Operation, headers: IncomingHttpHeaders, body: Buffer) => void;
  referencedBlobs?: (store: S) => Iterable<string>;
  stop?: (store: S) => void | Promise<void>;
  start?: (store: S, env: BackgroundEnvironment) => BackgroundWork | undefined;
  iamPrefix?: string;
  authorization?: { [K in keyof Ops]?: OperationAuthorization<Ops[K]['input'], S> };
  anonymousAccess?: 'refused' | 'resource-policy';
  accessDenied?: (request: AuthorizationRequest, decision: Decision) => Error;
  identity?: IdentityProviders<S>;
  rawRoutes?: (request: RawRequest) => RawRoute<S> | undefined;
  nimbusPaths?: readonly string[];
  decorateResponse?: ResponseDecorator<S>;
}): ServiceDefinition {
  return def as unknown as ServiceDefinition;
}
