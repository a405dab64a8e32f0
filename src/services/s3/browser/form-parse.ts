/**
 * Reads an HTML form upload (multipart/form-data) the way S3 does: the fields up to the part named
 * `file`, then the file as a stream (never buffered). Fields after the file are ignored, as S3
 * ignores them. Parsing is busboy's.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html
 *
 * - Field names are case-insensitive (`X-Amz-Signature` = `x-amz-signature`); a repeated field's
 *   values are joined with commas, as S3 documents.
 * - The file is the part named `file`, whether it carries a filename (a file input) or not (a
 *   textarea's text). Parts of other names that carry files count as fields.
 * - Fields before the file may add up to 20 KiB (names and values).
 */
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { BrowserErrors, MAX_POST_PRE_DATA_BYTES } from './errors.js';

export interface FormField {
  /** As sent. */
  readonly name: string;
  readonly value: string;
}

export interface FormFile {
  readonly stream: Readable;
  /** The filename the part named, if it named one (a textarea's part names none). */
  readonly filename: string | undefined;
}

export interface ParsedForm {
  /** By lower-cased name. */
  readonly fields: ReadonlyMap<string, FormField>;
  /** Undefined when the form ended without a part named `file`. */
  readonly file: FormFile | undefined;
  /** Settles once the whole body has been read (never rejects: what follows the file is ignored). */
  readonly finished: Promise<void>;
  /**
   * Reads and throws away what is left (the file and anything after it) so that an early answer
   * reaches the client instead of a reset connection; gives up after `limit` more bytes.
   */
  discard(limit?: number): Promise<void>;
}

/**
 * Settles when the request body has been read to its end, or after `limit` more bytes (then the
 * gateway closes the connection after answering, since the body was not read through).
 */
export function bodyEnd(body: Readable, limit = DISCARD_LIMIT): Promise<void> {
  if (body.readableEnded || body.destroyed) return Promise.resolve();
  return new Promise<void>((done) => {
    let seen = 0;
    const finish = (): void => {
      body.off('data', count);
      body.off('end', finish);
      body.off('close', finish);
      body.off('error', finish);
      done();
    };
    const count = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen > limit) finish();
    };
    body.on('data', count);
    body.on('end', finish);
    body.on('close', finish);
    body.on('error', finish);
  });
}

/** Largest text (a textarea) accepted as the `file` part. */
const MAX_TEXT_FILE_BYTES = 16 * 1024 * 1024;
const DISCARD_LIMIT = 64 * 1024 * 1024;

/** Resolves when the `file` part starts (or the form ends without one); rejects with S3's error for a malformed form. */
export function readFormUntilFile(body: Readable, contentType: string): Promise<ParsedForm> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { 'content-type': contentType },
      // Filenames are UTF-8 as browsers send them; paths are kept so only the last segment is used.
      defParamCharset: 'utf8',
      preservePath: true,
      limits: { fieldSize: MAX_TEXT_FILE_BYTES, fieldNameSize: 1024 },
    });
  } catch {
    // No boundary, or not multipart at all.
    return Promise.reject(BrowserErrors.malformedPost());
  }
  return new Promise<ParsedForm>((resolve, reject) => {
    const fields = new Map<string, FormField>();
    let preData = 0;
    let settled = false;
    let file: FormFile | undefined;
    let markFinished!: () => void;
    const finished = new Promise<void>((r) => (markFinished = r));
    const form = (): ParsedForm => ({
      fields,
      file,
      finished,
      discard: (limit = DISCARD_LIMIT) => {
        // Whatever the file was piped into may have stopped reading it.
        file?.stream.unpipe();
        file?.stream.resume();
        return Promise.race([finished, bodyEnd(body, limit)]);
      },
    });
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    const addField = (name: string, value: string): void => {
      preData += Buffer.byteLength(name) + Buffer.byteLength(value);
      if (preData > MAX_POST_PRE_DATA_BYTES) {
        fail(BrowserErrors.preDataTooLarge());
        return;
      }
      const lower = name.toLowerCase();
      const previous = fields.get(lower);
      fields.set(lower, { name: previous?.name ?? name, value: previous ? `${previous.value},${value}` : value });
    };
    const startFile = (found: FormFile): void => {
      file = found;
      settled = true;
      resolve(form());
    };
    parser.on('field', (name, value, info) => {
      if (settled) return;
      if (name.toLowerCase() === 'file') {
        if (info.valueTruncated) fail(BrowserErrors.entityTooLarge(MAX_TEXT_FILE_BYTES + 1, MAX_TEXT_FILE_BYTES));
        else startFile({ stream: Readable.from([Buffer.from(value, 'utf8')]), filename: undefined });
        return;
      }
      if (info.valueTruncated || info.nameTruncated) fail(BrowserErrors.preDataTooLarge());
      else addField(name, value);
    });
    parser.on('file', (name, stream, info) => {
      // A stream's failure reaches whoever reads it; one nobody reads (ignored, or abandoned after
      // an early error) must not take the process down.
      stream.on('error', ignoreError);
      if (settled) {
        // After the file: ignored (but read, so the parser moves on).
        if (stream !== file?.stream) stream.resume();
        return;
      }
      if (name.toLowerCase() === 'file') {
        startFile({ stream, filename: info.filename });
        return;
      }
      // A file input of another name is a field to S3 (its name must be covered by the policy);
      // its bytes count towards the 20 KiB before the file.
      addField(name, info.filename ?? '');
      stream.on('data', (chunk: Buffer) => {
        preData += chunk.length;
        if (preData > MAX_POST_PRE_DATA_BYTES) fail(BrowserErrors.preDataTooLarge());
      });
    });
    parser.on('error', () => {
      const malformed = BrowserErrors.malformedPost();
      if (!settled) fail(malformed);
      else if (file && !file.stream.readableEnded) file.stream.destroy(malformed);
      markFinished();
    });
    parser.on('close', () => {
      markFinished();
      if (!settled) {
        settled = true;
        resolve(form());
      }
    });
    // The client went away: the parser fails the file being streamed (nothing is kept), and the
    // form, if the file had not started.
    const gone = (): void => {
      if (!body.readableEnded) parser.destroy(new Error('the request ended before its body'));
    };
    body.on('error', gone);
    body.on('close', gone);
    body.pipe(parser);
  });
}

function ignoreError(): void {}

/** `${filename}`'s value: the part's filename without any path a browser included. */
export function baseFilename(filename: string): string {
  const cut = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
  return cut === -1 ? filename : filename.slice(cut + 1);
}
