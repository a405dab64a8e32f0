/**
 * The PartiQL lexer. Anything it cannot read — a character no token starts with (`#`, `!` alone,
 * a backtick), an unterminated string, quoted name or block comment, a number whose exponent or
 * scale does not fit a 32-bit integer — is DynamoDB's bare envelope, "Statement wasn't well
 * formed, can't be processed: " with nothing after the colon (as DynamoDB answers each of those).
 *
 * Tokens:
 * - `word`: `[A-Za-z_][A-Za-z0-9_$]*`, as written (keywords are words; the parser matches them
 *   case-insensitively).
 * - `quoted`: a double-quoted name, `""` inside standing for one `"`; case-sensitive.
 * - `string`: a single-quoted string, `''` inside standing for one `'`.
 * - `number`: `12`, `1.5`, `.5`, `5.`, `1e5`, `7.31E+6` (no sign; the parser folds a leading `-`).
 * - `param`: `?`.
 * - `punct`: ( ) [ ] { } , . : * = <> != < <= > >= << >> + -
 * Comments: `-- …` to the end of the line and `/* … *\/` are skipped, as DynamoDB skips them.
 */
import { notWellFormed } from './messages.js';

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** For `quoted` and `string` the unescaped content; otherwise the source text. */
  text: string;
  /** Offsets into the source, `end` exclusive. */
  start: number;
  end: number;
}

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

const isWhitespace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isWordStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordPart = (c: number): boolean => isWordStart(c) || isDigit(c) || c === 36;

const TWO_CHAR = new Set(['<>', '!=', '<=', '>=', '<<', '>>']);
const ONE_CHAR = '()[]{},.:*=<>+-';

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    const next = i + 1 < n ? source.charCodeAt(i + 1) : -1;
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    if (c === 45 /* - */ && next === 45) {
      while (i < n && source.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (c === 47 /* / */ && next === 42 /* * */) {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) throw notWellFormed();
      i = close + 2;
      continue;
    }
    const start = i;
    if (isWordStart(c)) {
      while (i < n && isWordPart(source.charCodeAt(i))) i++;
      tokens.push({ kind: 'word', text: source.slice(start, i), start, end: i });
    } else if (isDigit(c) || (c === 46 /* . */ && isDigit(next))) {
      i = scanNumber(source, i);
      tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      const { text, end } = scanQuoted(source, i, c);
      tokens.push({ kind: c === 34 ? 'quoted' : 'string', text, start, end });
      i = end;
    } else if (c === 63 /* ? */) {
      i++;
      tokens.push({ kind: 'param', text: '?', start, end: i });
    } else if (TWO_CHAR.has(source.slice(i, i + 2))) {
      i += 2;
      tokens.push({ kind: 'punct', text: source.slice(start, i), start, end: i });
    } else if (ONE_CHAR.includes(source[i] as string)) {
      i++;
      tokens.push({ kind: 'punct', text: source.slice(start, i), start, end: i });
    } else {
      throw notWellFormed();
    }
  }
  tokens.push({ kind: 'eof', text: '<EOF>', start: n, end: n });
  return tokens;
}

/**
 * Digits, an optional fraction and an optional exponent. DynamoDB reads a literal as Java's
 * BigDecimal does: the exponent, and the scale (fraction digits minus exponent), must each fit a
 * 32-bit integer, or the statement cannot be read at all (`1e2147483648`, `1.5e-2147483647`).
 */
function scanNumber(source: string, from: number): number {
  const n = source.length;
  let i = from;
  while (i < n && isDigit(source.charCodeAt(i))) i++;
  let fractionDigits = 0;
  if (i < n && source.charCodeAt(i) === 46 && !(i + 1 < n && source.charCodeAt(i + 1) === 46)) {
    i++;
    const fracStart = i;
    while (i < n && isDigit(source.charCodeAt(i))) i++;
    fractionDigits = i - fracStart;
  }
  const e = i < n ? source.charCodeAt(i) : -1;
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = j < n ? source.charCodeAt(j) : -1;
    if (sign === 43 || sign === 45) j++;
    const digitsStart = j;
    while (j < n && isDigit(source.charCodeAt(j))) j++;
    // `1e` or `1e+` is not an exponent: the number ends before the `e` (the rest is a word).
    if (j > digitsStart) {
      const exponent = Number(source.slice(i + 1, j));
      const scale = fractionDigits - exponent;
      if (exponent > INT32_MAX || exponent < INT32_MIN || scale > INT32_MAX || scale < INT32_MIN) throw notWellFormed();
      i = j;
    }
  }
  return i;
}

/** A quoted name or string; the quote character doubled inside stands for itself. */
function scanQuoted(source: string, from: number, quote: number): { text: string; end: number } {
  let text = '';
  let i = from + 1;
  for (;;) {
    const close = source.indexOf(String.fromCharCode(quote), i);
    if (close < 0) throw notWellFormed();
    text += source.slice(i, close);
    if (source.charCodeAt(close + 1) === quote) {
      text += String.fromCharCode(quote);
      i = close + 2;
      continue;
    }
    return { text, end: close + 1 };
  }
}
