/**
 * A cursor over the statement's tokens, with the helpers both parsers (statements, expressions)
 * share: keyword and punctuation tests, names, and the syntax error for the token at hand.
 */
import { isReservedKeyword } from './keywords.js';
import { DETAIL, notWellFormed, positionOf } from './messages.js';
import type { Token } from './tokenizer.js';

/** Token cursor with the helpers both parsers share. */
export class Cursor {
  protected pos = 0;
  /** `?` seen so far, in source order. */
  parameterCount = 0;

  constructor(
    readonly source: string,
    protected readonly tokens: readonly Token[],
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** The keyword `word` (upper case) here? Keywords match case-insensitively. */
  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'word' && t.text.toUpperCase() === word;
  }

  isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === text;
  }

  /** Consumes the punctuation `text` if it is here. */
  accept(text: string): boolean {
    if (!this.isPunct(text)) return false;
    this.next();
    return true;
  }

  expectWord(word: string): Token {
    if (!this.isWord(word)) throw this.unexpected();
    return this.next();
  }

  expectPunct(text: string): Token {
    if (!this.isPunct(text)) throw this.unexpected();
    return this.next();
  }

  /** The syntax error for the token here: a reserved word says so, anything else is an unexpected token. */
  unexpected(token: Token = this.peek()): Error {
    if (token.kind === 'word' && isReservedKeyword(token.text)) return notWellFormed(DETAIL.unexpectedKeyword);
    return notWellFormed(DETAIL.unexpectedToken);
  }

  position(start: number, length: number): string {
    return positionOf(this.source, start, length);
  }

  /** A name: an unquoted word that is not reserved, or a quoted name. */
  name(): Token {
    const t = this.peek();
    if (t.kind === 'quoted' || (t.kind === 'word' && !isReservedKeyword(t.text))) return this.next();
    throw this.unexpected();
  }
}
