/**
 * The `Range` header of GET and HEAD. S3 serves one range: `bytes=a-b`, `bytes=a-` or
 * `bytes=-n` (the last n bytes). A range starting past the end is 416 InvalidRange; a header
 * S3 cannot use (malformed, several ranges, a > b) is ignored and the whole object is answered.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html#API_GetObject_RequestSyntax
 */

/** Inclusive byte offsets. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeResolution = { kind: 'whole' } | { kind: 'range'; range: ByteRange } | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

export function resolveRange(header: string | undefined, size: number): RangeResolution {
  if (header === undefined) return { kind: 'whole' };
  const m = SINGLE.exec(header.trim());
  if (!m) return { kind: 'whole' };
  const [, first, last] = m as unknown as [string, string, string];
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    const n = Number(last);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', range: { start: Math.max(0, size - n), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (last !== '' && end < start) return { kind: 'whole' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', range: { start, end: Math.min(end, size - 1) } };
}

export function contentRange(range: ByteRange, size: number): string {
  return `bytes ${range.start}-${range.end}/${size}`;
}

/**
 * `x-amz-copy-source-range` of UploadPartCopy: exactly `bytes=first-last`, within the source.
 * Returns undefined when the header is not of that form (the caller answers InvalidArgument) and
 * 'out-of-bounds' when it reaches past the source's end.
 */
export function parseCopySourceRange(header: string, size: number): ByteRange | 'out-of-bounds' | undefined {
  const m = /^bytes=(\d+)-(\d+)$/.exec(header);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if (end < start) return undefined;
  if (end >= size) return 'out-of-bounds';
  return { start, end };
}
