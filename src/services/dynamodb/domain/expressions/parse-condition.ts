/**
 * Condition grammar, shared by ConditionExpression, FilterExpression and KeyConditionExpression
 * (DynamoDB uses one parser for all three: `<>`, IN, OR and NOT parse in a key condition and are
 * refused afterwards with their own message).
 *
 *   condition  := or
 *   or         := and ( OR and )*
 *   and        := not ( AND not )*
 *   not        := NOT not | primary
 *   primary    := '(' condition ')'
 *               | operand comparator operand
 *               | operand BETWEEN operand AND operand
 *               | operand IN '(' operand ( ',' operand )* ')'
 *               | function '(' operand ( ',' operand )* ')'
 *
 * Precedence, highest first: comparators, IN, BETWEEN, functions, parentheses, NOT, AND, OR
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html#Expressions.OperatorsAndFunctions.Precedence).
 * Parentheses are kept in the tree (`parens`) so the redundant-parentheses rule can be checked.
 */
import type { Comparator, ParseRecord, RawCondition, RawOperand } from './ast.js';
import type { ExpressionKind } from './messages.js';
import { Parser } from './parser.js';
import { isKeyword } from './tokenizer.js';

const COMPARATORS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);

export function parseCondition(kind: ExpressionKind, source: string): { condition: RawCondition; record: ParseRecord } {
  const p = new ConditionParser(kind, source);
  const condition = p.parseOr();
  p.expectEnd();
  return { condition, record: p.record };
}

class ConditionParser extends Parser {
  parseOr(): RawCondition {
    let left = this.parseAnd();
    while (isKeyword(this.peek(), 'OR')) {
      this.next();
      this.record.operatorCount++;
      const right = this.parseAnd();
      left = { kind: 'or', left, right, start: left.start };
    }
    return left;
  }

  private parseAnd(): RawCondition {
    let left = this.parseNot();
    while (isKeyword(this.peek(), 'AND')) {
      this.next();
      this.record.operatorCount++;
      const right = this.parseNot();
      left = { kind: 'and', left, right, start: left.start };
    }
    return left;
  }

  private parseNot(): RawCondition {
    if (isKeyword(this.peek(), 'NOT')) {
      const start = this.next().start;
      this.record.operatorCount++;
      return { kind: 'not', condition: this.parseNot(), start };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): RawCondition {
    const start = this.peek().start;
    if (this.isPunct('(')) {
      this.next();
      const condition = this.parseOr();
      this.expectPunct(')');
      return { kind: 'parens', condition, start };
    }
    const operand = this.parseOperand();
    const t = this.peek();
    if (t.kind === 'punct' && COMPARATORS.has(t.text)) {
      this.next();
      this.record.operatorCount++;
      return { kind: 'compare', op: t.text as Comparator, left: operand, right: this.parseOperand(), start };
    }
    if (isKeyword(t, 'BETWEEN')) {
      this.next();
      this.record.operatorCount++;
      const low = this.parseOperand();
      if (!isKeyword(this.peek(), 'AND')) throw this.fail();
      this.next();
      return { kind: 'between', operand, low, high: this.parseOperand(), start };
    }
    if (isKeyword(t, 'IN')) {
      this.next();
      this.record.operatorCount++;
      this.expectPunct('(');
      const list: RawOperand[] = [this.parseOperand()];
      while (this.isPunct(',')) {
        this.next();
        list.push(this.parseOperand());
      }
      this.expectPunct(')');
      return { kind: 'in', operand, list, start };
    }
    if (operand.kind === 'call') return { kind: 'function', call: operand, start };
    throw this.fail();
  }
}
