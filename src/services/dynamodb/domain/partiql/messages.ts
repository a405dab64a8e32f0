/**
 * PartiQL's error messages, each built in one place. Callers (and applications) match on these
 * strings, so they are reproduced character for character.
 *
 * Where each wording comes from (see index.ts for the list of sources):
 * - CAPTURED: recorded from DynamoDB's answers (conformance suites run against AWS in 2026, user
 *   reports quoting the error with a request id).
 * - CATALOGUE: the stem is in DynamoDB Local's PartiQL message catalogue (the same strings
 *   DynamoDB answers with where both were captured), the argument format is our best reading.
 * - DERIVED: our own detail inside a DynamoDB envelope; no capture seen.
 */
import type { ServiceError } from '../../../../shared/errors.js';
import { DuplicateItemException } from '../../generated/errors.js';
import { validationError } from '../errors.js';

/** CAPTURED. The envelope of every syntax error; with no detail for lexical errors (a `#`, an unterminated quote or comment, a number DynamoDB cannot hold). */
export const notWellFormed = (detail = ''): ServiceError => validationError(`Statement wasn't well formed, can't be processed: ${detail}`);

/** CAPTURED details inside the envelope. */
export const DETAIL = {
  /** A statement that does not start as SELECT, INSERT, UPDATE, DELETE (`SLECT * …`). */
  expectedDataManipulation: 'Expected data manipulation',
  /** Anything left after a complete statement (`… WHERE pk = 1 foo`, `… pk = 1)`, ORDER BY on a DELETE). */
  unexpectedTokenAfterExpression: 'Unexpected token after expression',
  /** A reserved word where a name was expected (`INSERT INTO t (key, …`). */
  unexpectedKeyword: 'Unexpected keyword',
  /** A reserved word after a dot (`m.inner`). */
  invalidPathDotComponent: 'Invalid path dot component',
  /** DERIVED: every other token the grammar cannot take at that point. */
  unexpectedToken: 'Unexpected token',
} as const;

/** "1:8:16": line, column (both from 1) and length of the token a message points at. CAPTURED format. */
export function positionOf(source: string, start: number, length: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < start; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${start - lineStart + 1}:${length}`;
}

const at = (message: string, where: string): ServiceError => validationError(`${message} at ${where}`);

// ---- FROM clause (CAPTURED, answered without the envelope) ----
export const tooManyPathComponents = (): ServiceError => validationError('A path may contain at most 2 components in the FROM clause');
export const emptyPathComponent = (): ServiceError => validationError('Path component cannot be an empty string');
export const aliasingNotSupported = (): ServiceError => validationError('Aliasing is not supported');
export const notSupportedOnIndex = (): ServiceError => validationError('This operation is not supported on an index');
export const insertIntoIndex = (): ServiceError =>
  validationError('FROM clause may only contain a single table name in data manipulation statements');
/** CAPTURED. For the lead: SELECT … FROM "t"."i" when the table has no index i (also i = t); no name appended. */
export const indexNotFound = (): ServiceError => validationError('The table does not have the specified index');
/** CAPTURED. For the lead: ConsistentRead with a GSI in the FROM clause. */
export const consistentReadOnGsi = (): ServiceError => validationError('Strongly consistent read is not supported on Global Secondary Indexes');

// ---- SELECT list ----
/** CAPTURED: a function (or any non-path) in the SELECT list, with its position. */
export const unexpectedPathComponent = (where: string): ServiceError => at('Unexpected path component', where);
/** CATALOGUE. */
export const starAndOtherAttributes = (): ServiceError =>
  validationError("Other attributes should not be present in the projection when '*' is used.");
/** CATALOGUE. */
export const valueOrPivotInSelect = (): ServiceError => validationError("Select projection doesn't support value or pivot keywords");
/** CATALOGUE; the name format is DERIVED. */
export const duplicateSelectNames = (name: string): ServiceError => validationError(`Duplicate identifiers in select clause: ${name}`);

// ---- WHERE / operators ----
/** CAPTURED: a function DynamoDB does not know in this position (`EXISTS(x)` and `set_add` in a WHERE); the name in lower case. */
export const unrecognizedFunction = (name: string, where: string): ServiceError => at(`Unrecognized function: ${name.toLowerCase()}`, where);
/** CATALOGUE. */
export const missingNotWithIs = (): ServiceError => validationError('MISSING must be compared using IS operator');
/** CATALOGUE. */
export const isOperandNotPath = (): ServiceError =>
  validationError('The left hand side argument to IS must be a Variable Reference, Literal, or Path');
/** CATALOGUE. */
export const isInUpdate = (): ServiceError => validationError('IS operator is not supported in update expressions');
/** CATALOGUE; the type as written, upper-cased (DERIVED). */
export const unsupportedIsType = (type: string): ServiceError =>
  validationError(
    `Unsupported data type for IS operator: ${type}. Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]`,
  );
/** CATALOGUE. */
export const invalidInOperator = (): ServiceError =>
  validationError(
    'IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member',
  );
/** CATALOGUE; the operator as written (DERIVED). */
export const unsupportedConditionOperator = (op: string): ServiceError =>
  validationError(`Unsupported operator in Condition Expression. Operator: ${op}`);
/** CATALOGUE; the operator as written (DERIVED). */
export const unsupportedUpdateOperator = (op: string): ServiceError => validationError(`Unsupported operator in Update Expression. Operator: ${op}`);
/** CATALOGUE. A WHERE that is a bare value (`WHERE 1`, `WHERE a`). */
export const whereNotBoolean = (): ServiceError => validationError('WHERE clause must contain an expression that resolves to a boolean');
/** CATALOGUE. */
export const wildcardPath = (): ServiceError => validationError('Wildcard path component like a[*].b are not supported');
/** CATALOGUE. */
export const unpivotPath = (): ServiceError => validationError('Unpivot path component like a.*.b are not supported');

// ---- ORDER BY (CATALOGUE) ----
export const orderByWithoutWhere = (): ServiceError => validationError('Must have WHERE clause in the statement when using ORDER BY clause.');
export const orderByWithoutHashKey = (): ServiceError =>
  validationError('Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.');
export const orderByNotKey = (name: string): ServiceError =>
  validationError(`Attribute ${name} in ORDER BY clause must be part of the primary key`);
export const orderByNotName = (type: string): ServiceError =>
  validationError(`Argument to ORDER BY must be of type VariableReference. Type: ${type}`);
export const orderByNeedsHashKey = (): ServiceError =>
  validationError('Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.');

// ---- Keys ----
/** CAPTURED: UPDATE/DELETE/EXISTS without equality on every key attribute (or without WHERE). */
export const incompleteKey = (): ServiceError => validationError('Where clause does not contain a mandatory equality on all key attributes');
/** CATALOGUE. */
export const multipleKeyConditions = (name: string): ServiceError =>
  validationError(`Multiple conditions on same key ${name}. Only single item Update/Insert/Delete are supported`);
/** CAPTURED (SELECT `pk = ?` with a number on a string key; `sk IN ['1', 2]`). */
export const keyTypeMismatch = (name: string): ServiceError =>
  validationError(`Key attribute's data type should match its data type in table's schema: Key ${name}`);
/** CATALOGUE; the type format (S, N, L …) is DERIVED. */
export const keyNotScalar = (name: string, type: string): ServiceError =>
  validationError(`Key value must be of type S, N, or B. Key name: ${name}, Key type: ${type}`);
/** CATALOGUE: an INSERT item without a key attribute. */
export const keyAbsent = (name: string): ServiceError => validationError(`Key attribute should be present in the item: Key ${name}`);

// ---- INSERT ----
/** CATALOGUE. */
export const insertNotTuple = (): ServiceError =>
  validationError('Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.');
/** CATALOGUE. */
export const insertManyItems = (): ServiceError =>
  validationError(
    'Unsupported operation: Inserting multiple items in a single statement is not supported, use "INSERT INTO tableName VALUE item" instead',
  );
/** CATALOGUE. */
export const returningInInsert = (): ServiceError => validationError('RETURNING is not supported in INSERT');
/** CAPTURED ("Duplicate primary key exists in table", DuplicateItemException). For the lead, when an INSERT finds its key taken. */
export const duplicateItem = (): ServiceError => new DuplicateItemException('Duplicate primary key exists in table');

// ---- Values ----
/** CAPTURED: `<<>>`. */
export const emptyBag = (): ServiceError => validationError('Empty bags are not supported');
/** CATALOGUE. */
export const unsupportedBagType = (): ServiceError =>
  validationError('Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags');
/** CAPTURED for a function inside an INSERT item (`set_add under key root at 1:…`); other kinds DERIVED. */
export const unsupportedDataType = (what: string, path: string, where?: string): ServiceError => {
  const message = `Unsupported data type: ${what} under key ${path}`;
  return where === undefined ? validationError(message) : at(message, where);
};
/** CATALOGUE; argument format DERIVED. */
export const duplicateTupleKey = (key: string, path: string): ServiceError => validationError(`Duplicate keys in tuple. Key: ${key} under ${path}`);
/** CATALOGUE; argument format DERIVED. */
export const tupleKeyNotString = (type: string, path: string): ServiceError =>
  validationError(`Tuple keys must be of type String. Actual type: ${type} under ${path}`);
/** CATALOGUE; argument format DERIVED. */
export const negativeZero = (path: string): ServiceError => validationError(`Negative zero decimal is not supported under key ${path}`);
/** CAPTURED. */
export const parameterCountMismatch = (): ServiceError => validationError("Number of parameters in request and statement don't match.");
/** CAPTURED: a parameter number whose exponent does not fit a 32-bit integer. */
export const parameterNotNumeric = (text: string): ServiceError =>
  validationError(`The parameter cannot be converted to a numeric value: ${text}`);

// ---- UPDATE ----
/** CAPTURED (positions too). */
export const setFunctionArgumentCount = (fn: 'ADD' | 'DELETE', where: string): ServiceError => at(`SET_${fn} must have exactly two arguments`, where);
export const setFunctionFirstArgument = (fn: 'ADD' | 'DELETE', where: string): ServiceError =>
  at(`The first argument to SET_${fn} must equal the assignment value`, where);
export const setFunctionSecondArgument = (fn: 'ADD' | 'DELETE', where: string): ServiceError =>
  at(`The second argument to SET_${fn} must be a value with type SET`, where);

// ---- RETURNING ----
/** CAPTURED. `clause` as written after RETURNING, upper-cased words: "MODIFIED OLD *". */
export const invalidDeleteReturning = (clause: string): ServiceError =>
  validationError(`Invalid returning clause: RETURNING ${clause}. Only RETURNING ALL OLD * is allowed in DELETE statements.`);
/** CATALOGUE. */
export const returningWithoutStar = (): ServiceError =>
  validationError("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");

// ---- EXISTS (ExecuteTransaction condition checks) ----
/** CATALOGUE. For the lead: an EXISTS statement outside ExecuteTransaction. */
export const existsOutsideTransaction = (): ServiceError => validationError('EXISTS can only be used in ExecuteTransaction write requests.');
/** CATALOGUE: EXISTS(SELECT … FROM "t"."index" …). */
export const existsOnIndex = (): ServiceError => validationError('Operations on indices are not supported in transactions');
/** CAPTURED (inside "Validation failed in TransactStatements[0]: …", which the lead adds). */
export const existsNeedsKeyAndCondition = (): ServiceError =>
  validationError('EXISTS() must contain a single item read with additional condition');

// ---- BatchExecuteStatement / ExecuteTransaction (for the lead; CAPTURED) ----
/** A batch SELECT that does not name one item by its full primary key, or names an index (a per-statement ValidationError). */
export const batchSelectNeedsKey = (): ServiceError =>
  validationError('Select statements within BatchExecuteStatement must specify the primary key in the where clause.');
/** Inside "Validation failed in TransactStatements[i]: …" (transactionStatementError). */
export const TRANSACTION_DETAIL = {
  selectNeedsKey: 'Select statements within ExecuteTransaction must specify the primary key in the where clause.',
  readOnIndex: 'Reads on indices are not supported within transactions.',
  returning: 'RETURNING clause is not supported in ExecuteTransaction.',
} as const;
/** "Validation failed in TransactStatements[0]: <detail>"; `detail` a TRANSACTION_DETAIL or any statement error's message. */
export const transactionStatementError = (index: number, detail: string): ServiceError =>
  validationError(`Validation failed in TransactStatements[${index}]: ${detail}`);

