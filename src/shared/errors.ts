/**
 * The one error type handlers and protocol codecs throw. The protocol layer turns it into the
 * envelope of the service's protocol (JSON `__type`, query `ErrorResponse`, S3 `Error`, …).
 */
export interface ServiceErrorOptions {
  /** HTTP status; defaults to 400 for sender faults, 500 otherwise. */
  statusCode?: number;
  /** `Sender` (client's fault) or `Receiver`; defaults from the status code. */
  senderFault?: boolean;
  /** Members of the error shape besides its message (modeled or not), as AWS names them. */
  fields?: Record<string, unknown>;
  /** Extra response headers, names in lower case (e.g. `allow` on S3's 405). */
  headers?: Record<string, string>;
}

export class ServiceError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly senderFault: boolean;
  readonly fields: Record<string, unknown>;
  readonly headers?: Record<string, string>;
  /** The status the thrower chose, if any; otherwise the protocol takes it from the model. */
  readonly explicitStatus?: number;

  constructor(code: string, message: string, options: ServiceErrorOptions = {}) {
    super(message);
    this.name = code;
    this.code = code;
    this.explicitStatus = options.statusCode;
    this.statusCode = options.statusCode ?? (options.senderFault === false ? 500 : 400);
    this.senderFault = options.senderFault ?? this.statusCode < 500;
    this.fields = options.fields ?? {};
    this.headers = options.headers;
  }
}

export function isServiceError(e: unknown): e is ServiceError {
  return e instanceof ServiceError;
}

/** Errors every AWS service can answer, whatever its protocol. */
export const CommonErrors = {
  internalFailure: (): ServiceError =>
    new ServiceError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', { statusCode: 500 }),
  notImplemented: (service: string, operation: string): ServiceError =>
    new ServiceError('NotImplemented', `The operation ${operation} of ${service} is not implemented by Nimbus yet.`, { statusCode: 501, senderFault: false }),
  serviceNotAvailable: (hint: string): ServiceError =>
    new ServiceError('UnknownService', `Nimbus could not tell which AWS service this request is for (${hint}).`, { statusCode: 400 }),
};
