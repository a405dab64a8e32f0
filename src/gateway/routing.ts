/**
 * Which service a request is for, tried in order: the SigV4 credential scope's signing name,
 * `X-Amz-Target`, the query/form `Action` + `Version`, the Host header
 * (`<service>.<region>.localhost`, `<bucket>.s3.localhost`), and path rules — S3 last, since any
 * path could be a bucket and key.
 */
import type { SignedCredential } from '../auth/credentials.js';
import type { HttpRequest } from '../protocol/protocols/types.js';
import type { ServiceRegistry, ServiceRuntime } from './services.js';

export interface ServiceRoute {
  runtime: ServiceRuntime;
  /** A region named by the host (`sqs.eu-west-1.localhost`), if any. */
  hostRegion: string | undefined;
  /** For S3 virtual-hosted requests: the bucket named by the host. */
  hostBucket: string | undefined;
  /** The S3 label the host carried (`s3`, `s3-website`, `s3-website-us-west-2` …): website endpoints answer differently. */
  hostLabel: string | undefined;
}

/** Routes that name nothing from the host are shared: most requests need no new object. */
const plainRoutes = new WeakMap<ServiceRuntime, ServiceRoute>();

function route(runtime: ServiceRuntime, hostRegion?: string, hostBucket?: string, hostLabel?: string): ServiceRoute {
  if (hostRegion === undefined && hostBucket === undefined && hostLabel === undefined) {
    let r = plainRoutes.get(runtime);
    if (!r) plainRoutes.set(runtime, (r = Object.freeze({ runtime, hostRegion, hostBucket, hostLabel })));
    return r;
  }
  return { runtime, hostRegion, hostBucket, hostLabel };
}

/** The route to a service named by something other than the request (a `/_nimbus/` path it owns). */
export function routeTo(runtime: ServiceRuntime): ServiceRoute {
  return route(runtime);
}

export interface RoutingHints {
  credential?: SignedCredential;
  /** `Action` and `Version` from the query string or a form body. */
  action?: string;
  version?: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const BASE_DOMAINS = ['.localhost', '.amazonaws.com', '.localhost.localstack.cloud'];

interface HostParts {
  labels: string[];
}

/** The labels left of a known base domain: `b.s3.us-east-1.localhost` → [b, s3, us-east-1]. */
function hostLabels(host: string): HostParts | undefined {
  const h = host.toLowerCase();
  for (const base of BASE_DOMAINS) {
    if (h.endsWith(base)) return { labels: h.slice(0, -base.length).split('.').filter(Boolean) };
  }
  return undefined;
}

function fromHost(host: string, registry: ServiceRegistry): ServiceRoute | undefined {
  const parts = hostLabels(host);
  if (!parts || parts.labels.length === 0) return undefined;
  const labels = parts.labels;
  // S3: [bucket.]s3[.region] and [bucket.]s3-website[.region] (dotted bucket names allowed).
  const s3At = labels.findIndex((l) => l === 's3' || l === 's3-website' || /^s3[.-]/.test(l));
  const s3 = registry.get('s3');
  if (s3At !== -1 && s3) {
    const label = labels[s3At]!;
    // `s3-website-us-west-2` and `s3-us-west-2` (dash forms) name the region in the label itself.
    const dashRegion = /^s3(?:-website)?-([a-z0-9-]+)$/.exec(label)?.[1];
    const region = dashRegion && REGION.test(dashRegion) ? dashRegion : labels[s3At + 1];
    // The plain `s3` label tells nothing more than the service; only other labels are kept.
    return route(s3, region && REGION.test(region) ? region : undefined, s3At > 0 ? labels.slice(0, s3At).join('.') : undefined, label === 's3' ? undefined : label);
  }
  const [first, second, third] = labels;
  // Endpoint prefixes with a dot of their own: `streams.dynamodb.<region>`.
  const dotted = second ? registry.endpoint(`${first}.${second}`) : undefined;
  if (dotted) return route(dotted, third && REGION.test(third) ? third : undefined);
  const runtime = registry.endpoint(first!);
  if (!runtime) return undefined;
  return route(runtime, second && REGION.test(second) ? second : undefined);
}

/** The path's first segment, decoded; undecodable escapes leave it as written (no service matches it). */
function firstSegment(path: string): string {
  const raw = path.split('/')[1] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** When several services share a signing name (DynamoDB and its Streams), the request tells them apart. */
function narrow(candidates: ServiceRuntime[], req: HttpRequest, hints: RoutingHints): ServiceRuntime {
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const prefix = target.slice(0, target.lastIndexOf('.'));
    const byTarget = candidates.find((c) => c.entry.targetPrefix === prefix);
    if (byTarget) return byTarget;
  }
  if (hints.action !== undefined) {
    const byVersion = candidates.find((c) => c.entry.apiVersion === hints.version && c.entry.protocols.some((p) => p === 'query' || p === 'ec2'));
    if (byVersion) return byVersion;
    const anyQuery = candidates.find((c) => c.entry.protocols.some((p) => p === 'query' || p === 'ec2'));
    if (anyQuery) return anyQuery;
  }
  const segment = firstSegment(req.path);
  const byPath = candidates.find((c) => c.entry.restPathPrefixes.includes(segment));
  return byPath ?? candidates[0]!;
}

export function routeService(req: HttpRequest, hints: RoutingHints, registry: ServiceRegistry): ServiceRoute | undefined {
  const host = fromHost(req.host, registry);
  const withHost = (runtime: ServiceRuntime): ServiceRoute => (host?.runtime === runtime ? host : route(runtime, host?.hostRegion));

  if (hints.credential) {
    const candidates = registry.signing(hints.credential.service);
    if (candidates.length === 1) return withHost(candidates[0]!);
    if (candidates.length > 1) return withHost(narrow(candidates, req, hints));
  }
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const byTarget = registry.target(target.slice(0, target.lastIndexOf('.')));
    if (byTarget) return withHost(byTarget);
  }
  const cbor = /^\/service\/([^/]+)\/operation\//.exec(req.path);
  if (cbor) {
    const byTarget = registry.target(cbor[1]!);
    if (byTarget) return withHost(byTarget);
  }
  if (hints.action !== undefined && hints.version !== undefined) {
    const byVersion = registry.queryVersion(hints.version);
    if (byVersion) return withHost(byVersion);
  }
  if (host) return host;
  const byPath = registry.pathPrefix(firstSegment(req.path));
  if (byPath) return route(byPath);
  const s3 = registry.get('s3');
  return s3 ? route(s3) : undefined;
}
