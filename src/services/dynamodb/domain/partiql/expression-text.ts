/**
 * Writes PartiQL conditions, SET values and SELECT lists as DynamoDB expressions (every name a
 * `#nN` placeholder, every value a `:vN` one) for the expression engine to compile. That is how
 * DynamoDB runs PartiQL too: its answers to a bad operand are the expression engine's own messages
 * without the "Invalid ConditionExpression: " prefix ("Incorrect operand type for operator or
 * function; operator or function: <, operand type: BOOL", "Operator or function requires a
 * document path; operator or function: attribute_exists"), so compileExpressions strips it.
 *
 * What PartiQL adds on top of the expression language is resolved here: `IS [NOT] MISSING` →
 * attribute_not_exists / attribute_exists, `IS [NOT] NULL` and `IS [NOT] <type>` → attribute_type,
 * `f(…) = TRUE` → `f(…)`, `IN [a, b]` → `IN (a, b)`, case-insensitive function names.
 */
import { isServiceError } from '../../../../shared/errors.js';
import { validationError } from '../errors.js';
import { compileRequestExpressions, type CompiledExpressions, type ExpressionInput } from '../expressions/index.js';
import type { AttributeValue } from '../types.js';
import type { Expr, PathExpr } from './ast.js';
import {
  DETAIL,
  invalidInOperator,
  isInUpdate,
  isOperandNotPath,
  missingNotWithIs,
  notWellFormed,
  positionOf,
  unrecognizedFunction,
  unsupportedConditionOperator,
  unsupportedIsType,
  unsupportedUpdateOperator,
  whereNotBoolean,
} from './messages.js';
import { isValueExpr, type ValueConverter } from './values.js';

const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains']);
/** `IS <type>` → the attribute_type name. BOOL is accepted beside BOOLEAN (captured: `flag IS BOOL`). */
const IS_TYPES: Readonly<Record<string, string>> = {
  NULL: 'NULL',
  BOOLEAN: 'BOOL',
  BOOL: 'BOOL',
  STRING: 'S',
  NUMERIC: 'N',
  BLOB: 'B',
  STRUCT: 'M',
  TUPLE: 'M',
  LIST: 'L',
};
/** PartiQL type names DynamoDB reads after IS but cannot test. */
const OTHER_TYPES: ReadonlySet<string> = new Set(['INT', 'INTEGER', 'SMALLINT', 'DECIMAL', 'DEC', 'FLOAT', 'DOUBLE', 'REAL', 'CHAR', 'CHARACTER', 'VARCHAR', 'SYMBOL', 'CLOB', 'DATE', 'TIME', 'TIMESTAMP', 'BAG', 'SEXP', 'ANY']);

/** Precedence levels, loosest first: a child looser than its place needs parentheses. */
const OR = 1;
const AND = 2;
const NOT = 3;
const PREDICATE = 4;

export class ExpressionWriter {
  private readonly nameKeys = new Map<string, string>();
  /** The same, placeholder → name, as ExpressionAttributeNames. */
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, AttributeValue> = {};
  private valueCount = 0;
  /** Top-level attribute names the condition read, in first-seen order. */
  readonly conditionAttributes: string[] = [];

  constructor(
    private readonly source: string,
    private readonly converter: ValueConverter,
  ) {}

  name(n: string): string {
    let key = this.nameKeys.get(n);
    if (key === undefined) {
      key = `#n${this.nameKeys.size}`;
      this.nameKeys.set(n, key);
      this.names[key] = n;
    }
    return key;
  }

  value(v: AttributeValue): string {
    const key = `:v${this.valueCount++}`;
    this.values[key] = v;
    return key;
  }

  path(p: PathExpr): string {
    let text = this.name(p.root);
    for (const s of p.steps) text += s.kind === 'key' ? `.${this.name(s.name)}` : `[${s.index}]`;
    return text;
  }

  /** A WHERE clause (or part of one) as a condition expression. */
  condition(e: Expr): string {
    return this.conditionAt(e, OR);
  }

  private conditionAt(e: Expr, needed: number): string {
    const [text, level] = this.conditionWithLevel(e);
    return level < needed ? `(${text})` : text;
  }

  private conditionWithLevel(e: Expr): [string, number] {
    switch (e.kind) {
      case 'or':
        return [`${this.conditionAt(e.left, OR)} OR ${this.conditionAt(e.right, OR)}`, OR];
      case 'and':
        return [`${this.conditionAt(e.left, AND)} AND ${this.conditionAt(e.right, AND)}`, AND];
      case 'not':
        return [`NOT ${this.conditionAt(e.operand, NOT)}`, NOT];
      case 'compare': {
        if (e.left.kind === 'missing' || e.right.kind === 'missing') throw missingNotWithIs();
        const folded = this.booleanComparison(e.op, e.left, e.right) ?? this.booleanComparison(e.op, e.right, e.left);
        if (folded !== undefined) return [folded, folded.startsWith('NOT ') ? NOT : PREDICATE];
        return [`${this.operand(e.left)} ${e.op} ${this.operand(e.right)}`, PREDICATE];
      }
      case 'between':
        return [`${this.operand(e.operand)} BETWEEN ${this.operand(e.low)} AND ${this.operand(e.high)}`, PREDICATE];
      case 'in': {
        if (e.operand.kind !== 'path' || e.list.kind !== 'list' || e.list.items.length === 0) throw invalidInOperator();
        return [`${this.operand(e.operand)} IN (${e.list.items.map((i) => this.operand(i)).join(', ')})`, PREDICATE];
      }
      case 'is':
        return this.is(e.operand, e.type, e.negated);
      case 'call':
        return [this.call(e), PREDICATE];
      case 'arith':
        throw unsupportedConditionOperator(e.op);
      default:
        throw whereNotBoolean();
    }
  }

  /** `attribute_exists(a) = TRUE` is `attribute_exists(a)`; `= FALSE` (or `<> TRUE`) its negation. */
  private booleanComparison(op: string, fn: Expr, literal: Expr): string | undefined {
    if (fn.kind !== 'call' || !CONDITION_FUNCTIONS.has(fn.name.toLowerCase()) || literal.kind !== 'bool') return undefined;
    if (op !== '=' && op !== '<>') return undefined;
    const text = this.call(fn);
    return (op === '=') === literal.value ? text : `NOT ${text}`;
  }

  private is(operand: Expr, type: string, negated: boolean): [string, number] {
    if (operand.kind !== 'path') throw isOperandNotPath();
    let text: string;
    if (type === 'MISSING') {
      text = `${negated ? 'attribute_exists' : 'attribute_not_exists'}(${this.operand(operand)})`;
      return [text, PREDICATE];
    }
    const typeName = IS_TYPES[type];
    if (typeName === undefined) {
      if (OTHER_TYPES.has(type)) throw unsupportedIsType(type);
      throw notWellFormed(DETAIL.unexpectedToken);
    }
    text = `attribute_type(${this.operand(operand)}, ${this.value({ S: typeName })})`;
    return negated ? [`NOT ${text}`, NOT] : [text, PREDICATE];
  }

  /**
   * A function call, as a condition or as an operand; which functions fit where (only size() is
   * an operand) is the expression engine's check, in its words.
   */
  private call(e: Extract<Expr, { kind: 'call' }>): string {
    const name = e.name.toLowerCase();
    const known = name === 'size' || CONDITION_FUNCTIONS.has(name);
    if (!known) throw unrecognizedFunction(e.name, positionOf(this.source, e.start, e.length));
    if (e.args.length === 0) {
      throw validationError(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: 0`);
    }
    return `${name}(${e.args.map((a) => this.operand(a)).join(', ')})`;
  }

  /** An operand of a comparison, BETWEEN, IN or function: a path, a value, or size(…). */
  private operand(e: Expr): string {
    if (e.kind === 'path') {
      if (!this.conditionAttributes.includes(e.root)) this.conditionAttributes.push(e.root);
      return this.path(e);
    }
    if (isValueExpr(e)) return this.value(this.converter.value(e));
    switch (e.kind) {
      case 'missing':
        throw missingNotWithIs();
      case 'call':
        return this.call(e);
      case 'arith':
        throw unsupportedConditionOperator(e.op);
      case 'compare':
        throw unsupportedConditionOperator(e.opText);
      default:
        throw unsupportedConditionOperator(e.kind.toUpperCase());
    }
  }

  /** The right side of `SET path = …`: a path, a value, `a + b`, `a - b`, list_append(a, b). */
  updateValue(e: Expr, nested = false): string {
    if (e.kind === 'path') return this.path(e);
    if (isValueExpr(e)) return this.value(this.converter.value(e));
    switch (e.kind) {
      case 'arith':
        if (nested || (e.op !== '+' && e.op !== '-')) throw unsupportedUpdateOperator(e.op);
        return `${this.updateValue(e.left, true)} ${e.op} ${this.updateValue(e.right, true)}`;
      case 'call': {
        if (e.name.toLowerCase() !== 'list_append') throw unrecognizedFunction(e.name, positionOf(this.source, e.start, e.length));
        if (e.args.length === 0) {
          throw validationError('Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 0');
        }
        return `list_append(${e.args.map((a) => this.updateValue(a, true)).join(', ')})`;
      }
      case 'is':
        throw isInUpdate();
      case 'compare':
        throw unsupportedUpdateOperator(e.opText);
      case 'missing':
        return this.value(this.converter.value(e));
      default:
        throw unsupportedUpdateOperator(e.kind.toUpperCase());
    }
  }

  /**
   * Compiles the written expressions with the expression engine. Its static checks (operand
   * types, path overlaps, BETWEEN bounds …) answer in DynamoDB's words minus the expression
   * prefix, which PartiQL's answers do not carry.
   */
  compile(expressions: Pick<ExpressionInput, 'ConditionExpression' | 'FilterExpression' | 'ProjectionExpression' | 'UpdateExpression'>): CompiledExpressions {
    // One object literal of a fixed shape: the engine reads these members on every call, and an
    // object built by spreading and adding members reads several times slower (measured).
    const input: ExpressionInput = {
      ConditionExpression: expressions.ConditionExpression,
      FilterExpression: expressions.FilterExpression,
      ProjectionExpression: expressions.ProjectionExpression,
      UpdateExpression: expressions.UpdateExpression,
      ExpressionAttributeNames: this.nameKeys.size > 0 ? this.names : undefined,
      ExpressionAttributeValues: this.valueCount > 0 ? this.values : undefined,
    };
    try {
      return compileRequestExpressions(input);
    } catch (err) {
      if (isServiceError(err) && err.code === 'ValidationException') {
        const m = /^Invalid (?:ConditionExpression|FilterExpression|UpdateExpression|ProjectionExpression): ([\s\S]*)$/.exec(err.message);
        if (m) throw validationError(m[1] as string);
      }
      throw err;
    }
  }
}
