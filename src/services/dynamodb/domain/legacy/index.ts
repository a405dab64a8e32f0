/**
 * DynamoDB's legacy (non-expression) parameters — Expected, ConditionalOperator, QueryFilter,
 * ScanFilter, KeyConditions, AttributesToGet, AttributeUpdates — checked with DynamoDB's messages
 * and translated into the forms the expression engine compiles to, so evaluateCondition,
 * applyUpdate, projectItem and the key-condition consumers handle them unchanged. Pure; no I/O.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/LegacyConditionalParameters.html
 *
 * HOW HANDLERS USE IT
 *
 *   // 1. First, before the expression engine (DynamoDB reports mixing before anything else):
 *   checkExpressionMixing(input, 'Query');            // also the "… can only be specified when
 *                                                      //  using expressions" rules
 *   const x = compileRequestExpressions(input, { operation: 'Query' });   // expressions, if any
 *   const legacy = compileLegacyParameters(input, { operation: 'Query', keySchema });
 *   //    same shape as compileRequestExpressions: condition / filter / keyCondition / projection
 *   //    / update, for whichever legacy members are present; only one family can be present for
 *   //    each of them, so `legacy.filter ?? x.filter` and so on. (KeyConditions may come with a
 *   //    FilterExpression or ProjectionExpression; nothing else mixes.)
 *   //    Without keySchema (to report a missing table first): resolveKeyConditions(
 *   //    legacy.keyConditions, schema), assertQueryFilterAvoidsKeys(input.QueryFilter, schema),
 *   //    assertUpdateSparesKey(legacy.update, schema) (from the expression engine).
 *
 *   // 2. Per item, as for expressions:
 *   evaluateCondition(legacy.condition, item); evaluateCondition(legacy.filter, item);
 *   projectItem(legacy.projection, item); toSortKeyRange(legacy.keyCondition.range)
 *   applyAttributeUpdates(legacy.update, item, key)   // = applyUpdate, with the legacy message
 *                                                      //   "Type mismatch for attribute to update"
 *
 * Single parameters: compileExpected, compileFilter, checkKeyConditions + resolveKeyConditions,
 * compileAttributesToGet, compileAttributeUpdates.
 *
 * MESSAGES: where each wording comes from
 * Verified (DynamoDB's answers recorded by dynalite's tests run against DynamoDB, ScyllaDB
 * Alternator's tests run against DynamoDB, conformance captures of 2026, user reports, the API
 * reference's list of UpdateItem errors): the mixing message and its member order
 * ({AttributeUpdates, Expected} / {UpdateExpression, ConditionExpression}; {AttributesToGet,
 * QueryFilter, ConditionalOperator, KeyConditions} / {ProjectionExpression, FilterExpression,
 * KeyConditionExpression}; KeyConditions only beside KeyConditionExpression); "ExpressionAttributeNames
 * can only be specified when using expressions"; "ExpressionAttributeValues can only be specified
 * when using expressions: FilterExpression and KeyConditionExpression are null" (Query) and
 * "UpdateExpression and ConditionExpression are null" (UpdateItem); "Invalid number of
 * argument(s) for the EQ ComparisonOperator" (every operator); "ComparisonOperator LT is not valid
 * for BOOL AttributeValue type" (LT, LE, GT, GE, IN, BETWEEN, CONTAINS, NOT_CONTAINS, BEGINS_WITH
 * with the types refused); "AttributeValues inside AttributeValueList must be of same type"; "The
 * BETWEEN condition was provided a range where the lower bound is greater than the upper bound";
 * "Value must be provided when Exists is null / true for Attribute: a"; "Value cannot be used
 * when Exists is false for Attribute: a"; "ConditionalOperator can only be used when Filter or
 * Expected has two or more elements"; "Conditions can be of length 1 or 2 only" (none or three
 * KeyConditions); "Query condition missed key schema element: b"; "Attempted conditional
 * constraint is not an indexable operation"; "Query key condition not supported"; "Condition
 * parameter type does not match schema type"; "QueryFilter can only contain non-primary key
 * attributes: Primary key attribute: a"; "Duplicate value in attribute name: a"; "Only DELETE
 * action is allowed when no attribute value is specified"; "DELETE action with value is not
 * supported for the type N"; "ADD action is not supported for the type S"; "Cannot update
 * attribute a. This attribute is part of the key"; "Type mismatch for attribute to update";
 * "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.".
 * Also verified as behaviour: EQ compares any type (sets, lists, maps), NE holds for a missing
 * attribute, NOT_CONTAINS fails for one, CONTAINS works on lists, `{Exists: true}` alone and
 * `{}` with ConditionalOperator are refused, an empty Expected passes.
 * Best knowledge (DynamoDB Local's message catalogue and validator, which DynamoDB's answers
 * above agree with wherever both exist): "Exists and ComparisonOperator cannot be used together
 * for Attribute: a"; "Value and AttributeValueList cannot be used together for Attribute: a";
 * "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"; "Value or
 * AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a", and the order of
 * these Expected checks; "ConditionalOperator cannot be used without Filter or Expected" (an
 * empty or absent map); "ExpectedAttributeValue must not be null for Attribute: a"; "The filter
 * condition for an attribute cannot be null: a"; "Supplied AttributeValueUpdate is empty, must
 * contain one of the supported actions: a is null"; "Item size to update has exceeded the maximum
 * allowed size" for AttributeUpdates over 400 KB; EQ/NE accepting BOOL, NULL, L and M arguments
 * and CONTAINS accepting BOOL and NULL. Inferred: two KeyConditions on a table with only a
 * partition key answered "The number of query conditions (2) exceeds the number of key
 * attributes defined in the schema (1)" — DynamoDB's current answer for a KeyConditionExpression
 * (older records show "Query key condition not supported" for both forms); ConditionalOperator
 * checked after the conditions' own errors (most regions answer so for a ScanFilter).
 */
export { applyAttributeUpdates, compileAttributeUpdates } from './attribute-updates.js';
export { compileAttributesToGet } from './attributes-to-get.js';
export { compileLegacyParameters, type CompiledLegacyParameters, type LegacyCompileOptions, type LegacyInput } from './compile.js';
export { compileExpected } from './expected.js';
export { assertQueryFilterAvoidsKeys, compileFilter, type LegacyConditions } from './filter.js';
export { checkKeyConditions, resolveKeyConditions, type LegacyKeyCondition } from './key-conditions.js';
export { checkExpressionMixing, type LegacyOperation, type ParameterFamilies } from './mixing.js';
