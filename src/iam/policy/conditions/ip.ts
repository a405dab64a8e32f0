/**
 * IpAddress / NotIpAddress: IPv4 and IPv6 CIDR blocks (RFC 4632, RFC 4291). A policy value
 * without a prefix length is a single address. An IPv4-mapped IPv6 address (`::ffff:203.0.113.7`)
 * matches IPv4 blocks.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
 */

/** An address as eight 16-bit groups (IPv4 addresses are mapped into ::ffff:0:0/96). */
type Groups = readonly number[];

export interface Cidr {
  readonly groups: Groups;
  /** Prefix length in bits of the 128-bit form. */
  readonly bits: number;
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const addr = slash < 0 ? text : text.slice(0, slash);
  const v4 = parseV4(addr);
  const groups = v4 ?? parseV6(addr);
  if (!groups) return undefined;
  const max = v4 ? 32 : 128;
  let bits = max;
  if (slash >= 0) {
    const len = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(len)) return undefined;
    bits = Number(len);
    if (bits > max) return undefined;
  }
  return { groups, bits: v4 ? bits + 96 : bits };
}

export function parseAddress(text: string): Groups | undefined {
  return parseV4(text) ?? parseV6(text);
}

export function cidrContains(cidr: Cidr, addr: Groups): boolean {
  let remaining = cidr.bits;
  for (let g = 0; g < 8 && remaining > 0; g++) {
    const take = remaining >= 16 ? 16 : remaining;
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((cidr.groups[g] ?? 0) & mask) !== ((addr[g] ?? 0) & mask)) return false;
    remaining -= take;
  }
  return true;
}

function parseV4(text: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  const b = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (b.some((x) => x > 255)) return undefined;
  return [0, 0, 0, 0, 0, 0xffff, ((b[0] ?? 0) << 8) | (b[1] ?? 0), ((b[2] ?? 0) << 8) | (b[3] ?? 0)];
}

function parseV6(text: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** Colon-separated hex groups; a trailing dotted quad counts as two groups. */
function groupsOf(part: string): number[] | undefined {
  if (part === '') return [];
  const out: number[] = [];
  const pieces = part.split(':');
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] ?? '';
    if (i === pieces.length - 1 && p.includes('.')) {
      const v4 = parseV4(p);
      if (!v4) return undefined;
      out.push(v4[6] ?? 0, v4[7] ?? 0);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
    out.push(parseInt(p, 16));
  }
  return out;
}
