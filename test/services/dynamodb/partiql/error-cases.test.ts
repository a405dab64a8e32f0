/**
 * PartiQL statements DynamoDB refuses, with the exact message. Tables: "H" keyed pk (S), "C"
 * keyed pk (S) + sk (N), "N" keyed pk (N). `src` says where each expected message comes from
 * (helpers.ts); the captured rows are statements recorded against DynamoDB, or the same statement
 * with a shorter table name.
 */
import { describe, it } from 'vitest';
import { planSelect } from '../../../../src/services/dynamodb/domain/partiql/index.js';
import { compile, expectValidation, lookup, NOT_WELL_FORMED, type ErrorCase } from './helpers.js';

/** `1:<column>:<length>` of the first `token` at or after `from`, as the conformance suite computes it. */
function at(statement: string, token: string, length = token.length, from = 0): string {
  const index = statement.indexOf(token, from);
  if (index < 0) throw new Error(`"${token}" is not in ${statement}`);
  return `1:${index + 1}:${length}`;
}

/** A row whose message points into its own statement. */
function positioned(statement: string, message: (s: string) => string, src: ErrorCase['src']): ErrorCase {
  return { statement, message: message(statement), src };
}

const LEFTOVER = `${NOT_WELL_FORMED}Unexpected token after expression`;
const OVERFLOW = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
const UNDERFLOW = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
const DIGITS = 'Attempting to store more than 38 significant digits in a Number';
const NO_KEY = 'Where clause does not contain a mandatory equality on all key attributes';

const syntax: ErrorCase[] = [
  { statement: 'SLECT * FROM "H"', message: `${NOT_WELL_FORMED}Expected data manipulation`, src: 'captured' },
  { statement: 'UPDATE Payment-x SET active = ? WHERE subscriptionId = ?', parameters: [{ BOOL: false }, { S: 's' }], message: `${NOT_WELL_FORMED}Expected data manipulation`, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1 foo', message: LEFTOVER, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1 e5', message: LEFTOVER, src: 'captured' },
  { statement: "INSERT INTO \"N\" VALUE {'pk': 970001} foo", message: LEFTOVER, src: 'captured' },
  { statement: 'UPDATE "N" SET a = 9 WHERE pk = 970002 foo', message: LEFTOVER, src: 'captured' },
  { statement: 'DELETE FROM "N" WHERE pk = 970003 foo', message: LEFTOVER, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1)', message: LEFTOVER, src: 'captured' },
  { statement: 'DELETE FROM "N" WHERE pk = 970004 ORDER BY pk', message: LEFTOVER, src: 'captured' },
  { statement: 'SELECT * FROM "N" ORDER BY pk WHERE pk = 1', message: LEFTOVER, src: 'captured' },
  { statement: "INSERT INTO \"H\" t VALUE {'pk': 'x'}", message: LEFTOVER, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1e2147483648', message: NOT_WELL_FORMED, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1e99999999999', message: NOT_WELL_FORMED, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1.5e-2147483647', message: NOT_WELL_FORMED, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1 # note', message: NOT_WELL_FORMED, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1 /* note', message: NOT_WELL_FORMED, src: 'captured' },
  { statement: 'SELECT * FROM "H', message: NOT_WELL_FORMED, src: 'captured' },
  { statement: "SELECT * FROM \"H\" WHERE pk = 'oops", message: NOT_WELL_FORMED, src: 'captured' },
  { statement: "SELECT * FROM \"H\" WHERE pk = 'x' AND attribute_exists(m.inner)", message: `${NOT_WELL_FORMED}Invalid path dot component`, src: 'captured' },
  { statement: 'INSERT INTO urls (key, secret_key) VALUES (?, ?)', parameters: [{ S: 'a' }, { S: 'b' }], message: `${NOT_WELL_FORMED}Unexpected keyword`, src: 'captured' },
  { statement: 'SELECT * FROM', message: `${NOT_WELL_FORMED}Unexpected token`, src: 'derived' },
  { statement: 'SELECT * FROM "H" WHERE key = 1', message: `${NOT_WELL_FORMED}Unexpected keyword`, src: 'derived' },
];

const fromClause: ErrorCase[] = [
  { statement: "SELECT * FROM \"H\" t WHERE pk = 'x'", message: 'Aliasing is not supported', src: 'captured' },
  { statement: "SELECT * FROM \"H\" AS t WHERE pk = 'x'", message: 'Aliasing is not supported', src: 'captured' },
  { statement: "UPDATE \"H\" t SET a = 3 WHERE pk = 'x'", message: 'Aliasing is not supported', src: 'captured' },
  { statement: "DELETE FROM \"H\" t WHERE pk = 'x'", message: 'Aliasing is not supported', src: 'captured' },
  { statement: "SELECT * FROM \"H\".\"gsi-all\".\"extra\" WHERE pk = 'p'", message: 'A path may contain at most 2 components in the FROM clause', src: 'captured' },
  { statement: "SELECT * FROM \"H\".\"\" WHERE pk = 'p'", message: 'Path component cannot be an empty string', src: 'captured' },
  { statement: "SELECT * FROM \"\" WHERE pk = 'p'", message: 'Path component cannot be an empty string', src: 'captured' },
  { statement: "UPDATE \"H\".\"gsi-all\" SET projattr='z' WHERE pk='p'", message: 'This operation is not supported on an index', src: 'captured' },
  { statement: "DELETE FROM \"H\".\"gsi-all\" WHERE pk='p'", message: 'This operation is not supported on an index', src: 'captured' },
  // Before the table is looked up: "nosuchtable" does not exist.
  { statement: "UPDATE \"nosuchtable\".\"gsi-all\" SET a='z' WHERE pk='p'", message: 'This operation is not supported on an index', src: 'captured' },
  { statement: "INSERT INTO \"H\".\"gsi-all\" VALUE {'pk':'w'}", message: 'FROM clause may only contain a single table name in data manipulation statements', src: 'captured' },
];

const selectList: ErrorCase[] = [
  positioned("SELECT attribute_exists(ss) FROM \"H\" WHERE pk = 'pq-fn-msg'", (s) => `Unexpected path component at ${at(s, 'attribute_exists')}`, 'captured'),
  { statement: "SELECT *, a FROM \"H\" WHERE pk = 'x'", message: "Other attributes should not be present in the projection when '*' is used.", src: 'catalogue' },
  { statement: 'SELECT VALUE a FROM "H"', message: "Select projection doesn't support value or pivot keywords", src: 'catalogue' },
  { statement: 'SELECT a.x, b.x FROM "H"', message: 'Duplicate identifiers in select clause: x', src: 'derived' },
];

const where: ErrorCase[] = [
  positioned("SELECT * FROM \"H\" WHERE pk = 'pq-fn-msg' AND EXISTS(ss)", (s) => `Unrecognized function: exists at ${at(s, 'EXISTS')}`, 'captured'),
  positioned("SELECT * FROM \"H\" WHERE pk = 'pq-fn-msg' AND set_add(ss, <<'x'>>) = ss", (s) => `Unrecognized function: set_add at ${at(s, 'set_add')}`, 'captured'),
  { statement: "SELECT * FROM \"H\" WHERE pk = 'x' AND attribute_exists('ss')", message: 'Operator or function requires a document path; operator or function: attribute_exists', src: 'captured' },
  { statement: "SELECT * FROM \"H\" WHERE pk = 'x' AND attribute_exists(?)", parameters: [{ S: 'ss' }], message: 'Operator or function requires a document path; operator or function: attribute_exists', src: 'captured' },
  { statement: "SELECT * FROM \"H\" WHERE pk = 'x' AND attribute_exists()", message: 'Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 0', src: 'captured' },
  { statement: "SELECT * FROM \"H\" WHERE pk = 'x' AND attribute_exists(ss, ns)", message: 'Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2', src: 'captured' },
  { statement: "SELECT pk FROM \"H\" WHERE pk = 'x' AND val < ?", parameters: [{ BOOL: true }], message: 'Incorrect operand type for operator or function; operator or function: <, operand type: BOOL', src: 'captured' },
  { statement: 'SELECT pk FROM "H" WHERE pk = ? AND val >= ?', parameters: [{ S: 'x' }, { NULL: true }], message: 'Incorrect operand type for operator or function; operator or function: >=, operand type: NULL', src: 'captured' },
  { statement: 'SELECT pk FROM "H" WHERE pk = ? AND val BETWEEN ? AND ?', parameters: [{ S: 'x' }, { BOOL: true }, { BOOL: false }], message: 'Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL', src: 'captured' },
  { statement: "SELECT * FROM \"H\" WHERE a = MISSING", message: 'MISSING must be compared using IS operator', src: 'catalogue' },
  { statement: "SELECT * FROM \"H\" WHERE a IN 'x'", message: 'IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member', src: 'catalogue' },
  { statement: "SELECT * FROM \"H\" WHERE a IN []", message: 'IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member', src: 'catalogue' },
  { statement: "SELECT * FROM \"H\" WHERE size(a) IS MISSING", message: 'The left hand side argument to IS must be a Variable Reference, Literal, or Path', src: 'catalogue' },
  { statement: 'SELECT * FROM "H" WHERE a IS INT', message: 'Unsupported data type for IS operator: INT. Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]', src: 'catalogue' },
  { statement: 'SELECT * FROM "H" WHERE a', message: 'WHERE clause must contain an expression that resolves to a boolean', src: 'catalogue' },
  { statement: 'SELECT * FROM "H" WHERE a + 1 = 2', message: 'Unsupported operator in Condition Expression. Operator: +', src: 'derived' },
  // Positions count lines from 1 and columns from the line's start (the line part is derived: every capture is one line).
  { statement: "SELECT * FROM \"H\"\nWHERE pk = 'x'\n  AND nope(a)", message: 'Unrecognized function: nope at 3:7:4', src: 'derived' },
  { statement: 'SELECT * FROM "H" WHERE a[*].b = 1', message: 'Wildcard path component like a[*].b are not supported', src: 'catalogue' },
  { statement: "SELECT * FROM \"H\" WHERE pk = 'x' AND a = a", message: 'The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]', src: 'derived' },
];

const keys: ErrorCase[] = [
  { statement: "DELETE FROM \"H\" WHERE \"name\" = 'alpha'", message: NO_KEY, src: 'captured' },
  { statement: 'DELETE FROM "H"', message: NO_KEY, src: 'derived' },
  { statement: "DELETE FROM \"C\" WHERE pk = 'p1'", message: NO_KEY, src: 'captured' },
  { statement: "UPDATE \"H\" SET a = 1 WHERE pk = 'a' OR pk = 'b'", message: NO_KEY, src: 'derived' },
  { statement: "UPDATE \"H\" SET a = 1 WHERE NOT pk = 'a'", message: NO_KEY, src: 'derived' },
  { statement: "DELETE FROM \"H\" WHERE pk = 'a' AND pk = 'b'", message: 'Multiple conditions on same key pk. Only single item Update/Insert/Delete are supported', src: 'catalogue' },
  { statement: 'SELECT pk FROM "H" WHERE pk = ?', parameters: [{ N: '1' }], message: "Key attribute's data type should match its data type in table's schema: Key pk", src: 'captured' },
  { statement: "SELECT * FROM \"H\" WHERE pk = 1 OR pk = 'ranges'", message: "Key attribute's data type should match its data type in table's schema: Key pk", src: 'captured' },
  { statement: "SELECT * FROM \"C\" WHERE pk = 'ranges' AND sk IN [1, '2']", message: "Key attribute's data type should match its data type in table's schema: Key sk", src: 'captured' },
  { statement: "DELETE FROM \"H\" WHERE pk = 1", message: "Key attribute's data type should match its data type in table's schema: Key pk", src: 'catalogue' },
  { statement: 'DELETE FROM "H" WHERE pk = [1]', message: 'Key value must be of type S, N, or B. Key name: pk, Key type: L', src: 'catalogue' },
  { statement: "DELETE FROM \"H\" WHERE pk = ''", message: 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk', src: 'derived' },
  { statement: "INSERT INTO \"C\" VALUE {'pk': 'a'}", message: 'Key attribute should be present in the item: Key sk', src: 'catalogue' },
  { statement: "INSERT INTO \"C\" VALUE {'pk': 'a', 'sk': '1'}", message: "Key attribute's data type should match its data type in table's schema: Key sk", src: 'catalogue' },
  { statement: "UPDATE \"H\" SET pk = 'b' WHERE pk = 'a'", message: 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key', src: 'derived' },
];

const values: ErrorCase[] = [
  { statement: 'SELECT * FROM "N" WHERE pk = 1e126', message: `${OVERFLOW} under root`, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 1e-131', message: `${UNDERFLOW} under root`, src: 'captured' },
  { statement: 'SELECT * FROM "N" WHERE pk = 123456789012345678901234567890123456789', message: `${DIGITS} under root`, src: 'captured' },
  { statement: "INSERT INTO \"N\" VALUE {'pk': 1e126}", message: `${OVERFLOW} under root`, src: 'captured' },
  { statement: 'UPDATE "N" SET a = 1e-131 WHERE pk = 970005', message: `${UNDERFLOW} under root`, src: 'captured' },
  { statement: "INSERT INTO \"N\" VALUE {'pk': 970006, 'm': {'x': 1e126}}", message: `${OVERFLOW} under root.x`, src: 'captured' },
  { statement: "INSERT INTO \"N\" VALUE {'pk': 970007, 'l': [1, 1e126]}", message: `${OVERFLOW} under root[1]`, src: 'captured' },
  positioned("INSERT INTO \"H\" VALUE {'pk': 'pq-fn-msg-insert', 'ss': set_add(<<'a'>>, <<'b'>>)}", (s) => `Unsupported data type: set_add under key root at ${at(s, 'set_add')}`, 'captured'),
  { statement: "INSERT INTO \"H\" VALUE <<{'pk': 'a'}, {'pk': 'b'}>>", message: 'Unsupported operation: Inserting multiple items in a single statement is not supported, use "INSERT INTO tableName VALUE item" instead', src: 'catalogue' },
  { statement: "INSERT INTO \"H\" VALUE ['a']", message: 'Unsupported format in item expression. Please use struct format {...} to express item values for insert statement.', src: 'catalogue' },
  { statement: "INSERT INTO \"H\" VALUE {'pk': 'a'} RETURNING ALL NEW *", message: 'RETURNING is not supported in INSERT', src: 'catalogue' },
  { statement: "INSERT INTO \"H\" VALUE {'pk': 'a', 'pk': 'b'}", message: 'Duplicate keys in tuple. Key: pk under root', src: 'derived' },
  { statement: "INSERT INTO \"H\" VALUE {'pk': 'a', 's': <<'a', 1>>}", message: 'Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags', src: 'catalogue' },
  { statement: "INSERT INTO \"H\" VALUE {'pk': 'a', 's': <<>>}", message: 'Empty bags are not supported', src: 'captured' },
  { statement: "INSERT INTO \"H\" VALUE {'pk': 'a', 's': <<'x', 'x'>>}", message: 'One or more parameter values were invalid: Input collection [x, x] contains duplicates.', src: 'captured' },
];

const parameters: ErrorCase[] = [
  { statement: 'SELECT * FROM "H" WHERE pk = ?', message: "Number of parameters in request and statement don't match.", src: 'captured' },
  { statement: "SELECT * FROM \"H\" WHERE pk = 'a'", parameters: [{ S: 'x' }], message: "Number of parameters in request and statement don't match.", src: 'captured' },
  { statement: "SELECT * FROM \"C\" WHERE pk = 'pq-pn' AND n = ?", parameters: [{ N: '1e99999999999' }], message: 'The parameter cannot be converted to a numeric value: 1e99999999999', src: 'captured' },
  { statement: "UPDATE \"C\" SET n = ? WHERE pk = 'pq-pn' AND sk = 1", parameters: [{ N: '-1e2147483648' }], message: 'The parameter cannot be converted to a numeric value: -1e2147483648', src: 'captured' },
  { statement: 'SELECT * FROM "C" WHERE pk = ?', parameters: [{ N: '' }], message: 'The parameter cannot be converted to a numeric value', src: 'captured' },
  { statement: "SELECT * FROM \"C\" WHERE pk = 'pq-pn' AND n = ?", parameters: [{ L: [{ N: '1' }, { N: '1e99999999999' }] }], message: 'The parameter cannot be converted to a numeric value: 1e99999999999', src: 'captured' },
  { statement: "SELECT * FROM \"C\" WHERE pk = 'pq-pn' AND n = ?", parameters: [{ NS: ['1', '1e99999999999'] }], message: 'The parameter cannot be converted to a numeric value: 1e99999999999', src: 'captured' },
  { statement: "SELECT * FROM \"C\" WHERE pk = 'pq-pn' AND x = ? AND y = ?", parameters: [{ N: 'abc' }, { S: 'ok' }], message: 'The parameter cannot be converted to a numeric value: abc', src: 'captured' },
];

const updates: ErrorCase[] = [
  positioned("UPDATE \"H\" SET t = set_add(ss, <<'x'>>) WHERE pk = 'pq-fn-msg'", (s) => `The first argument to SET_ADD must equal the assignment value at ${at(s, 'set_add')}`, 'captured'),
  positioned("UPDATE \"H\" SET ss = set_add(<<'a'>>, <<'b'>>) WHERE pk = 'pq-fn-msg'", (s) => `The first argument to SET_ADD must equal the assignment value at ${at(s, 'set_add')}`, 'captured'),
  positioned("UPDATE \"H\" SET ss = set_add(ss, 'x') WHERE pk = 'pq-fn-msg'", (s) => `The second argument to SET_ADD must be a value with type SET at ${at(s, 'ss', 2, s.indexOf('set_add('))}`, 'captured'),
  positioned("UPDATE \"H\" SET ss = set_add(ss, ['x']) WHERE pk = 'pq-fn-msg'", (s) => `The second argument to SET_ADD must be a value with type SET at ${at(s, 'ss', 2, s.indexOf('set_add('))}`, 'captured'),
  positioned("UPDATE \"H\" SET ss = set_add(ss) WHERE pk = 'pq-fn-msg'", (s) => `SET_ADD must have exactly two arguments at ${at(s, 'set_add')}`, 'captured'),
  positioned("UPDATE \"H\" SET ss = set_add(ss, <<'x'>>, <<'y'>>) WHERE pk = 'pq-fn-msg'", (s) => `SET_ADD must have exactly two arguments at ${at(s, 'set_add')}`, 'captured'),
  { statement: "UPDATE \"H\" SET ss = set_add(ss, <<'x', 'x'>>) WHERE pk = 'pq-fn-msg'", message: 'One or more parameter values were invalid: Input collection [x, x] contains duplicates.', src: 'captured' },
  { statement: "UPDATE \"H\" SET ss = set_add(ss, <<>>) WHERE pk = 'pq-fn-msg'", message: 'Empty bags are not supported', src: 'captured' },
  { statement: "UPDATE \"H\" SET m.inner = set_add(m.inner, <<'y'>>) WHERE pk = 'pq-fn-msg'", message: `${NOT_WELL_FORMED}Invalid path dot component`, src: 'captured' },
  positioned("UPDATE \"H\" SET t = set_delete(ss, <<'a'>>) WHERE pk = 'pq-fn-msg'", (s) => `The first argument to SET_DELETE must equal the assignment value at ${at(s, 'set_delete')}`, 'captured'),
  positioned("UPDATE \"H\" SET ss = set_delete(ss, 'a') WHERE pk = 'pq-fn-msg'", (s) => `The second argument to SET_DELETE must be a value with type SET at ${at(s, 'ss', 2, s.indexOf('set_delete('))}`, 'captured'),
  positioned("UPDATE \"H\" SET a = if_not_exists(a, 1) WHERE pk = 'x'", (s) => `Unrecognized function: if_not_exists at ${at(s, 'if_not_exists')}`, 'derived'),
  { statement: "UPDATE \"H\" SET a = b IS MISSING WHERE pk = 'x'", message: 'IS operator is not supported in update expressions', src: 'catalogue' },
  { statement: "UPDATE \"H\" SET a = a + 1 + 2 WHERE pk = 'x'", message: 'Unsupported operator in Update Expression. Operator: +', src: 'derived' },
  { statement: "UPDATE \"H\" SET a = 1, a.b = 2 WHERE pk = 'x'", message: 'Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]', src: 'derived' },
  { statement: "UPDATE \"H\" SET a = list_append(a, 'x') WHERE pk = 'x'", message: 'Incorrect operand type for operator or function; operator or function: list_append, operand type: S', src: 'derived' },
  { statement: "UPDATE \"H\" SET a = a + 'x' WHERE pk = 'x'", message: 'Incorrect operand type for operator or function; operator or function: +, operand type: S', src: 'derived' },
];

const returning: ErrorCase[] = [
  { statement: "DELETE FROM \"H\" WHERE pk = 'x' RETURNING MODIFIED OLD *", message: 'Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE statements.', src: 'captured' },
  { statement: "DELETE FROM \"H\" WHERE pk = 'x' RETURNING ALL NEW *", message: 'Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.', src: 'captured' },
  { statement: "DELETE FROM \"H\" WHERE pk = 'x' RETURNING MODIFIED NEW *", message: 'Invalid returning clause: RETURNING MODIFIED NEW *. Only RETURNING ALL OLD * is allowed in DELETE statements.', src: 'captured' },
  { statement: "UPDATE \"H\" SET a = 1 WHERE pk = 'x' RETURNING ALL NEW", message: "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause", src: 'catalogue' },
];

const orderBy: ErrorCase[] = [
  { statement: 'SELECT * FROM "C" ORDER BY sk', message: 'Must have WHERE clause in the statement when using ORDER BY clause.', src: 'catalogue' },
  { statement: "SELECT * FROM \"C\" WHERE pk = 'a' ORDER BY a.b", message: 'Argument to ORDER BY must be of type VariableReference. Type: Path', src: 'derived' },
];

const exists: ErrorCase[] = [
  { statement: "EXISTS(SELECT * FROM \"H\" WHERE pk = 'pq-fn-msg')", message: 'EXISTS() must contain a single item read with additional condition', src: 'captured' },
  { statement: "EXISTS(SELECT * FROM \"H\" WHERE a = 'x')", message: 'EXISTS() must contain a single item read with additional condition', src: 'catalogue' },
  { statement: "EXISTS(SELECT * FROM \"H\".\"i\" WHERE pk = 'x' AND a = 1)", message: 'Operations on indices are not supported in transactions', src: 'catalogue' },
];

const groups: Record<string, ErrorCase[]> = { syntax, fromClause, selectList, where, keys, values, parameters, updates, returning, orderBy, exists };

for (const [group, cases] of Object.entries(groups)) {
  describe(`PartiQL errors: ${group}`, () => {
    for (const c of cases) {
      it(`[${c.src}] ${c.statement}`, () => {
        // As a handler runs it: a SELECT's key checks need the schema, so planSelect is part of the run.
        expectValidation(() => {
          const plan = compile(c.statement, c.parameters);
          if (plan.kind === 'select') planSelect(plan, lookup(plan.table));
        }, c.message);
      });
    }
  });
}
