/**
 * Date condition values: W3C/ISO 8601 date-times (`2026-01-01T00:00:00Z`, an offset, fractional
 * seconds) or epoch seconds (`1767225600`), as aws:CurrentTime and aws:EpochTime carry them.
 * IAM rejects a date it cannot read with "The policy failed legacy parsing".
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const EPOCH = /^-?\d{1,19}$/;
/** Java's long range, which IAM's parser enforces on epoch values. */
const LONG_MAX = 9223372036854775807n;

/** Milliseconds since the epoch, or undefined for a value that is not a date. */
export function parseDate(text: string): number | undefined {
  if (EPOCH.test(text)) {
    const big = BigInt(text);
    if (big > LONG_MAX || big < -LONG_MAX - 1n) return undefined;
    return Number(text) * 1000;
  }
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  let t = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (m[9] !== undefined) {
    const offset = Number(m[10]) * 60 + (m[11] === undefined ? 0 : Number(m[11]));
    t -= (m[9] === '-' ? -1 : 1) * offset * 60_000;
  }
  return t;
}
