/**
 * Streams an uploaded body (PutObject, UploadPart) into the BlobStore through `digestUpload`,
 * never holding the whole body in memory. The blob is durable before anything refers to it; if
 * the body fails (the client disconnects, the bytes run short of what was declared, a digest does
 * not match, the size limit is passed) nothing is kept and the error is S3's.
 */
import { Readable, Transform, type TransformCallback } from 'node:stream';
import type { BlobPayload } from '../../../../protocol/handler-types.js';
import { isServiceError } from '../../../../shared/errors.js';
import { S3Errors } from '../../domain/errors.js';
import { digestSmallUpload, digestUpload, type UploadChecks, type UploadDigests } from '../../domain/integrity.js';
import type { Ctx } from './context.js';

/** The largest single PUT (and part) S3 accepts: 5 GiB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 ** 3;

/**
 * Bodies of at most this many bytes (declared up front) are kept in the object's row instead of
 * a blob: the row's transaction makes them durable, so a small PUT costs one group-committed
 * fsync instead of a file's write, fsync, rename and folder fsync, and a GET one row read
 * instead of opening a file.
 */
export const INLINE_BODY_MAX = 64 * 1024;

export interface StoredBody {
  blobId: string;
  digests: UploadDigests;
}

/** An object's body: in a blob, or (small) in memory, for the row to keep. */
export type StoredObjectBody = { blobId: string; inlineBody: undefined; digests: UploadDigests } | { blobId: undefined; inlineBody: Buffer; digests: UploadDigests };

/** The payload as bytes when it is in memory (a Buffer as is, no copy), else its stream. */
function bytesOrStream(body: BlobPayload | undefined): Buffer | Readable {
  if (body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string' || body instanceof Uint8Array) return Buffer.from(body);
  return body;
}

function toReadable(body: BlobPayload | undefined): Readable {
  const source = bytesOrStream(body);
  return Buffer.isBuffer(source) ? Readable.from([source]) : source;
}

/** The Content-Encoding to store: the request's without `aws-chunked`. */
export function storedContentEncoding(contentEncoding: string | undefined): string | undefined {
  if (contentEncoding === undefined) return undefined;
  const rest = contentEncoding.split(',').map((e) => e.trim()).filter((e) => e !== '' && e.toLowerCase() !== 'aws-chunked');
  return rest.length ? rest.join(',') : undefined;
}

/** Fails the stream with EntityTooLarge once more than `max` bytes have passed. */
class SizeLimit extends Transform {
  private seen = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) return cb(S3Errors.entityTooLarge(this.seen, this.max));
    cb(null, chunk);
  }
}

interface PreparedBody {
  body: Readable;
  result(): UploadDigests;
}

/**
 * The gateway has already decoded an aws-chunked body (src/gateway/authenticate.ts) and made
 * Content-Length (`expectedSize`) its decoded length, so the body here is always the object's bytes.
 */
function prepareBody(body: BlobPayload | undefined, checks: UploadChecks): PreparedBody {
  if (checks.expectedSize !== undefined && checks.expectedSize > MAX_UPLOAD_BYTES) throw S3Errors.entityTooLarge(checks.expectedSize, MAX_UPLOAD_BYTES);
  const digesting = digestUpload(toReadable(body), checks);
  return { body: digesting.body, result: () => digesting.result() };
}

/** Streams the body into a new blob; resolves with its id once durable. */
async function toBlob(ctx: Ctx, prepared: PreparedBody): Promise<string> {
  const limited = new SizeLimit(MAX_UPLOAD_BYTES);
  prepared.body.on('error', (e) => limited.destroy(e));
  prepared.body.pipe(limited);
  try {
    return (await ctx.store.blobs.put(limited)).id;
  } catch (e) {
    // The request is left alone (not destroyed): the error answer goes out on its socket.
    if (isServiceError(e)) throw e;
    // The client went away or the stream broke: S3 keeps nothing and, if anyone still listens, says so.
    throw S3Errors.incompleteBody();
  }
}

/**
 * A part's body (UploadPart): always a blob, which CompleteMultipartUpload hands to the object.
 */
export async function storeUploadBody(ctx: Ctx, body: BlobPayload | undefined, declared: UploadChecks): Promise<StoredBody> {
  const prepared = prepareBody(body, declared);
  const blobId = await toBlob(ctx, prepared);
  try {
    return { blobId, digests: prepared.result() };
  } catch (e) {
    await ctx.store.reclaimer.discard([blobId]);
    throw e;
  }
}

/**
 * An object's body (PutObject): kept inline when declared at most INLINE_BODY_MAX bytes, else a blob.
 */
export async function storeObjectBody(ctx: Ctx, body: BlobPayload | undefined, declared: UploadChecks): Promise<StoredObjectBody> {
  if (declared.expectedSize !== undefined && declared.expectedSize <= INLINE_BODY_MAX) {
    try {
      const { bytes, digests } = await digestSmallUpload(bytesOrStream(body), declared, INLINE_BODY_MAX);
      return { blobId: undefined, inlineBody: bytes, digests };
    } catch (e) {
      // The client went away or the stream broke: S3 keeps nothing and, if anyone still listens, says so.
      throw isServiceError(e) ? e : S3Errors.incompleteBody();
    }
  }
  const prepared = prepareBody(body, declared);
  const blobId = await toBlob(ctx, prepared);
  try {
    return { blobId, inlineBody: undefined, digests: prepared.result() };
  } catch (e) {
    await ctx.store.reclaimer.discard([blobId]);
    throw e;
  }
}
