/**
 * Thrown by codecs when the wire form cannot be read (bad JSON, a string where a number belongs,
 * an unparseable timestamp). Each protocol turns it into the error its services answer with,
 * e.g. `SerializationException` for JSON or `MalformedXML` for S3.
 */
export class MalformedRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedRequestError';
  }
}
