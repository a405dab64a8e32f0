/**
 * ExpressionAttributeNames (`#n` → attribute name) and ExpressionAttributeValues (`:v` → value):
 * the maps' own validation, substitution, and the request-wide "unused" check. Usage is tracked
 * across every expression of one request, since DynamoDB refuses a placeholder no expression uses
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.ExpressionAttributeNames.html).
 */
import { isServiceError } from '../../../../shared/errors.js';
import { validationError } from '../errors.js';
import type { AttributeValue } from '../types.js';
import { validateValue } from '../values/index.js';
import type { RawName, RawValue } from './ast.js';
import { undefinedName, undefinedValue, type ExpressionKind } from './messages.js';

const NAME_KEY = /^#[A-Za-z0-9_]+$/;
const VALUE_KEY = /^:[A-Za-z0-9_]+$/;

/** Which expression members take values, per operation, for "… can only be specified when using expressions: X is null". */
const VALUE_EXPRESSIONS: Record<string, readonly string[]> = {
  PutItem: ['ConditionExpression'],
  DeleteItem: ['ConditionExpression'],
  ConditionCheck: ['ConditionExpression'],
  UpdateItem: ['UpdateExpression', 'ConditionExpression'],
  Query: ['FilterExpression', 'KeyConditionExpression'],
  Scan: ['FilterExpression'],
};

/**
 * The checks DynamoDB makes on the two maps before reading any expression: present only with an
 * expression, not empty, well-formed keys, valid values. Returns the values normalized.
 */
export function validatePlaceholderMaps(
  names: Record<string, string> | undefined,
  values: Record<string, AttributeValue> | undefined,
  anyExpression: boolean,
  anyValueExpression: boolean,
  operation: string | undefined,
): Record<string, AttributeValue> | undefined {
  if (names !== undefined && !anyExpression) throw validationError('ExpressionAttributeNames can only be specified when using expressions');
  if (values !== undefined && !anyValueExpression) {
    const members = VALUE_EXPRESSIONS[operation ?? ''];
    const suffix = members ? `: ${members.join(' and ')} ${members.length > 1 ? 'are' : 'is'} null` : '';
    throw validationError(`ExpressionAttributeValues can only be specified when using expressions${suffix}`);
  }
  if (names !== undefined) {
    const keys = Object.keys(names);
    if (keys.length === 0) throw validationError('ExpressionAttributeNames must not be empty');
    for (const key of keys) {
      if (!NAME_KEY.test(key)) throw validationError(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${key}"`);
    }
    for (const key of keys) {
      if (names[key] === '') throw validationError(`ExpressionAttributeNames contains invalid value: Empty attribute name for key ${key}`);
    }
  }
  if (values === undefined) return undefined;
  const keys = Object.keys(values);
  if (keys.length === 0) throw validationError('ExpressionAttributeValues must not be empty');
  for (const key of keys) {
    if (!VALUE_KEY.test(key)) throw validationError(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${key}"`);
  }
  const normalized: Record<string, AttributeValue> = {};
  for (const key of keys) {
    try {
      normalized[key] = validateValue(values[key] as AttributeValue); // keys start with ':', never __proto__
    } catch (e) {
      // DynamoDB wraps the value's own message: "ExpressionAttributeValues contains invalid value:
      // One or more parameter values were invalid: An string set  may not be empty for key :v".
      if (isServiceError(e)) throw validationError(`ExpressionAttributeValues contains invalid value: ${e.message} for key ${key}`);
      throw e;
    }
  }
  return normalized;
}

/** Substitutes placeholders and remembers which were used, across all expressions of a request. */
export class Placeholders {
  private readonly usedNames = new Set<string>();
  private readonly usedValues = new Set<string>();

  constructor(
    private readonly names: Record<string, string> | undefined,
    private readonly values: Record<string, AttributeValue> | undefined,
  ) {}

  /** Throws DynamoDB's "not defined" error for the first undefined placeholder, in source order. */
  checkDefined(kind: ExpressionKind, names: readonly RawName[], values: readonly RawValue[]): void {
    for (const n of names) {
      if (!this.names || !Object.prototype.hasOwnProperty.call(this.names, n.text)) throw undefinedName(kind, n.text);
    }
    for (const v of values) {
      if (!this.values || !Object.prototype.hasOwnProperty.call(this.values, v.name)) throw undefinedValue(kind, v.name);
    }
    for (const n of names) this.usedNames.add(n.text);
    for (const v of values) this.usedValues.add(v.name);
  }

  /** The attribute name a path element stands for (after checkDefined). */
  name(raw: RawName): string {
    return raw.placeholder ? (this.names?.[raw.text] as string) : raw.text;
  }

  value(raw: RawValue): AttributeValue {
    return this.values?.[raw.name] as AttributeValue;
  }

  /** "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}"; names are checked first. */
  checkAllUsed(): void {
    const unusedNames = Object.keys(this.names ?? {}).filter((k) => !this.usedNames.has(k));
    if (unusedNames.length > 0) {
      throw validationError(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unusedNames.join(', ')}}`);
    }
    const unusedValues = Object.keys(this.values ?? {}).filter((k) => !this.usedValues.has(k));
    if (unusedValues.length > 0) {
      throw validationError(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unusedValues.join(', ')}}`);
    }
  }
}
