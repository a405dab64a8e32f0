/**
 * The request dates SigV4 reads: `X-Amz-Date` in ISO 8601 basic format (`20150830T123600Z`), or an
 * HTTP `Date` header (`Sun, 30 Aug 2015 12:36:00 GMT`) when X-Amz-Date is absent. Parsed by hand:
 * this runs on every request and `Date.parse` accepts far more than AWS does.
 */

function digits(s: string, start: number, count: number): number {
  let v = 0;
  for (let i = start; i < start + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Epoch ms of a UTC date-time, or undefined for an impossible one (20150231, 25:00 …). */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number): number | undefined {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** `YYYYMMDDTHHMMSSZ` → epoch ms, or undefined. */
export function parseAmzDate(s: string): number | undefined {
  if (s.length !== 16 || s.charCodeAt(8) !== 84 /* T */ || s.charCodeAt(15) !== 90 /* Z */) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 4, 2);
  const day = digits(s, 6, 2);
  return utc(year, month, day, digits(s, 9, 2), digits(s, 11, 2), digits(s, 13, 2));
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 7231 IMF-fixdate (`Sun, 30 Aug 2015 12:36:00 GMT`) → epoch ms, or undefined. */
export function parseHttpDate(s: string): number | undefined {
  const m = /^[A-Z][a-z]{2}, (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/.exec(s);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!) + 1;
  return utc(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Epoch ms → `YYYYMMDDTHHMMSSZ`. */
export function formatAmzDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`;
}
