/**
 * The CRC of A followed by B from CRC(A), CRC(B) and B's length, without the bytes: how S3 builds
 * a FULL_OBJECT checksum of a multipart upload from its parts' CRCs.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html
 *
 * For a CRC with an all-ones initial value and final XOR, CRC(A‖B) = CRC(A)·x^(8·|B|) ⊕ CRC(B),
 * the product taken modulo the CRC's polynomial over GF(2) (the initial value and final XOR
 * cancel out). Polynomials are kept in the CRC's reflected form (bit width−1 is x^0), as two
 * 32-bit halves so the arithmetic stays in plain integers. x^(8·n) is the product of the powers
 * x^(2^k) for the bits of 8·n, from a table, and cached by n (a multipart upload's parts mostly
 * share one size): a part costs one or two products, 10,000 parts a few milliseconds.
 */

export interface CrcSpec {
  readonly width: 32 | 64;
  /** The reflected polynomial. */
  readonly polynomial: bigint;
}

/** A polynomial of up to 64 coefficients: [bits 63..32, bits 31..0] (32-bit CRCs: high is 0). */
type Word = readonly [high: number, low: number];

interface Field {
  readonly width: number;
  readonly polynomial: Word;
  /** x^(2^k) mod P, k = 0, 1, …: grown as needed. */
  readonly powersOfTwo: Word[];
  /** x^(8·n) mod P by n. */
  readonly shifts: Map<number, Word>;
}

const MAX_CACHED_SHIFTS = 256;
const fields = new Map<string, Field>();

function toWord(value: bigint): Word {
  return [Number((value >> 32n) & 0xffffffffn), Number(value & 0xffffffffn)];
}

function toBigInt([high, low]: Word): bigint {
  return (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);
}

function fieldOf(spec: CrcSpec): Field {
  const key = `${spec.width}:${spec.polynomial}`;
  let field = fields.get(key);
  if (!field) {
    const one = toWord(1n << BigInt(spec.width - 2)); // x^1
    field = { width: spec.width, polynomial: toWord(spec.polynomial), powersOfTwo: [one], shifts: new Map() };
    fields.set(key, field);
  }
  return field;
}

/** a·b mod P. */
function multiply(field: Field, a: Word, b: Word): Word {
  const [polyHigh, polyLow] = field.polynomial;
  let [bHigh, bLow] = b;
  let high = 0;
  let low = 0;
  for (let i = 0; i < field.width; i++) {
    // Coefficient of x^i in a: bit width−1−i.
    const position = field.width - 1 - i;
    const bit = position >= 32 ? (a[0] >>> (position - 32)) & 1 : (a[1] >>> position) & 1;
    if (bit) {
      high ^= bHigh;
      low ^= bLow;
    }
    // b·x: one position towards bit 0, reduced by P when x^(width−1) overflows.
    const overflow = bLow & 1;
    bLow = (bLow >>> 1) | ((bHigh & 1) << 31);
    bHigh >>>= 1;
    if (overflow) {
      bHigh ^= polyHigh;
      bLow ^= polyLow;
    }
  }
  return [high >>> 0, low >>> 0];
}

function powerOfTwo(field: Field, k: number): Word {
  const powers = field.powersOfTwo;
  while (powers.length <= k) {
    const last = powers[powers.length - 1]!;
    powers.push(multiply(field, last, last));
  }
  return powers[k]!;
}

/** x^(8·byteCount) mod P. */
function shiftFor(field: Field, byteCount: number): Word {
  const cached = field.shifts.get(byteCount);
  if (cached) return cached;
  let result = toWord(1n << BigInt(field.width - 1)); // x^0
  // 8·n = n·2^3: bit k of n is x^(2^(k+3)).
  for (let n = byteCount, k = 3; n > 0; n = Math.floor(n / 2), k++) {
    if (n % 2 === 1) result = multiply(field, result, powerOfTwo(field, k));
  }
  if (field.shifts.size >= MAX_CACHED_SHIFTS) field.shifts.clear();
  field.shifts.set(byteCount, result);
  return result;
}

/** CRC(A‖B) from CRC(A), CRC(B) and |B| in bytes. */
export function combineCrc(spec: CrcSpec, crcA: bigint, crcB: bigint, lengthB: number): bigint {
  if (lengthB === 0) return crcA;
  const field = fieldOf(spec);
  return toBigInt(multiply(field, shiftFor(field, lengthB), toWord(crcA))) ^ crcB;
}
