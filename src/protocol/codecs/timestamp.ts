/**
 * The three timestamp forms on AWS wires: ISO 8601 (`date-time`), RFC 7231 HTTP-date
 * (`http-date`, `rfc822` in the models) and epoch seconds (`unixTimestamp`).
 */
import { MalformedRequestError } from './malformed.js';

export type TimestampFormat = 'iso8601' | 'rfc822' | 'unixTimestamp';

export function formatTimestamp(d: Date, format: TimestampFormat): string | number {
  switch (format) {
    case 'unixTimestamp':
      return d.getTime() / 1000;
    case 'rfc822':
      return d.toUTCString();
    default:
      return formatIso8601(d);
  }
}

/** `2014-04-29T18:30:38Z`, with milliseconds only when there are some (as AWS writes them). */
export function formatIso8601(d: Date): string {
  const s = d.toISOString();
  return s.endsWith('.000Z') ? s.slice(0, -5) + 'Z' : s;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:\.(\d+))?Z$/;

/** Parses any timestamp form a client may send; `undefined` when it is none of them. */
export function parseTimestamp(value: string | number): Date | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(Math.round(value * 1000)) : undefined;
  const v = value.trim();
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(v)) return new Date(Math.round(Number(v) * 1000));
  const m = ISO.exec(v) ?? ISO_BASIC.exec(v);
  if (m) {
    const ms = m[7] ? Number((m[7] + '00').slice(0, 3)) : 0;
    let t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, ms);
    if (m[9]) t -= (m[9] === '+' ? 1 : -1) * ((+m[10]! * 60 + +m[11]!) * 60000);
    return Number.isNaN(t) ? undefined : new Date(t);
  }
  // HTTP-date (RFC 7231 IMF-fixdate, RFC 850, asctime); Date.parse reads all three.
  if (/[A-Za-z]{3}/.test(v)) {
    const t = Date.parse(v.endsWith('GMT') || v.endsWith('UTC') || /[+-]\d{4}$/.test(v) ? v : v + ' GMT');
    if (!Number.isNaN(t)) return new Date(t);
  }
  return undefined;
}

export function parseTimestampOrThrow(value: string | number, where: string): Date {
  const d = parseTimestamp(value);
  if (!d) throw new MalformedRequestError(`Invalid timestamp value ${JSON.stringify(value)} for ${where}`);
  return d;
}
