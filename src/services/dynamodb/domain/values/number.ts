/**
 * DynamoDB numbers: validation, the canonical form GetItem returns, exact decimal arithmetic and
 * numeric comparison. No floating point anywhere: a number is its significant digits plus the power
 * of ten of the first one.
 *
 * What DynamoDB accepts (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html#HowItWorks.DataTypes.Number):
 * an optional sign (`+5` is accepted and stored as `5`), digits with an optional point (`.123`,
 * `0001.23`), an optional exponent (`1e+5`, `-17.4E37`). No spaces, no `NaN`, no `Infinity`.
 * Zero may carry any exponent (`0e1000` is accepted). At most 38 significant digits; magnitude
 * from 1E-130 to 9.9999999999999999999999999999999999999E+125. (Observed against DynamoDB by
 * ScyllaDB's test/alternator/test_number.py and dynoxide issue 109.) A trailing point (`5.`) is
 * accepted here as Java's BigDecimal accepts it; no observation of DynamoDB covers it.
 *
 * The canonical form is plain notation without leading or trailing zeros and without a `+` or a
 * negative zero: `1.50` → `1.5`, `-0` → `0`, `1e2` → `100`, `1E-3` → `0.001`, `1E+125` → `1`
 * followed by 125 zeros (DynamoDB never answers in exponent notation).
 *
 * Messages (verified: dynalite's tests recorded against DynamoDB, ScyllaDB Alternator's tests run
 * against DynamoDB, and user reports): see the constants below. When a number is both too long and
 * out of range, the range message wins (as in dynalite; best knowledge).
 */
import { validationError } from '../errors.js';

export const MAX_SIGNIFICANT_DIGITS = 38;
/** Power of ten of the first significant digit: 9.99…E+125 is the largest, 1E-130 the smallest. */
export const MAX_LEAD_EXPONENT = 125;
export const MIN_LEAD_EXPONENT = -130;

export const NUMBER_OVERFLOW = 'Number overflow. Attempting to store a number with magnitude larger than supported range';
export const NUMBER_UNDERFLOW = 'Number underflow. Attempting to store a number with magnitude smaller than supported range';
export const TOO_MANY_DIGITS = 'Attempting to store more than 38 significant digits in a Number';
const NOT_A_NUMBER = 'The parameter cannot be converted to a numeric value';

/**
 * A parsed number: `digits` are the significant digits (no leading or trailing zeros; empty for
 * zero) and `lead` is the power of ten of the first of them, so 1.5 is `{ digits: '15', lead: 0 }`
 * and 0.001 is `{ digits: '1', lead: -3 }`.
 */
export interface Decimal {
  negative: boolean;
  digits: string;
  lead: number;
}

/**
 * Numbers already in canonical form with at most 38 digits (so certainly in range) skip the
 * parser: 0, integers without leading zeros, decimals without trailing zeros.
 */
const CANONICAL_SHORT = /^(?:0|-?(?:[1-9]\d*(?:\.\d*[1-9])?|0\.\d*[1-9]))$/;
const SMALL_INTEGER = /^-?\d{1,15}$/;

/** Parses and range-checks a number; throws DynamoDB's ValidationException messages. */
export function parseNumber(text: string): Decimal {
  const d = parseSyntax(text);
  checkRange(d, false);
  return d;
}

/** Validates a DynamoDB number and returns the form DynamoDB stores and returns. */
export function normalizeNumber(text: string): string {
  if (text.length <= 38 && CANONICAL_SHORT.test(text)) return text;
  return formatDecimal(parseNumber(text));
}

/** `a + b`, exactly. Inputs are valid numbers; the result is normalized and range-checked. */
export function addNumbers(a: string, b: string): string {
  if (SMALL_INTEGER.test(a) && SMALL_INTEGER.test(b)) return String(Number(a) + Number(b));
  return arithmetic(parseNumber(a), parseNumber(b), false);
}

/** `a - b`, exactly. Inputs are valid numbers; the result is normalized and range-checked. */
export function subtractNumbers(a: string, b: string): string {
  if (SMALL_INTEGER.test(a) && SMALL_INTEGER.test(b)) return String(Number(a) - Number(b));
  return arithmetic(parseNumber(a), parseNumber(b), true);
}

/** Numeric order of two valid numbers: negative, zero or positive like a comparator. */
export function compareNumbers(a: string, b: string): number {
  if (a === b) return 0;
  return compareDecimals(parseNumber(a), parseNumber(b));
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const sa = signOf(a);
  const sb = signOf(b);
  if (sa !== sb) return sa - sb;
  if (sa === 0) return 0;
  let magnitude: number;
  if (a.lead !== b.lead) magnitude = a.lead - b.lead;
  else if (a.digits === b.digits) return 0;
  else magnitude = a.digits < b.digits ? -1 : 1; // equal lead: the digit strings order like the values
  return sa * magnitude;
}

/** Plain notation, as DynamoDB returns numbers. */
export function formatDecimal(d: Decimal): string {
  const { digits, lead } = d;
  if (digits === '') return '0';
  const n = digits.length;
  let body: string;
  if (lead >= n - 1) body = lead === n - 1 ? digits : digits + '0'.repeat(lead - n + 1);
  else if (lead >= 0) body = `${digits.slice(0, lead + 1)}.${digits.slice(lead + 1)}`;
  else body = `0.${'0'.repeat(-lead - 1)}${digits}`;
  return d.negative ? `-${body}` : body;
}

function signOf(d: Decimal): number {
  if (d.digits === '') return 0;
  return d.negative ? -1 : 1;
}

/**
 * Scans sign, integer digits, fraction digits and exponent by hand (this runs for every number of
 * every item written, so no regular expression and no intermediate strings besides the digits).
 */
function parseSyntax(text: string): Decimal {
  // DynamoDB leaves out the ": value" part when the value is empty.
  if (text === '') throw validationError(NOT_A_NUMBER);
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  const negative = c === 45; // '-'
  if (negative || c === 43) i++; // '+'
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const intEnd = i;
  let fracStart = i;
  let fracEnd = i;
  if (i < n && text.charCodeAt(i) === 46) {
    fracStart = ++i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    fracEnd = i;
  }
  if (intEnd === intStart && fracEnd === fracStart) throw notANumber(text);
  let exponent = 0;
  if (i < n && ((c = text.charCodeAt(i)) === 101 || c === 69)) {
    const expStart = ++i;
    if (i < n && ((c = text.charCodeAt(i)) === 43 || c === 45)) i++;
    const digitsStart = i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === digitsStart) throw notANumber(text);
    // A huge exponent string becomes ±Infinity here, which the range check then reports.
    exponent = Number(text.slice(expStart, i));
  }
  if (i !== n) throw notANumber(text);

  // The significant digits run from the first non-zero digit to the last, across the point.
  let first = intStart;
  while (first < intEnd && text.charCodeAt(first) === 48) first++;
  if (first === intEnd) {
    first = fracStart;
    while (first < fracEnd && text.charCodeAt(first) === 48) first++;
    if (first === fracEnd) return { negative: false, digits: '', lead: 0 };
  }
  let last = fracEnd - 1;
  while (last >= fracStart && text.charCodeAt(last) === 48) last--;
  if (last < fracStart) {
    last = intEnd - 1;
    while (text.charCodeAt(last) === 48) last--;
  }
  const digits =
    first >= fracStart || last < intEnd ? text.slice(first, last + 1) : text.slice(first, intEnd) + text.slice(fracStart, last + 1);
  const lead = first < intEnd ? intEnd - 1 - first + exponent : fracStart - 1 - first + exponent;
  return { negative, digits, lead };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function notANumber(text: string): Error {
  return validationError(`${NOT_A_NUMBER}: ${text}`);
}

/** Range first, then precision. Arithmetic results report too many digits as an overflow, as DynamoDB does. */
function checkRange(d: Decimal, arithmeticResult: boolean): void {
  if (d.digits === '') return;
  if (d.lead > MAX_LEAD_EXPONENT) throw validationError(NUMBER_OVERFLOW);
  if (d.lead < MIN_LEAD_EXPONENT) throw validationError(NUMBER_UNDERFLOW);
  if (d.digits.length > MAX_SIGNIFICANT_DIGITS) throw validationError(arithmeticResult ? NUMBER_OVERFLOW : TOO_MANY_DIGITS);
}

/**
 * Exact sum or difference through BigInt: value = coefficient × 10^(exponent of the last digit).
 * Both operands are in range, so aligning them needs at most ~300 digits.
 *
 * A result that needs more than 38 digits is refused, not rounded: DynamoDB answers
 * `SET b = :a + :b` with 1e50 and 1 with "Number overflow. …" (observed by ScyllaDB's Alternator
 * tests against DynamoDB: test/alternator/test_number.py, test_update_expression_plus_imprecise).
 */
function arithmetic(a: Decimal, b: Decimal, subtract: boolean): string {
  const qa = a.lead - a.digits.length + 1;
  const qb = b.lead - b.digits.length + 1;
  const q = Math.min(qa, qb);
  const ca = coefficient(a) * 10n ** BigInt(qa - q);
  let cb = coefficient(b) * 10n ** BigInt(qb - q);
  if (subtract) cb = -cb;
  const sum = ca + cb;
  if (sum === 0n) return '0';
  const negative = sum < 0n;
  const text = (negative ? -sum : sum).toString();
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  const digits = text.slice(0, end);
  const result: Decimal = { negative, digits, lead: q + text.length - 1 };
  checkRange(result, true);
  return formatDecimal(result);
}

function coefficient(d: Decimal): bigint {
  if (d.digits === '') return 0n;
  const c = BigInt(d.digits);
  return d.negative ? -c : c;
}
