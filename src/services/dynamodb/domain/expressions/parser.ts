/**
 * The recursive-descent parser's shared part: the token cursor, syntax errors, document paths and
 * operands (`a.b[1]`, `#n`, `:v`, `fn(…)`). Condition and update grammars build on it
 * (parse-condition.ts, parse-update.ts); a ProjectionExpression is just paths, parsed here.
 *
 * Grammar (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html):
 *   path    := element ( '.' element | '[' digits ']' )*      element := identifier | #name
 *   operand := identifier '(' operand (',' operand)* ')' | path | :value
 * Keywords (AND, OR, NOT, BETWEEN, IN, SET, REMOVE, ADD, DELETE) are never names: `set a=set` is a
 * syntax error, as DynamoDB answers it. Other reserved words parse as names and are refused later
 * ("Attribute name is a reserved keyword"), so that syntax errors anywhere win over them.
 */
import type { ServiceError } from '../../../../shared/errors.js';
import type { ParseRecord, RawCall, RawOperand, RawPath, RawPathElement, RawValue } from './ast.js';
import { invalid, pathTooDeep, syntaxError, type ExpressionKind } from './messages.js';
import { isAnyKeyword, nearText, tokenize, type Token } from './tokenizer.js';

/** DynamoDB's document depth limit: a path may have at most 32 elements (alternator's tests record `nesting levels: 33`). */
export const MAX_PATH_DEPTH = 32;

export class Parser {
  readonly tokens: Token[];
  pos = 0;
  readonly record: ParseRecord = { words: [], names: [], values: [], operatorCount: 0 };

  constructor(
    readonly kind: ExpressionKind,
    readonly source: string,
  ) {
    this.tokens = tokenize(source);
  }

  peek(offset = 0): Token {
    const i = Math.min(this.pos + offset, this.tokens.length - 1);
    return this.tokens[i] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** A syntax error at the current token (or at `index`). */
  fail(index = this.pos): ServiceError {
    const i = Math.min(index, this.tokens.length - 1);
    const token = this.tokens[i] as Token;
    return syntaxError(this.kind, token.text, nearText(this.source, this.tokens, i));
  }

  isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === text;
  }

  expectPunct(text: string): Token {
    if (!this.isPunct(text)) throw this.fail();
    return this.next();
  }

  expectEnd(): void {
    if (this.peek().kind !== 'eof') throw this.fail();
  }

  /** A name that can start a path: a non-keyword identifier or a #placeholder. */
  atPathStart(): boolean {
    const t = this.peek();
    return t.kind === 'name' || (t.kind === 'ident' && !isAnyKeyword(t));
  }

  atFunctionCall(): boolean {
    const t = this.peek();
    return t.kind === 'ident' && !isAnyKeyword(t) && this.isPunct('(', 1);
  }

  parsePath(): RawPath {
    const start = this.peek().start;
    const elements: RawPathElement[] = [this.parsePathName()];
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        elements.push(this.parsePathName());
      } else if (this.isPunct('[')) {
        this.next();
        const t = this.peek();
        if (t.kind !== 'number') throw this.fail();
        this.next();
        const index = Number(t.text);
        if (!Number.isSafeInteger(index)) throw invalid(this.kind, `List index is not within the allowable range; index: ${t.text}`);
        elements.push({ kind: 'index', index });
        this.expectPunct(']');
      } else {
        break;
      }
    }
    if (elements.length > MAX_PATH_DEPTH) throw pathTooDeep(this.kind, elements.length);
    return { kind: 'path', elements, start };
  }

  private parsePathName(): RawPathElement {
    if (!this.atPathStart()) throw this.fail();
    const t = this.next();
    if (t.kind === 'name') {
      const name = { text: t.text, placeholder: true, start: t.start };
      this.record.names.push(name);
      return { kind: 'key', name };
    }
    this.record.words.push({ kind: 'attribute', text: t.text, start: t.start });
    return { kind: 'key', name: { text: t.text, placeholder: false, start: t.start } };
  }

  parseValue(): RawValue {
    const t = this.peek();
    if (t.kind !== 'value') throw this.fail();
    this.next();
    const value: RawValue = { kind: 'value', name: t.text, start: t.start };
    this.record.values.push(value);
    return value;
  }

  /** path | :value | fn(args); arithmetic is the update grammar's business. */
  parseOperand(): RawOperand {
    if (this.atFunctionCall()) return this.parseCall();
    if (this.atPathStart()) return this.parsePath();
    return this.parseValue();
  }

  parseCall(): RawCall {
    const t = this.next();
    this.record.words.push({ kind: 'function', text: t.text, start: t.start });
    this.record.operatorCount++;
    this.expectPunct('(');
    const args: RawOperand[] = [this.parseOperand()];
    while (this.isPunct(',')) {
      this.next();
      args.push(this.parseOperand());
    }
    this.expectPunct(')');
    return { kind: 'call', name: t.text, args, start: t.start };
  }
}

/** ProjectionExpression := path (',' path)* */
export function parseProjection(source: string): { paths: RawPath[]; record: ParseRecord } {
  const p = new Parser('ProjectionExpression', source);
  const paths = [p.parsePath()];
  while (p.isPunct(',')) {
    p.next();
    paths.push(p.parsePath());
  }
  p.expectEnd();
  return { paths, record: p.record };
}

