/**
 * SigV4's URI encoding: every byte but the unreserved characters (A-Z a-z 0-9 - . _ ~) becomes
 * `%XY` with upper-case hex, and non-ASCII text is encoded as UTF-8 first.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html#create-canonical-request
 *
 * Each function returns its input unchanged (no allocation) when it is already in canonical form,
 * which is what SDKs send: the slow path only runs for unusual encodings.
 */

const UNRESERVED = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  UNRESERVED[c] = /[A-Za-z0-9\-._~]/.test(ch) ? 1 : 0;
}

const HEX_BYTE: string[] = [];
for (let b = 0; b < 256; b++) HEX_BYTE.push('%' + b.toString(16).toUpperCase().padStart(2, '0'));

const SLASH = 0x2f;
const PERCENT = 0x25;

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

function isUpperHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70);
}

/** Appends the UTF-8 bytes of the code point at `s[i]`, percent-encoded; returns the next index. */
function encodeCodePoint(s: string, i: number, out: string[]): number {
  const cp = s.codePointAt(i)!;
  for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out.push(HEX_BYTE[b]!);
  return i + (cp > 0xffff ? 2 : 1);
}

/** One byte in canonical form (an escaped `/` stays escaped). */
function canonicalByte(b: number): string {
  return b < 128 && UNRESERVED[b] === 1 ? String.fromCharCode(b) : HEX_BYTE[b]!;
}

/**
 * A query key or value (or, with `keepSlash`, an S3 path) in canonical form: escapes are decoded
 * and every byte re-encoded, so `%7e`, `~` and `%7E` all become `~`, and `$` becomes `%24`.
 * `+` is a literal plus (AWS SDKs never send it for a space). With `keepSlash`, a literal `/`
 * stays a separator while an escaped `%2F` stays escaped (it is part of a key).
 */
export function canonicalComponent(s: string, keepSlash = false): string {
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && UNRESERVED[c] === 1) continue;
    if (keepSlash && c === SLASH) continue;
    if (c === PERCENT && i + 2 < n && isUpperHex(s.charCodeAt(i + 1)) && isUpperHex(s.charCodeAt(i + 2))) {
      const b = hexValue(s.charCodeAt(i + 1)) * 16 + hexValue(s.charCodeAt(i + 2));
      if (b >= 128 || UNRESERVED[b] !== 1) {
        i += 2;
        continue;
      }
    }
    break;
  }
  if (i === n) return s;
  const out: string[] = [s.slice(0, i)];
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === PERCENT) {
      const h = i + 2 < n ? hexValue(s.charCodeAt(i + 1)) : -1;
      const l = h >= 0 ? hexValue(s.charCodeAt(i + 2)) : -1;
      if (l >= 0) {
        out.push(canonicalByte(h * 16 + l));
        i += 3;
      } else {
        out.push('%25'); // a stray `%` is a literal percent sign
        i++;
      }
    } else if (c < 128) {
      out.push(keepSlash && c === SLASH ? '/' : canonicalByte(c));
      i++;
    } else {
      i = encodeCodePoint(s, i, out);
    }
  }
  return out.join('');
}

/**
 * Non-S3 services encode the (already encoded) path once more: `%` itself becomes `%25`, so
 * `/my%20func` is signed as `/my%2520func`. Slashes stay separators.
 */
export function encodePathAgain(path: string): string {
  const n = path.length;
  let i = 0;
  for (; i < n; i++) {
    const c = path.charCodeAt(i);
    if (!((c < 128 && UNRESERVED[c] === 1) || c === SLASH)) break;
  }
  if (i === n) return path;
  const out: string[] = [path.slice(0, i)];
  while (i < n) {
    const c = path.charCodeAt(i);
    if ((c < 128 && UNRESERVED[c] === 1) || c === SLASH) {
      out.push(path[i]!);
      i++;
    } else if (c < 128) {
      out.push(HEX_BYTE[c]!);
      i++;
    } else {
      i = encodeCodePoint(path, i, out);
    }
  }
  return out.join('');
}

/**
 * RFC 3986 dot-segment removal as AWS applies it to non-S3 paths, also dropping empty segments:
 * `//a/./b/../c/` → `/a/c/`. A trailing slash survives when anything is left.
 */
export function normalizePath(path: string): string {
  if (path.indexOf('//') === -1 && path.indexOf('/.') === -1) return path || '/';
  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  if (kept.length === 0) return '/';
  return '/' + kept.join('/') + (path.endsWith('/') ? '/' : '');
}

/** The canonical URI: S3 re-encodes the path as received; other services normalize, then encode again. */
export function canonicalUri(rawPath: string, normalize: boolean, encodeTwice: boolean): string {
  const path = rawPath || '/';
  if (encodeTwice) return encodePathAgain(normalize ? normalizePath(path) : path);
  return canonicalComponent(normalize ? normalizePath(path) : path, true);
}

/** Percent-decodes a query value as UTF-8 (`+` stays a plus); malformed escapes are kept as text. */
export function decodeComponent(s: string): string {
  if (s.indexOf('%') === -1) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
