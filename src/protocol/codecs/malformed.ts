/**
 * Thrown by codecs when the wire form cannot be read (bad JSON, a string where a number belongs,
 * broken percent-encoding). Each protocol names it the way its services do (`malformed()` on the
 * protocol): SerializationException for JSON, MalformedXML for S3 bodies, …
 */
export type MalformedKind =
  /** The body document cannot be parsed at all. */
  | 'body'
  /** A value cannot be read as its type (a number, boolean, timestamp …). */
  | 'value'
  /** Percent-encoding in the path or query string is broken. */
  | 'encoding';

export class MalformedRequestError extends Error {
  constructor(message: string, readonly kind: MalformedKind = 'value') {
    super(message);
    this.name = 'MalformedRequestError';
  }
}
