/**
 * DynamoDB's expression language: ConditionExpression, FilterExpression, KeyConditionExpression,
 * ProjectionExpression and UpdateExpression, with ExpressionAttributeNames/Values. Pure; no I/O.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.html
 *
 * HOW HANDLERS USE IT
 *
 *   // 1. Once per request, before touching the store: validates the placeholder maps and every
 *   //    expression, throws DynamoDB's ValidationException (ServiceError) on the first problem.
 *   const x = compileRequestExpressions(input, { keySchema, operation: 'UpdateItem' });
 *   //    input: the request's ConditionExpression, FilterExpression, KeyConditionExpression,
 *   //    ProjectionExpression, UpdateExpression, ExpressionAttributeNames, ExpressionAttributeValues
 *   //    (pass the request object itself; other members are ignored).
 *   //    keySchema: the table's key (or the queried index's key for Query). With it, the result
 *   //    carries `keyCondition` and updates of key attributes / filters on key attributes are
 *   //    refused. Without it (to answer ResourceNotFoundException for a missing table first, as
 *   //    DynamoDB does for syntax-valid requests), call resolveKeyCondition(x.keyConditionParts,
 *   //    schema), assertFilterAvoidsKeys(x.filter, schema) (Query only), assertUpdateSparesKey(
 *   //    x.update, schema) yourself.
 *   //    operation: words "ExpressionAttributeValues can only be specified when using expressions:
 *   //    UpdateExpression and ConditionExpression are null".
 *
 *   // 2. Per item:
 *   evaluateCondition(x.condition, currentItem)        // false → ConditionalCheckFailedException
 *   evaluateCondition(x.filter, item)                  // Query/Scan, after Limit
 *   const newItem = applyUpdate(x.update, currentItem, key)   // may throw the runtime update errors
 *   projectItem(x.projection, item)                    // GetItem/Query/Scan/BatchGet/TransactGet
 *   x.keyCondition → { hashValue, range?: { op: 'EQ'|'LT'|'LE'|'GT'|'GE'|'BETWEEN'|'BEGINS_WITH', values } }
 *   toSortKeyRange(x.keyCondition.range)               // → the store's QueryRequest.sortKey shape
 *
 *   // 3. ReturnValues UPDATED_OLD / UPDATED_NEW return only what the update touched, nested parts
 *   //    in their hierarchy (SET a.b → { a: { M: { b } } }):
 *   projectItem(updatedPaths(x.update), oldOrNewItem)  // or updatedTopLevelAttributes(x.update)
 *
 * Not here (handler level): "Can not use both expression and non-expression parameters in the same
 * request: Non-expression parameters: {…} Expression parameters: {…}" and the legacy parameters.
 *
 * MESSAGES: where each wording comes from
 * Verified (quoted from DynamoDB by user reports in GitHub issues, conformance suites captured
 * against DynamoDB in 2026, ScyllaDB Alternator's and dynalite's tests recorded against DynamoDB,
 * and DynamoDB Local's message catalogue): syntax errors with token/near (incl. "<EOF>"); empty
 * expression; reserved keyword; undefined name/value; unused names/values ("keys: {…}"); empty
 * maps; invalid map keys; "ExpressionAttributeValues contains invalid value: … for key :v";
 * "ExpressionAttributeNames can only be specified when using expressions"; "ExpressionAttributeValues
 * can only be specified when using expressions: UpdateExpression and ConditionExpression are null";
 * redundant parentheses (and which nestings pass); overlap/conflict with "[a, b, [1]]" paths;
 * duplicate section; incorrect operand type (functions, comparators, BETWEEN, list_append, +/-,
 * ADD/DELETE with ", typeSet: ALLOWED_FOR_ADD_OPERAND"); incorrect number of operands; "requires a
 * document path"; "not allowed to be used this way"; distinct operands (contains); invalid function
 * name; BETWEEN bound messages; expression size; nesting levels; the
 * three runtime update errors; "One or more parameter values were invalid: Cannot update attribute
 * id. This attribute is part of the key"; "Query condition missed key schema element: pk"; "The
 * number of query conditions (3) exceeds …"; "Query key condition not supported"; "Condition
 * parameter type does not match schema type"; "Invalid KeyConditionExpression: KeyConditionExpressions
 * must only contain one condition per key" and "… cannot have conditions on nested attributes";
 * "Filter Expression can only contain non-primary key attributes: Primary key attribute: pk".
 * Best knowledge (stems verified, details inferred): "The function is not allowed in a condition
 * expression / in an update expression; function: …"; "The expression contains too many operators;
 * operator count: N" (limit 300); "The IN operator is provided with too many operands; number of
 * operands: N" (N = list length); "Invalid operator used in KeyConditionExpression: OR" and "Invalid
 * condition in KeyConditionExpression: …" without the "Invalid KeyConditionExpression: " prefix (as
 * every report quotes them, though siblings gained the prefix by 2026), "Invalid
 * KeyConditionExpression: KeyConditionExpressions cannot contain nested operations" with it; "Empty
 * attribute name for key #n"; "List index is not within the allowable range"; the order between
 * different error kinds beyond the cases listed in compile-*.ts; size() of a string counting UTF-8
 * bytes; names in expressions being ASCII `[A-Za-z_][A-Za-z0-9_]*`; the order of the valid types
 * listed by "Invalid attribute type name found".
 */
export type {
  Comparator,
  Condition,
  DocumentPath,
  Operand,
  PathElement,
  Projection,
  UpdateAction,
  UpdateExpression,
  UpdateValue,
} from './ast.js';
export { compileRequestExpressions, type CompileOptions, type CompiledExpressions, type ExpressionInput } from './compile.js';
export { assertUpdateSparesKey, updatedPaths, updatedTopLevelAttributes } from './compile-update.js';
export { conditionPaths } from './condition-paths.js';
export { evaluateCondition } from './evaluate.js';
export {
  assertFilterAvoidsKeys,
  resolveKeyCondition,
  toSortKeyRange,
  type KeyConditionPart,
  type KeyOperator,
  type ResolvedKeyCondition,
  type SortKeyRange,
} from './key-condition.js';
export { formatPath, type ExpressionKind } from './messages.js';
export { projectItem } from './project.js';
export { isReservedWord, RESERVED_WORDS } from './reserved-words.js';
export { applyUpdate } from './update.js';
