/**
 * Decodes an S3 `aws-chunked` body as it streams: `<hex size>[;chunk-signature=<sig>]\r\n<data>\r\n`
 * chunks, a final zero-size chunk, optional trailing headers (`name:value\r\n`, signed by an
 * `x-amz-trailer-signature` line in the signed-trailer flavour), and an empty line.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html
 *
 * Data is passed on as it arrives (never buffered whole); a chunk's signature is checked when its
 * last byte has arrived, so a consumer must treat a stream error as "discard everything", as S3
 * does. For a request whose signature Nimbus does not verify (conventional keys, anonymous), only
 * the framing is checked: chunk signatures must be present and hex, nothing more. Framing may be
 * split anywhere across packets. Errors are S3's: a wrong signature is
 * SignatureDoesNotMatch, broken framing IncompleteBody ("The request body terminated
 * unexpectedly"), a decoded length other than x-amz-decoded-content-length IncompleteBody with
 * the byte counts, a non-final chunk under 8 KiB InvalidChunkSizeError, bad trailers
 * MalformedTrailerError.
 */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { AuthErrors } from '../errors.js';
import { chunkStringToSign, signChunk, trailerStringToSign } from './chunk-signature.js';
import type { StreamingMode } from './payload-hash.js';
import { EMPTY_SHA256, sameSignature, sha256Hex } from './signing-key.js';
import type { SigV4Verified } from './types.js';

export interface AwsChunkedOptions {
  readonly mode: StreamingMode;
  readonly errors: AuthErrors;
  /** The verified request (its signing key and seed signature); required to check chunk signatures. */
  readonly verified?: SigV4Verified;
  /**
   * Check each chunk's and the trailer's signature (default true, which needs `verified`). False
   * for requests whose signature was not verified: the signatures are then only read past.
   */
  readonly checkSignatures?: boolean;
  /** x-amz-decoded-content-length; the decoded byte count must equal it. */
  readonly decodedContentLength?: number;
  /** x-amz-trailer, lower-case: the trailers the client announced (others are refused). */
  readonly declaredTrailers?: readonly string[];
  /** S3 refuses non-final chunks smaller than this (default 8192; 0 turns the check off). */
  readonly minChunkSize?: number;
}

const HEADER = 0;
const DATA = 1;
const DATA_END = 2;
const TRAILER = 3;
const DONE = 4;

/** Longest chunk-header or trailer line accepted (a signed chunk header is under 100 bytes). */
const MAX_LINE = 4096;
const SIGNATURE_PREFIX = ';chunk-signature=';

export class AwsChunkedDecoder extends Transform {
  /** The trailing headers (lower-case names), complete once the stream has ended. */
  readonly trailers = new Map<string, string>();
  /** x-amz-trailer's names, lower-case: the trailers this body will end with. */
  readonly declaredTrailers: readonly string[];
  /** Decoded bytes so far. */
  decodedLength = 0;

  /** Chunks carry `;chunk-signature=` (every flavour but unsigned-trailer). */
  private readonly signed: boolean;
  /** … and they are checked. */
  private readonly verifying: boolean;
  private readonly minChunkSize: number;
  private state = HEADER;
  private readonly line = Buffer.allocUnsafe(MAX_LINE);
  private lineLength = 0;
  private remaining = 0;
  private dataEndSeen = 0;
  private chunkCount = 0;
  private lastChunkSize = -1;
  private chunkSignature = '';
  private previousSignature: string;
  private hash: Hash | undefined;
  private trailerSigned = false;
  private canonicalTrailers = '';

  constructor(private readonly options: AwsChunkedOptions) {
    super();
    this.signed = options.mode !== 'unsigned-trailer';
    this.verifying = this.signed && options.checkSignatures !== false;
    if (this.verifying && options.verified?.signingKey === undefined) {
      throw new Error('Checking aws-chunked signatures needs the verified SigV4 (HMAC) request; SigV4a streaming is not supported');
    }
    this.declaredTrailers = options.declaredTrailers ?? [];
    this.minChunkSize = options.minChunkSize ?? 8192;
    this.previousSignature = options.verified?.seedSignature ?? '';
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk, undefined);
      callback();
    } catch (e) {
      callback(e as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.finish();
      callback();
    } catch (e) {
      callback(e as Error);
    }
  }

  /**
   * Decodes a whole body already in memory (a non-streaming operation's), synchronously; use
   * instead of writing to the stream. Throws S3's error; `trailers` are complete afterwards.
   */
  decodeAll(body: Buffer): Buffer {
    const pieces: Buffer[] = [];
    this.consume(body, pieces);
    this.finish();
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, this.decodedLength);
  }

  /** The checks at the end of the body: complete framing, the announced decoded length. */
  private finish(): void {
    const { errors, decodedContentLength } = this.options;
    if (this.state !== DONE) throw errors.incompleteBody();
    if (decodedContentLength !== undefined && decodedContentLength !== this.decodedLength) {
      throw errors.incompleteBody(decodedContentLength, this.decodedLength);
    }
  }

  /** Parses `buf`, passing decoded data to `out` (or pushing it, when streaming). */
  private consume(buf: Buffer, out: Buffer[] | undefined): void {
    const n = buf.length;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case DATA: {
          const take = Math.min(this.remaining, n - i);
          const piece = buf.subarray(i, i + take);
          this.hash?.update(piece);
          if (out) out.push(piece);
          else this.push(piece);
          this.decodedLength += take;
          this.remaining -= take;
          i += take;
          if (this.remaining === 0) {
            if (this.hash) this.checkChunk(this.hash.digest('hex'));
            this.state = DATA_END;
            this.dataEndSeen = 0;
          }
          break;
        }
        case DATA_END:
          if (buf[i] !== (this.dataEndSeen === 0 ? 13 : 10)) throw this.malformed();
          i++;
          if (++this.dataEndSeen === 2) this.state = HEADER;
          break;
        case HEADER:
        case TRAILER: {
          const newline = buf.indexOf(10, i);
          const end = newline === -1 ? n : newline + 1;
          if (this.lineLength + (end - i) > MAX_LINE) throw this.malformed();
          buf.copy(this.line, this.lineLength, i, end);
          this.lineLength += end - i;
          i = end;
          if (newline !== -1) {
            const text = this.takeLine();
            if (this.state === HEADER) this.onChunkHeader(text);
            else this.onTrailerLine(text);
          }
          break;
        }
        default:
          throw this.malformed(); // bytes after the final empty line
      }
    }
  }

  private malformed(): Error {
    return this.options.errors.incompleteBody();
  }

  private takeLine(): string {
    const length = this.lineLength;
    this.lineLength = 0;
    if (length < 2 || this.line[length - 2] !== 13) throw this.malformed();
    return this.line.toString('latin1', 0, length - 2);
  }

  private onChunkHeader(text: string): void {
    const semi = text.indexOf(';');
    const sizeText = semi === -1 ? text : text.slice(0, semi);
    if (!/^[0-9a-fA-F]{1,12}$/.test(sizeText)) throw this.malformed(); // up to 256 TiB: exact as a double
    const size = parseInt(sizeText, 16);
    if (this.signed) {
      if (semi === -1 || !text.startsWith(SIGNATURE_PREFIX, semi)) throw this.malformed();
      const signature = text.slice(semi + SIGNATURE_PREFIX.length);
      // SigV4 signatures are 64 hex digits; SigV4a's (DER-encoded ECDSA) vary in length.
      if (!(this.verifying ? /^[0-9a-f]{64}$/ : /^[0-9a-f]{1,256}$/).test(signature)) throw this.malformed();
      this.chunkSignature = signature;
    } else if (semi !== -1) {
      throw this.malformed();
    }
    if (size === 0) {
      if (this.verifying) this.checkChunk(EMPTY_SHA256);
      this.state = TRAILER;
      return;
    }
    // S3 notices a short chunk when the next one starts: <Chunk> is that next chunk's 1-based
    // number, <BadChunkSize> the short one's size (versity/versitygw#1683 records S3 answering so).
    if (this.minChunkSize > 0 && this.lastChunkSize >= 0 && this.lastChunkSize < this.minChunkSize) {
      throw this.options.errors.invalidChunkSize(this.chunkCount + 1, this.lastChunkSize);
    }
    this.chunkCount++;
    this.lastChunkSize = size;
    this.remaining = size;
    this.hash = this.verifying ? createHash('sha256') : undefined;
    this.state = DATA;
  }

  private checkChunk(dataHash: string): void {
    const verified = this.options.verified!;
    const stringToSign = chunkStringToSign(verified, this.previousSignature, dataHash);
    if (!sameSignature(signChunk(verified.signingKey!, stringToSign), this.chunkSignature)) {
      throw this.options.errors.signatureMismatch({ accessKeyId: verified.accessKeyId, stringToSign, signatureProvided: this.chunkSignature });
    }
    this.previousSignature = this.chunkSignature;
  }

  private onTrailerLine(text: string): void {
    const errors = this.options.errors;
    if (text === '') return this.endTrailers();
    if (this.options.mode === 'signed') throw this.malformed(); // this flavour has no trailers
    if (this.trailerSigned) throw errors.malformedTrailer(); // nothing may follow the signature
    const colon = text.indexOf(':');
    if (colon <= 0) throw errors.malformedTrailer();
    const name = text.slice(0, colon).trim().toLowerCase();
    const value = text.slice(colon + 1).trim();
    if (name === 'x-amz-trailer-signature') {
      if (this.options.mode !== 'signed-trailer') throw errors.malformedTrailer();
      if (this.verifying) {
        const verified = this.options.verified!;
        const stringToSign = trailerStringToSign(verified, this.previousSignature, sha256Hex(this.canonicalTrailers, 'latin1'));
        if (!sameSignature(signChunk(verified.signingKey!, stringToSign), value)) {
          throw errors.signatureMismatch({ accessKeyId: verified.accessKeyId, stringToSign, signatureProvided: value });
        }
      } else if (!/^[0-9a-f]{1,256}$/.test(value)) {
        throw errors.malformedTrailer();
      }
      this.trailerSigned = true;
      return;
    }
    const declared = this.options.declaredTrailers;
    if ((declared && !declared.includes(name)) || this.trailers.has(name)) throw errors.malformedTrailer();
    this.trailers.set(name, value);
    this.canonicalTrailers += `${name}:${value}\n`;
  }

  private endTrailers(): void {
    const errors = this.options.errors;
    if (this.options.mode === 'signed-trailer' && !this.trailerSigned) throw errors.malformedTrailer();
    for (const name of this.declaredTrailers) if (!this.trailers.has(name)) throw errors.malformedTrailer();
    this.state = DONE;
  }
}
