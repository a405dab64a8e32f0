/**
 * DynamoDB's expression error messages, each built in one place. Callers match on these strings,
 * so they are reproduced character for character (trailing ";" included where DynamoDB has one).
 *
 * Where each wording comes from is listed in index.ts ("Messages"); the catalogue of message
 * stems matches DynamoDB Local's list of expression validation errors.
 */
import type { ServiceError } from '../../../../shared/errors.js';
import { validationError } from '../errors.js';
import type { DocumentPath } from './ast.js';

/** The request member an expression came from; it prefixes its messages ("Invalid UpdateExpression: …"). */
export type ExpressionKind =
  | 'ConditionExpression'
  | 'FilterExpression'
  | 'KeyConditionExpression'
  | 'ProjectionExpression'
  | 'UpdateExpression';

export function invalid(kind: ExpressionKind, detail: string): ServiceError {
  return validationError(`Invalid ${kind}: ${detail}`);
}

export const emptyExpression = (kind: ExpressionKind): ServiceError => invalid(kind, 'The expression can not be empty;');

export const syntaxError = (kind: ExpressionKind, token: string, near: string): ServiceError =>
  invalid(kind, `Syntax error; token: "${token}", near: "${near}"`);

export const reservedKeyword = (kind: ExpressionKind, word: string): ServiceError =>
  invalid(kind, `Attribute name is a reserved keyword; reserved keyword: ${word}`);

export const invalidFunctionName = (kind: ExpressionKind, name: string): ServiceError =>
  invalid(kind, `Invalid function name; function: ${name}`);

export const undefinedName = (kind: ExpressionKind, name: string): ServiceError =>
  invalid(kind, `An expression attribute name used in the document path is not defined; attribute name: ${name}`);

export const undefinedValue = (kind: ExpressionKind, name: string): ServiceError =>
  invalid(kind, `An expression attribute value used in expression is not defined; attribute value: ${name}`);

export const redundantParentheses = (kind: ExpressionKind): ServiceError => invalid(kind, 'The expression has redundant parentheses;');

export const operandCount = (kind: ExpressionKind, fn: string, count: number): ServiceError =>
  invalid(kind, `Incorrect number of operands for operator or function; operator or function: ${fn}, number of operands: ${count}`);

export const operandType = (kind: ExpressionKind, fn: string, type: string): ServiceError =>
  invalid(kind, `Incorrect operand type for operator or function; operator or function: ${fn}, operand type: ${type}`);

/** ADD and DELETE say "operator:" and name the type in words, with the allowed type set. */
export const actionOperandType = (action: 'ADD' | 'DELETE', typeWord: string): ServiceError =>
  invalid(
    'UpdateExpression',
    `Incorrect operand type for operator or function; operator: ${action}, operand type: ${typeWord}, typeSet: ALLOWED_FOR_${action}_OPERAND`,
  );

export const requiresPath = (kind: ExpressionKind, fn: string): ServiceError =>
  invalid(kind, `Operator or function requires a document path; operator or function: ${fn}`);

export const functionMisused = (kind: ExpressionKind, fn: string): ServiceError =>
  invalid(kind, `The function is not allowed to be used this way in an expression; function: ${fn}`);

export const functionNotInCondition = (kind: ExpressionKind, fn: string): ServiceError =>
  invalid(kind, `The function is not allowed in a condition expression; function: ${fn}`);

export const functionNotInUpdate = (fn: string): ServiceError =>
  invalid('UpdateExpression', `The function is not allowed in an update expression; function: ${fn}`);

export const notDistinct = (kind: ExpressionKind, operator: string, path: DocumentPath): ServiceError =>
  invalid(
    kind,
    `The first operand must be distinct from the remaining operands for this operator or function; operator: ${operator}, first operand: ${formatPath(path)}`,
  );

export const invalidTypeName = (kind: ExpressionKind, type: string): ServiceError =>
  invalid(kind, `Invalid attribute type name found; type: ${type}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`);

export const betweenTypes = (kind: ExpressionKind, low: string, high: string): ServiceError =>
  invalid(
    kind,
    `The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: ${low}, upper bound operand: AttributeValue: ${high}`,
  );

export const betweenOrder = (kind: ExpressionKind, low: string, high: string): ServiceError =>
  invalid(
    kind,
    `The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: ${low}, upper bound operand: AttributeValue: ${high}`,
  );

export const tooManyInOperands = (kind: ExpressionKind, count: number): ServiceError =>
  invalid(kind, `The IN operator is provided with too many operands; number of operands: ${count}`);

export const tooManyOperators = (kind: ExpressionKind, count: number): ServiceError =>
  invalid(kind, `The expression contains too many operators; operator count: ${count}`);

export const expressionTooLarge = (kind: ExpressionKind, size: number): ServiceError =>
  invalid(kind, `Expression size has exceeded the maximum allowed size; expression size: ${size}`);

export const pathTooDeep = (kind: ExpressionKind, levels: number): ServiceError =>
  invalid(kind, `The document path has too many nesting levels; nesting levels: ${levels}`);

export const duplicateSection = (section: string): ServiceError =>
  invalid('UpdateExpression', `The "${section}" section can only be used once in an update expression;`);

export const pathsOverlap = (kind: ExpressionKind, one: DocumentPath, two: DocumentPath): ServiceError =>
  invalid(
    kind,
    `Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${formatPath(one)}, path two: ${formatPath(two)}`,
  );

export const pathsConflict = (kind: ExpressionKind, one: DocumentPath, two: DocumentPath): ServiceError =>
  invalid(
    kind,
    `Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ${formatPath(one)}, path two: ${formatPath(two)}`,
  );

/** DynamoDB prints a path as `[a, b, [1]]`: names bare, list indexes in brackets. */
export function formatPath(path: DocumentPath): string {
  return `[${path.map((e) => (typeof e === 'number' ? `[${e}]` : e)).join(', ')}]`;
}

// Errors found while applying an update to an item (not while validating the expression).
export const UPDATE_MISSING_ATTRIBUTE = 'The provided expression refers to an attribute that does not exist in the item';
export const UPDATE_WRONG_TYPE = 'An operand in the update expression has an incorrect data type';
export const UPDATE_INVALID_PATH = 'The document path provided in the update expression is invalid for update';
