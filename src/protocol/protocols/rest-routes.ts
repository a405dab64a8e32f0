/**
 * Matches a REST request (method, path, query, headers) to an operation's `requestUri` template:
 * `/{Bucket}/{Key+}?uploads`, `/2015-03-31/functions/{FunctionName}/invocations`. Labels match one
 * segment, greedy labels (`{Key+}`) the rest including `/`; a constant query part must be present.
 * Some operations share a template and differ by a required header or query member (S3's
 * PutObject and CopyObject, the latter requiring `x-amz-copy-source`): a route matches only when
 * its required header- and query-bound members are present. The most constrained match wins,
 * then the one with more literal text.
 */
import { MalformedRequestError } from '../codecs/malformed.js';
import { parseFormPairs } from '../codecs/form.js';
import type { IncomingHttpHeaders } from 'node:http';
import type { Operation, ServiceModel } from '../model/shapes.js';

interface Route {
  op: Operation;
  regex: RegExp;
  labels: { name: string; greedy: boolean }[];
  query: [string, string | undefined][];
  /** Lower-cased names of headers bound to required input members. */
  requiredHeaders: string[];
  literalLength: number;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileRoute(op: Operation): Route {
  const [pathPart, queryPart = ''] = op.requestUri.split('?', 2) as [string, string?];
  const labels: Route['labels'] = [];
  let pattern = '';
  let literalLength = 0;
  let rest = pathPart.length > 1 && pathPart.endsWith('/') ? pathPart.slice(0, -1) : pathPart;
  const re = /\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(rest); m; m = re.exec(rest)) {
    const literal = rest.slice(last, m.index);
    pattern += escapeRegex(literal);
    literalLength += literal.length;
    const greedy = m[1]!.endsWith('+');
    labels.push({ name: greedy ? m[1]!.slice(0, -1) : m[1]!, greedy });
    pattern += greedy ? '(.+?)' : '([^/]+)';
    last = m.index + m[0].length;
  }
  const tail = rest.slice(last);
  pattern += escapeRegex(tail);
  literalLength += tail.length;
  rest = pattern;
  const query = queryPart
    .split('&')
    .filter(Boolean)
    .map((p): [string, string | undefined] => {
      const eq = p.indexOf('=');
      return eq === -1 ? [decodeURIComponent(p), undefined] : [decodeURIComponent(p.slice(0, eq)), decodeURIComponent(p.slice(eq + 1))];
    });
  // A trailing slash is tolerated, except after a greedy label, which keeps it (S3's `dir/` key).
  const trailing = pathPart === '/' || labels.at(-1)?.greedy && pathPart.endsWith('+}') ? '' : '/?';
  const requiredHeaders: string[] = [];
  for (const m of op.input?.members ?? []) {
    if (!m.required) continue;
    if (m.location === 'header') requiredHeaders.push((m.locationName ?? m.name).toLowerCase());
    if (m.location === 'querystring' && m.shape.type !== 'map' && !query.some(([k]) => k === (m.locationName ?? m.name))) query.push([m.locationName ?? m.name, undefined]);
  }
  return { op, regex: new RegExp(`^${rest}${trailing}$`), labels, query, requiredHeaders, literalLength };
}

function routesFor(model: ServiceModel): Map<string, Route[]> {
  let routes = model.cache.get('rest-routes') as Map<string, Route[]> | undefined;
  if (!routes) {
    routes = new Map();
    for (const op of model.operations.values()) {
      const r = compileRoute(op);
      const list = routes.get(op.method) ?? [];
      list.push(r);
      routes.set(op.method, list);
    }
    for (const list of routes.values()) {
      list.sort((a, b) =>
        b.query.length + b.requiredHeaders.length - (a.query.length + a.requiredHeaders.length)
        || b.literalLength - a.literalLength
        || a.labels.length - b.labels.length
        // Deprecated operations share their URI with their successors (S3's Put/GetBucketLifecycle,
        // Put/GetBucketNotification): the current operation answers.
        || Number(a.op.raw.deprecated === true) - Number(b.op.raw.deprecated === true));
    }
    model.cache.set('rest-routes', routes);
  }
  return routes;
}

export interface RouteMatch {
  op: Operation;
  /** Decoded label values by label name. */
  labels: Record<string, string>;
}

export function decodePathComponent(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    throw new MalformedRequestError(`Invalid percent-encoding in the request path`, 'encoding');
  }
}

export function matchRoute(model: ServiceModel, method: string, path: string, query: [string, string][], headers: IncomingHttpHeaders = {}): RouteMatch | undefined {
  const candidates = routesFor(model).get(method);
  if (!candidates) return undefined;
  const keys = new Map<string, string>();
  for (const [k, v] of query) if (!keys.has(k)) keys.set(k, v);
  for (const route of candidates) {
    // The query and header requirements first: they are cheaper than the path's regex, and most
    // of a REST service's routes (S3's ?acl, ?tagging …) differ from each other only by them.
    if (route.query.length && !route.query.every(([k, v]) => keys.has(k) && (v === undefined || keys.get(k) === v))) continue;
    if (route.requiredHeaders.length && !route.requiredHeaders.every((h) => headers[h] !== undefined)) continue;
    const m = route.regex.exec(path);
    if (!m) continue;
    const labels: Record<string, string> = {};
    route.labels.forEach((l, i) => {
      labels[l.name] = decodePathComponent(m[i + 1]!);
    });
    return { op: route.op, labels };
  }
  return undefined;
}

/** REST query strings: `+` stays a plus (RFC 3986); only `%XX` is decoded. */
export function parseRestQuery(rawQuery: string): [string, string][] {
  return parseFormPairs(rawQuery.replace(/\+/g, '%2B'));
}
