/**
 * Reads who signed a request and for what: the SigV4 credential scope from an `Authorization`
 * header or a presigned URL's `X-Amz-*` parameters.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-signing-request.html
 */
import { ServiceError } from '../shared/errors.js';

export interface SignedCredential {
  /** `header` (Authorization) or `query` (presigned URL). */
  form: 'header' | 'query';
  algorithm: string;
  accessKeyId: string;
  /** YYYYMMDD from the scope. */
  date: string;
  /** Empty for SigV4a, whose scope has no region. */
  region: string;
  /** The signing name: which service the client meant (`s3`, `dynamodb`, `execute-api` …). */
  service: string;
  signedHeaders: string[];
  signature: string;
}

const SCOPE = /^([^/]+)\/(\d{8})\/([^/]*)\/([^/]+)\/aws4_request$/;

function scope(credential: string, form: SignedCredential['form'], algorithm: string, signedHeaders: string, signature: string): SignedCredential {
  const m = SCOPE.exec(credential);
  if (!m) {
    throw new ServiceError('IncompleteSignature', `Credential should be scoped to a valid region. Authorization header or parameters are malformed: Credential=${credential}`);
  }
  return { form, algorithm, accessKeyId: m[1]!, date: m[2]!, region: m[3]!, service: m[4]!, signedHeaders: signedHeaders.split(';').filter(Boolean), signature };
}

/** The Authorization header's parts (`Credential=…, SignedHeaders=…, Signature=…`). */
function headerParts(value: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of value.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

/**
 * The credential a request is signed with, or undefined for an anonymous request. Throws
 * `IncompleteSignature` for a SigV4 header or presigned URL missing a part.
 */
export function readCredential(authorization: string | undefined, query: ReadonlyMap<string, string>): SignedCredential | undefined {
  if (authorization) {
    const space = authorization.indexOf(' ');
    const algorithm = space === -1 ? authorization : authorization.slice(0, space);
    if (algorithm === 'AWS4-HMAC-SHA256' || algorithm === 'AWS4-ECDSA-P256-SHA256') {
      const p = headerParts(authorization.slice(space + 1));
      const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((k) => !p[k]);
      if (missing.length) {
        throw new ServiceError('IncompleteSignature', `Authorization header requires '${missing[0]}' parameter. Authorization=${authorization}`);
      }
      return scope(p.Credential!, 'header', algorithm, p.SignedHeaders!, p.Signature!);
    }
    return undefined;
  }
  const algorithm = query.get('X-Amz-Algorithm');
  if (algorithm) {
    const missing = ['X-Amz-Credential', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Date'].filter((k) => !query.get(k));
    if (missing.length) {
      throw new ServiceError('AuthorizationQueryParametersError', `Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.`);
    }
    return scope(query.get('X-Amz-Credential')!, 'query', algorithm, query.get('X-Amz-SignedHeaders')!, query.get('X-Amz-Signature')!);
  }
  return undefined;
}
