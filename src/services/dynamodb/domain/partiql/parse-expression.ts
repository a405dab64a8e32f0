/**
 * PartiQL expressions: WHERE conditions, SET values, INSERT items, SELECT list entries.
 *
 *   expr      := or
 *   or        := and ( OR and )*
 *   and       := not ( AND not )*
 *   not       := NOT not | predicate
 *   predicate := additive [ comparator additive | [NOT] BETWEEN additive AND additive
 *                         | [NOT] IN in-list | IS [NOT] type ]
 *   additive  := unary ( ( + | - ) unary )*
 *   unary     := - number | + number | primary
 *   primary   := path | 'string' | number | TRUE | FALSE | NULL | MISSING | ? | name( args )
 *              | [ items ] | << items >> | { 'key': expr, … } | ( expr )
 *   path      := name ( . name | [ number ] | [ 'string' ] )*      name := word | "quoted"
 *
 * Precedence as PartiQL's (https://partiql.org/assets/PartiQL-Specification.pdf, section 7):
 * NOT binds looser than comparisons, so `NOT a = 1` is `NOT (a = 1)`. Keywords are
 * case-insensitive; names are case-sensitive. `!=` is read as `<>`.
 */
import type { Comparator, Expr, PathExpr, PathStep } from './ast.js';
import { Cursor } from './cursor.js';
import { isReservedKeyword } from './keywords.js';
import { DETAIL, notWellFormed, unpivotPath, wildcardPath } from './messages.js';
import type { Token } from './tokenizer.js';

const COMPARATORS: Readonly<Record<string, Comparator>> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export class ExpressionParser extends Cursor {
  expr(): Expr {
    let left = this.and();
    while (this.isWord('OR')) {
      this.next();
      const right = this.and();
      left = { kind: 'or', left, right, start: left.start, length: left.length };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord('AND')) {
      this.next();
      const right = this.not();
      left = { kind: 'and', left, right, start: left.start, length: left.length };
    }
    return left;
  }

  private not(): Expr {
    if (this.isWord('NOT')) {
      const t = this.next();
      return { kind: 'not', operand: this.not(), start: t.start, length: t.end - t.start };
    }
    return this.predicate();
  }

  private predicate(): Expr {
    const left = this.additive();
    const t = this.peek();
    const at = { start: left.start, length: left.length };
    if (t.kind === 'punct' && COMPARATORS[t.text] !== undefined) {
      this.next();
      return { kind: 'compare', op: COMPARATORS[t.text] as Comparator, opText: t.text, left, right: this.additive(), ...at };
    }
    const negated = this.isWord('NOT') && (this.isWord('BETWEEN', 1) || this.isWord('IN', 1));
    if (negated) this.next();
    let result: Expr | undefined;
    if (this.isWord('BETWEEN')) {
      this.next();
      const low = this.additive();
      this.expectWord('AND');
      result = { kind: 'between', operand: left, low, high: this.additive(), ...at };
    } else if (this.isWord('IN')) {
      this.next();
      result = { kind: 'in', operand: left, list: this.inList(), ...at };
    }
    if (result) return negated ? { kind: 'not', operand: result, ...at } : result;
    if (this.isWord('IS')) {
      this.next();
      const isNegated = this.isWord('NOT');
      if (isNegated) this.next();
      const type = this.peek();
      if (type.kind !== 'word') throw this.unexpected();
      this.next();
      return { kind: 'is', operand: left, type: type.text.toUpperCase(), negated: isNegated, ...at };
    }
    return left;
  }

  /** `[a, b]`, `(a, b)` (a sequence, even of one), or any other operand (refused later unless it is a list). */
  private inList(): Expr {
    if (!this.isPunct('(')) return this.additive();
    const open = this.next();
    const items = this.items(')');
    return { kind: 'list', items, start: open.start, length: 1 };
  }

  private additive(): Expr {
    let left = this.unary();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.next().text;
      const right = this.unary();
      left = { kind: 'arith', op, left, right, start: left.start, length: left.length };
    }
    return left;
  }

  private unary(): Expr {
    if ((this.isPunct('-') || this.isPunct('+')) && this.peek(1).kind === 'number') {
      const sign = this.next();
      const n = this.next();
      const text = sign.text === '-' ? `-${n.text}` : n.text;
      return { kind: 'number', text, start: sign.start, length: n.end - sign.start };
    }
    return this.primary();
  }

  primary(): Expr {
    const t = this.peek();
    const length = t.end - t.start;
    switch (t.kind) {
      case 'string':
        this.next();
        return { kind: 'string', value: t.text, start: t.start, length };
      case 'number':
        this.next();
        return { kind: 'number', text: t.text, start: t.start, length };
      case 'param':
        this.next();
        return { kind: 'param', index: this.parameterCount++, start: t.start, length };
      case 'quoted':
        this.next();
        return this.pathFrom(t);
      case 'word':
        return this.word(t);
      case 'punct':
        return this.bracketed(t);
      default:
        throw this.unexpected();
    }
  }

  private word(t: Token): Expr {
    const length = t.end - t.start;
    if (this.isPunct('(', 1)) {
      this.next();
      this.next();
      return { kind: 'call', name: t.text, args: this.items(')'), start: t.start, length };
    }
    switch (t.text.toUpperCase()) {
      case 'TRUE':
      case 'FALSE':
        this.next();
        return { kind: 'bool', value: t.text.toUpperCase() === 'TRUE', start: t.start, length };
      case 'NULL':
        this.next();
        return { kind: 'null', start: t.start, length };
      case 'MISSING':
        this.next();
        return { kind: 'missing', start: t.start, length };
    }
    if (isReservedKeyword(t.text)) throw this.unexpected();
    this.next();
    return this.pathFrom(t);
  }

  private bracketed(t: Token): Expr {
    const start = t.start;
    switch (t.text) {
      case '(': {
        this.next();
        const inner = this.expr();
        this.expectPunct(')');
        return inner;
      }
      case '[':
        this.next();
        return { kind: 'list', items: this.items(']'), start, length: 1 };
      case '<<':
        this.next();
        return { kind: 'bag', items: this.items('>>'), start, length: 2 };
      case '{': {
        this.next();
        const entries: { key: Expr; value: Expr }[] = [];
        if (!this.isPunct('}')) {
          do {
            const key = this.expr();
            this.expectPunct(':');
            entries.push({ key, value: this.expr() });
          } while (this.accept(','));
        }
        this.expectPunct('}');
        return { kind: 'tuple', entries, start, length: 1 };
      }
      default:
        throw this.unexpected();
    }
  }

  /** Comma-separated expressions up to `close` (which is consumed); none is allowed. */
  private items(close: string): Expr[] {
    const items: Expr[] = [];
    if (!this.isPunct(close)) {
      do items.push(this.expr());
      while (this.accept(','));
    }
    this.expectPunct(close);
    return items;
  }

  /** The steps after a path's first name. */
  pathFrom(first: Token): PathExpr {
    const steps: PathStep[] = [];
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const t = this.peek();
        if (t.kind === 'quoted') steps.push({ kind: 'key', name: this.next().text });
        else if (t.kind === 'word' && !isReservedKeyword(t.text)) steps.push({ kind: 'key', name: this.next().text });
        else if (t.kind === 'word') throw notWellFormed(DETAIL.invalidPathDotComponent);
        else if (t.kind === 'punct' && t.text === '*') throw unpivotPath();
        else throw this.unexpected();
      } else if (this.isPunct('[')) {
        this.next();
        const t = this.next();
        if (t.kind === 'number' && /^\d+$/.test(t.text)) steps.push({ kind: 'index', index: Number(t.text) });
        else if (t.kind === 'string') steps.push({ kind: 'key', name: t.text });
        else if (t.kind === 'punct' && t.text === '*') throw wildcardPath();
        else throw this.unexpected(t);
        this.expectPunct(']');
      } else {
        return { kind: 'path', root: first.text, steps, start: first.start, length: first.end - first.start };
      }
    }
  }
}
