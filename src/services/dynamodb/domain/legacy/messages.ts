/**
 * DynamoDB's messages for the legacy (non-expression) parameters, each built in one place.
 * Callers match on these strings, so they are reproduced character for character.
 *
 * Where each wording comes from is listed in index.ts ("Messages"). Two prefixes matter:
 * "One or more parameter values were invalid: " (DynamoDB's INVALID_PARAMETER_VALUE family) is on
 * the per-value checks; the ConditionalOperator, BETWEEN-order, key-schema and mixing messages have
 * none.
 */
import type { ServiceError } from '../../../../shared/errors.js';
import { invalidParameterValues, validationError } from '../errors.js';

// ---- ComparisonOperator arguments (Expected, QueryFilter, ScanFilter, KeyConditions) ----

export const argumentCount = (op: string): ServiceError => invalidParameterValues(`Invalid number of argument(s) for the ${op} ComparisonOperator`);

export const operatorNotValidForType = (op: string, type: string): ServiceError =>
  invalidParameterValues(`ComparisonOperator ${op} is not valid for ${type} AttributeValue type`);

export const mixedArgumentTypes = (): ServiceError => invalidParameterValues('AttributeValues inside AttributeValueList must be of same type');

export const betweenBoundsReversed = (): ServiceError =>
  validationError('The BETWEEN condition was provided a range where the lower bound is greater than the upper bound');

// ---- Expected ----

export const expectedNull = (name: string): ServiceError => invalidParameterValues(`ExpectedAttributeValue must not be null for Attribute: ${name}`);
export const existsWithOperator = (name: string): ServiceError =>
  invalidParameterValues(`Exists and ComparisonOperator cannot be used together for Attribute: ${name}`);
export const valueWithList = (name: string): ServiceError =>
  invalidParameterValues(`Value and AttributeValueList cannot be used together for Attribute: ${name}`);
export const listWithoutOperator = (name: string): ServiceError =>
  invalidParameterValues(`AttributeValueList can only be used with a ComparisonOperator for Attribute: ${name}`);
export const valueWhenNotExists = (name: string): ServiceError =>
  invalidParameterValues(`Value cannot be used when Exists is false for Attribute: ${name}`);
export const operatorWithoutValue = (op: string, name: string): ServiceError =>
  invalidParameterValues(`Value or AttributeValueList must be used with ComparisonOperator: ${op} for Attribute: ${name}`);
/** `exists` is how DynamoDB prints the Exists member: "null" when absent, "true" when set. */
export const valueRequired = (exists: 'null' | 'true', name: string): ServiceError =>
  invalidParameterValues(`Value must be provided when Exists is ${exists} for Attribute: ${name}`);

// ---- ConditionalOperator ----

export const conditionalOperatorWithoutConditions = (): ServiceError => validationError('ConditionalOperator cannot be used without Filter or Expected');
export const conditionalOperatorWithOneCondition = (): ServiceError =>
  validationError('ConditionalOperator can only be used when Filter or Expected has two or more elements');

// ---- QueryFilter / ScanFilter ----

export const filterConditionNull = (name: string): ServiceError => validationError(`The filter condition for an attribute cannot be null: ${name}`);
export const queryFilterOnKey = (name: string): ServiceError =>
  validationError(`QueryFilter can only contain non-primary key attributes: Primary key attribute: ${name}`);

// ---- KeyConditions ----

export const keyConditionsRequired = (): ServiceError =>
  validationError('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
export const keyConditionCount = (): ServiceError => validationError('Conditions can be of length 1 or 2 only');
export const tooManyKeyConditions = (count: number, keys: number): ServiceError =>
  validationError(`The number of query conditions (${count}) exceeds the number of key attributes defined in the schema (${keys})`);
export const missedKeyElement = (name: string): ServiceError => validationError(`Query condition missed key schema element: ${name}`);
export const notIndexable = (): ServiceError => validationError('Attempted conditional constraint is not an indexable operation');
export const keyTypeMismatch = (): ServiceError => invalidParameterValues('Condition parameter type does not match schema type');
export const hashConditionNotSupported = (): ServiceError => validationError('Query key condition not supported');

// ---- AttributesToGet ----

export const duplicateAttributeName = (name: string): ServiceError => invalidParameterValues(`Duplicate value in attribute name: ${name}`);

// ---- AttributeUpdates ----

export const attributeUpdateNull = (name: string): ServiceError =>
  validationError(`Supplied AttributeValueUpdate is empty, must contain one of the supported actions: ${name} is null`);
export const valueRequiredForAction = (): ServiceError => invalidParameterValues('Only DELETE action is allowed when no attribute value is specified');
export const deleteNotSupportedForType = (type: string): ServiceError =>
  invalidParameterValues(`DELETE action with value is not supported for the type ${type}`);
export const addNotSupportedForType = (type: string): ServiceError => invalidParameterValues(`ADD action is not supported for the type ${type}`);
export const updateTooLarge = (): ServiceError => validationError('Item size to update has exceeded the maximum allowed size');
/** Applying ADD or DELETE to an attribute of another type (the expression form says "An operand in the update expression …"). */
export const TYPE_MISMATCH_FOR_UPDATE = 'Type mismatch for attribute to update';

// ---- Mixing legacy and expression parameters ----

export const mixedParameters = (legacy: readonly string[], expressions: readonly string[]): ServiceError =>
  validationError(
    `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${legacy.join(', ')}} Expression parameters: {${expressions.join(', ')}}`,
  );
export const namesWithoutExpressions = (): ServiceError => validationError('ExpressionAttributeNames can only be specified when using expressions');
export const valuesWithoutExpressions = (members: readonly string[]): ServiceError =>
  validationError(
    `ExpressionAttributeValues can only be specified when using expressions: ${members.join(' and ')} ${members.length > 1 ? 'are' : 'is'} null`,
  );
