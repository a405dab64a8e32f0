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
  /** `host;x-amz-date;…` as sent (split when the signature is checked). */
  signedHeaders: string;
  signature: string;
}

/**
 * A credential that is not `AKID/date/region/service/aws4_request` (SigV4a: no region). Thrown with
 * AWS's coral wording; `credential` and `form` let the gateway answer the service's own error
 * instead (`authErrors(...).malformedCredential(e.credential, e.form)`; S3 words it differently).
 */
export class MalformedCredentialError extends ServiceError {
  constructor(
    readonly credential: string,
    readonly form: SignedCredential['form'],
  ) {
    super('IncompleteSignature', `Credential should be scoped to a valid region. Authorization header or parameters are malformed: Credential=${credential}`);
  }
}

/**
 * `AKID/20150830/us-east-1/iam/aws4_request` → its five parts (SigV4a's
 * `AKID/20150830/iam/aws4_request` → four, region empty).
 */
function scope(credential: string, form: SignedCredential['form'], algorithm: string, signedHeaders: string, signature: string): SignedCredential {
  const parts = credential.split('/');
  const v4a = algorithm === 'AWS4-ECDSA-P256-SHA256' && parts.length === 4;
  const [accessKeyId, date, region, service, terminator] = v4a ? [parts[0], parts[1], '', parts[2], parts[3]] : parts;
  if ((!v4a && parts.length !== 5) || terminator !== 'aws4_request' || !accessKeyId || !service || date?.length !== 8) {
    throw new MalformedCredentialError(credential, form);
  }
  return { form, algorithm, accessKeyId, date, region: region!, service, signedHeaders, signature };
}

/** The Authorization header's `Credential=…, SignedHeaders=…, Signature=…` parts (in any order). */
function headerParts(value: string): { Credential?: string; SignedHeaders?: string; Signature?: string } {
  const out: { Credential?: string; SignedHeaders?: string; Signature?: string } = {};
  let start = 0;
  while (start < value.length) {
    let end = value.indexOf(',', start);
    if (end === -1) end = value.length;
    const eq = value.indexOf('=', start);
    if (eq > start && eq < end) {
      const name = value.slice(start, eq).trim();
      if (name === 'Credential' || name === 'SignedHeaders' || name === 'Signature') out[name] = value.slice(eq + 1, end).trim();
    }
    start = end + 1;
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
      if (!p.Credential || !p.SignedHeaders || !p.Signature) {
        const missing = !p.Credential ? 'Credential' : !p.SignedHeaders ? 'SignedHeaders' : 'Signature';
        throw new ServiceError('IncompleteSignature', `Authorization header requires '${missing}' parameter. Authorization=${authorization}`);
      }
      return scope(p.Credential, 'header', algorithm, p.SignedHeaders, p.Signature);
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
