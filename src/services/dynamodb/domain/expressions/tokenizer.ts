/**
 * The lexer shared by every expression kind. It never fails: a character no token starts with
 * becomes a one-character `unknown` token, so the parser reports it with DynamoDB's ordinary
 * syntax error ("Syntax error; token: \"-\", near: \"a-b\"", as DynamoDB answers for `a-b`).
 *
 * Tokens (ASCII whitespace separates and is dropped):
 * - `ident`: `[A-Za-z_][A-Za-z0-9_]*` — attribute names, function names and the keywords
 *   AND OR NOT BETWEEN IN SET REMOVE ADD DELETE (matched case-insensitively by the parser).
 * - `name`: `#` + `[A-Za-z0-9_]+` (an ExpressionAttributeNames placeholder).
 * - `value`: `:` + `[A-Za-z0-9_]+` (an ExpressionAttributeValues placeholder).
 * - `number`: digits (list indexes).
 * - `punct`: ( ) [ ] , . = <> < <= > >= + -
 * - `eof`: the end, shown as `<EOF>` in messages.
 */
export type TokenKind = 'ident' | 'name' | 'value' | 'number' | 'punct' | 'unknown' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Offsets into the source, `end` exclusive. */
  start: number;
  end: number;
}

/** The words the grammar itself uses; they can never be attribute names. */
export const KEYWORDS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT', 'BETWEEN', 'IN', 'SET', 'REMOVE', 'ADD', 'DELETE']);

/** ASCII whitespace only; any other character (a no-break space, a letter with an accent) is a token of its own and a syntax error. */
const isWhitespace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isWordChar = (c: number): boolean => isIdentStart(c) || isDigit(c);
const PUNCT = '()[],.=<>+-';

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  const push = (kind: TokenKind, start: number, end: number): void => {
    tokens.push({ kind, text: source.slice(start, end), start, end });
  };
  while (i < n) {
    const c = source.charCodeAt(i);
    if (isWhitespace(c)) {
      i++;
      continue;
    }
    const start = i;
    const next = i + 1 < n ? source.charCodeAt(i + 1) : -1;
    if (isIdentStart(c)) {
      i++;
      while (i < n && isWordChar(source.charCodeAt(i))) i++;
      push('ident', start, i);
    } else if (isDigit(c)) {
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      push('number', start, i);
    } else if ((c === 35 /* # */ || c === 58) /* : */ && isWordChar(next)) {
      i += 2;
      while (i < n && isWordChar(source.charCodeAt(i))) i++;
      push(c === 35 ? 'name' : 'value', start, i);
    } else if ((c === 60 /* < */ && (next === 62 || next === 61)) || (c === 62 /* > */ && next === 61)) {
      i += 2;
      push('punct', start, i);
    } else if (PUNCT.includes(source[i] as string)) {
      i++;
      push('punct', start, i);
    } else {
      // One character (a surrogate pair is one character) that no token starts with.
      i += c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      push('unknown', start, i);
    }
  }
  tokens.push({ kind: 'eof', text: '<EOF>', start: n, end: n });
  return tokens;
}

/** True when `token` is the keyword `word` (keywords are case-insensitive: `BeTwEeN` works). */
export function isKeyword(token: Token, word: string): boolean {
  return token.kind === 'ident' && token.text.toUpperCase() === word;
}

export function isAnyKeyword(token: Token): boolean {
  return token.kind === 'ident' && KEYWORDS.has(token.text.toUpperCase());
}

/**
 * DynamoDB's "near" text: the source from the token before the offending one to the token after
 * it. Recorded answers: `a-b` → token "-", near "a-b"; `INVALID SYNTAX HERE` → token "INVALID",
 * near "INVALID SYNTAX"; `!!! INVALID !!!` → token "!", near "!!"; `SET a = :v,` → token "<EOF>",
 * near ","; `ADD hits : incr` → token ":", near "hits : incr".
 */
export function nearText(source: string, tokens: readonly Token[], index: number): string {
  const current = tokens[index] as Token;
  const previous = index > 0 ? tokens[index - 1] : undefined;
  const next = current.kind === 'eof' ? undefined : tokens[index + 1];
  const from = previous ? previous.start : current.start;
  const to = next && next.kind !== 'eof' ? next.end : current.end;
  return source.slice(from, to);
}
