/**
 * Passes a body through while hashing it, and fails the stream at its end when the body does not
 * hash to the hex x-amz-content-sha256 the client signed (S3's XAmzContentSHA256Mismatch, with
 * ClientComputedContentSHA256 and S3ComputedContentSHA256).
 */
import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { AuthErrors } from '../errors.js';

export class ContentSha256Verifier extends Transform {
  private readonly hash = createHash('sha256');

  constructor(
    private readonly expected: string,
    private readonly errors: AuthErrors,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const computed = this.hash.digest('hex');
    callback(computed === this.expected.toLowerCase() ? null : this.errors.contentSha256Mismatch(this.expected, computed));
  }
}
