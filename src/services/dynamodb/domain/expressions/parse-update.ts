/**
 * UpdateExpression grammar
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html):
 *
 *   update  := clause+
 *   clause  := SET    path '=' value    ( ',' path '=' value )*
 *            | REMOVE path              ( ',' path )*
 *            | ADD    path :value       ( ',' path :value )*
 *            | DELETE path :value       ( ',' path :value )*
 *   value   := operand ( ('+' | '-') operand )?
 *   operand := path | :value | function '(' operand ( ',' operand )* ')'
 *
 * Clauses may come in any order; a repeated clause is refused after parsing (so that reserved
 * words and unknown function names anywhere are reported first, as DynamoDB does). Only one `+`
 * or `-` per value: `SET a = b + c + d` is a syntax error.
 */
import type { ParseRecord, RawOperand, RawUpdateAction, RawUpdateClause, UpdateSection } from './ast.js';
import { Parser } from './parser.js';
import { isKeyword } from './tokenizer.js';

const SECTIONS: readonly UpdateSection[] = ['SET', 'REMOVE', 'ADD', 'DELETE'];

export function parseUpdate(source: string): { clauses: RawUpdateClause[]; record: ParseRecord } {
  const p = new UpdateParser('UpdateExpression', source);
  const clauses: RawUpdateClause[] = [];
  do {
    clauses.push(p.parseClause());
  } while (p.peek().kind !== 'eof');
  return { clauses, record: p.record };
}

class UpdateParser extends Parser {
  parseClause(): RawUpdateClause {
    const t = this.peek();
    const section = SECTIONS.find((s) => isKeyword(t, s));
    if (!section) throw this.fail();
    this.next();
    const actions: RawUpdateAction[] = [this.parseAction(section)];
    while (this.isPunct(',')) {
      this.next();
      actions.push(this.parseAction(section));
    }
    return { section, start: t.start, actions };
  }

  private parseAction(section: UpdateSection): RawUpdateAction {
    const path = this.parsePath();
    switch (section) {
      case 'SET':
        this.expectPunct('=');
        return { kind: 'SET', path, value: this.parseSetValue() };
      case 'REMOVE':
        return { kind: 'REMOVE', path };
      case 'ADD':
      case 'DELETE':
        return { kind: section, path, value: this.parseValue() };
    }
  }

  private parseSetValue(): RawOperand {
    const left = this.parseOperand();
    if (this.isPunct('+') || this.isPunct('-')) {
      const op = this.next().text as '+' | '-';
      this.record.operatorCount++;
      const right = this.parseOperand();
      return { kind: 'arith', op, left, right, start: left.start };
    }
    return left;
  }
}
