/**
 * Checks every expression kind shares, in the order DynamoDB applies them: empty, too large, then
 * (after a successful parse) reserved words and unknown function names in source order, and the
 * operator limit. Also the type helpers the static checks use.
 */
import type { AttributeValue, ValueType } from '../types.js';
import { typeOf } from '../values/index.js';
import type { ParseRecord } from './ast.js';
import {
  emptyExpression,
  expressionTooLarge,
  invalidFunctionName,
  reservedKeyword,
  tooManyOperators,
  type ExpressionKind,
} from './messages.js';
import { isReservedWord } from './reserved-words.js';

/** "The maximum length of any expression string is 4 KB" (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters). */
export const MAX_EXPRESSION_BYTES = 4096;
/** "The maximum number of operators or functions allowed in an UpdateExpression is 300" (same page; applied to every kind). */
export const MAX_OPERATORS = 300;

export const CONDITION_FUNCTIONS: ReadonlySet<string> = new Set([
  'attribute_exists',
  'attribute_not_exists',
  'attribute_type',
  'begins_with',
  'contains',
  'size',
]);
export const UPDATE_FUNCTIONS: ReadonlySet<string> = new Set(['if_not_exists', 'list_append']);

/** Before parsing: "The expression can not be empty;" (whitespace only counts as empty) and the size limit. */
export function checkSource(kind: ExpressionKind, source: string): void {
  if (source.trim() === '') throw emptyExpression(kind);
  const size = Buffer.byteLength(source, 'utf8');
  if (size > MAX_EXPRESSION_BYTES) throw expressionTooLarge(kind, size);
}

/** After parsing: the first reserved word or unknown function, whichever comes first; then the operator limit. */
export function checkRecord(kind: ExpressionKind, record: ParseRecord): void {
  for (const word of record.words) {
    if (word.kind === 'attribute' && isReservedWord(word.text)) throw reservedKeyword(kind, word.text);
    if (word.kind === 'function' && !CONDITION_FUNCTIONS.has(word.text) && !UPDATE_FUNCTIONS.has(word.text)) {
      throw invalidFunctionName(kind, word.text);
    }
  }
  if (record.operatorCount > MAX_OPERATORS) throw tooManyOperators(kind, record.operatorCount);
}

/** S, N and B are the types with an order (comparators, BETWEEN, key conditions). */
export function isOrdered(type: ValueType): boolean {
  return type === 'S' || type === 'N' || type === 'B';
}

/** DynamoDB writes a value in BETWEEN messages as `{S:a}`, `{N:1}`; binaries as base64. */
export function formatValue(v: AttributeValue): string {
  const type = typeOf(v);
  switch (type) {
    case 'S':
      return `{S:${v.S}}`;
    case 'N':
      return `{N:${v.N}}`;
    case 'B':
      return `{B:${Buffer.from(v.B as Uint8Array).toString('base64')}}`;
    default:
      return `{${type}:${JSON.stringify(v[type])}}`;
  }
}

/** The words ADD and DELETE use for a type in their operand error. */
export const TYPE_WORDS: Readonly<Record<ValueType, string>> = {
  S: 'STRING',
  N: 'NUMBER',
  B: 'BINARY',
  SS: 'STRING SET',
  NS: 'NUMBER SET',
  BS: 'BINARY SET',
  M: 'MAP',
  L: 'LIST',
  NULL: 'NULL',
  BOOL: 'BOOLEAN',
};
