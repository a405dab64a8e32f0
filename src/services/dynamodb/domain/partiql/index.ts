/**
 * PartiQL for DynamoDB (ExecuteStatement, BatchExecuteStatement, ExecuteTransaction): statements
 * compiled into plans in the expression engine's terms. Pure; no I/O.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html
 *
 * HOW HANDLERS USE IT
 *
 *   const plan = compileStatement(input.Statement, input.Parameters, (table) => keySchemaOf(table));
 *   //  keySchemaOf throws the handler's ResourceNotFoundException for a missing table. It is
 *   //  called for INSERT, UPDATE, DELETE and EXISTS only (after the syntax and Parameters checks).
 *   //  Every problem with the statement throws DynamoDB's ValidationException (ServiceError).
 *
 *   switch (plan.kind) {
 *     case 'select': {
 *       // Check plan.index exists (messages.indexNotFound()), ConsistentRead on a GSI
 *       // (messages.consistentReadOnGsi()), index projections against plan.filterAttributes /
 *       // plan.projectionAttributes. Then:
 *       const access = planSelect(plan, indexOrTableKeySchema, { index: plan.index !== undefined });
 *       //  'get'   → GetItem each access.keys[i]
 *       //  'query' → Query each access.partitions[i] (toSortKeyRange(p.range) for the store), access.scanForward
 *       //  'scan'  → Scan
 *       // Keep the items for which evaluateCondition(plan.filter, item) holds (when plan.filter is
 *       // set), and return projectSelectItem(plan.projection, item) for each, in Items.
 *     }
 *     case 'insert': // PutItem plan.item unless an item has plan.key: then throw messages.duplicateItem()
 *     case 'update': // UpdateItem plan.key with plan.update, under plan.condition (always set: it
 *                    // includes attribute_exists(partition key), so a missing item fails
 *                    // ConditionalCheckFailedException); RETURNING → plan.returnValues; MODIFIED
 *                    // (UPDATED_*) is projectItem(updatedPaths(plan.update), old/new item), and an
 *                    // empty projection returns no row
 *     case 'delete': // DeleteItem plan.key; a missing item is a silent success (the condition is
 *                    // not checked then); plan.condition otherwise; RETURNING ALL OLD * → the old item
 *     case 'exists': // ExecuteTransaction's ConditionCheck on plan.key with plan.condition; elsewhere
 *                    // throw messages.existsOutsideTransaction()
 *   }
 *   // Writes without RETURNING answer `Items: []`.
 *
 * MESSAGES: where each wording comes from (each constant in messages.ts says which applies)
 * - Captured from DynamoDB: the paritysuite and nubo-db DynamoDB conformance suites (run against
 *   AWS, eu-west-2 and other regions, 2026), user reports quoting DynamoDB with a request id.
 *   E.g. "Statement wasn't well formed, can't be processed: " with no detail (lexical errors),
 *   "… Unexpected token after expression", "… Expected data manipulation", "… Unexpected keyword",
 *   "… Invalid path dot component", "Aliasing is not supported", the FROM-path messages, "Where
 *   clause does not contain a mandatory equality on all key attributes", "Number of parameters in
 *   request and statement don't match.", "Unexpected path component at 1:8:16", "Unrecognized
 *   function: exists at …", the set_add/set_delete messages with positions, "Empty bags are not
 *   supported", "… under root.x" on number literals, DELETE's RETURNING message, "Key attribute's
 *   data type should match its data type in table's schema: Key pk", DuplicateItemException's
 *   "Duplicate primary key exists in table", and the expression engine's messages without their
 *   "Invalid …Expression: " prefix.
 * - Catalogue: stems in DynamoDB Local's PartiQL message catalogue, not seen captured (IS, IN,
 *   ORDER BY, bags, tuples, INSERT shapes, RETURNING without `*`, "Multiple conditions on same key").
 * - Derived (ours): the detail "Unexpected token" for other syntax errors; the argument format of
 *   catalogue messages with arguments; the order of checks beyond the captured cases.
 *
 * NOT DONE (yet): "Overlapping conditions with range keys are not supported in where clause" and
 * "Too many decomposed read operations for a given query." (their limits are unknown; such
 * statements are read exactly, by the filter); parameter numbers whose 32-bit scale wraps
 * (`1e2147483647` as a parameter is an underflow in DynamoDB); Ion literals; `ON CONFLICT`.
 */
export { compileStatement, type KeySchemaLookup } from './compile.js';
export { planSelect, type PlanSelectOptions } from './plan-select.js';
export { projectSelectItem } from './project.js';
export type { DeletePlan, ExistsPlan, InsertPlan, KeyTerm, Plan, ReturnValues, SelectAccess, SelectPlan, UpdatePlan } from './plan.js';
export {
  batchSelectNeedsKey,
  consistentReadOnGsi,
  duplicateItem,
  existsOutsideTransaction,
  indexNotFound,
  TRANSACTION_DETAIL,
  transactionStatementError,
} from './messages.js';
export { parseStatement } from './parse-statement.js';
