/**
 * The CRC of A followed by B from CRC(A), CRC(B) and B's length, without the bytes: how S3 builds
 * a FULL_OBJECT checksum of a multipart upload from its parts' CRCs.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity-upload.html
 *
 * For a CRC with an all-ones initial value and final XOR, CRC(A‖B) = CRC(A)·x^(8·|B|) ⊕ CRC(B),
 * the product taken modulo the CRC's polynomial over GF(2) (the initial value and final XOR
 * cancel out). Polynomials are kept in the CRC's reflected form: bit width−1 is x^0. BigInt keeps
 * one implementation for both widths; it runs once per part, and x^(8·n) is cached by length
 * (a multipart upload's parts mostly share one size).
 */

export interface CrcSpec {
  readonly width: 32 | 64;
  /** The reflected polynomial. */
  readonly polynomial: bigint;
}

/** a·b mod P, both in reflected form. */
function multiplyModulo(spec: CrcSpec, a: bigint, b: bigint): bigint {
  let product = 0n;
  for (let bit = 1n << BigInt(spec.width - 1); bit !== 0n && a !== 0n; bit >>= 1n) {
    if (a & bit) {
      product ^= b;
      a ^= bit;
    }
    b = b & 1n ? (b >> 1n) ^ spec.polynomial : b >> 1n; // b·x
  }
  return product;
}

const powersByWidthAndPolynomial = new Map<string, Map<number, bigint>>();
const MAX_CACHED_LENGTHS = 256;

/** x^(8·byteCount) mod P. */
function shiftFor(spec: CrcSpec, byteCount: number): bigint {
  const key = `${spec.width}:${spec.polynomial}`;
  let cache = powersByWidthAndPolynomial.get(key);
  if (!cache) powersByWidthAndPolynomial.set(key, (cache = new Map()));
  const cached = cache.get(byteCount);
  if (cached !== undefined) return cached;
  let result = 1n << BigInt(spec.width - 1); // x^0
  let power = 1n << BigInt(spec.width - 9); // x^8: one byte
  for (let n = byteCount; n > 0; n = Math.floor(n / 2)) {
    if (n % 2 === 1) result = multiplyModulo(spec, result, power);
    power = multiplyModulo(spec, power, power);
  }
  if (cache.size >= MAX_CACHED_LENGTHS) cache.clear();
  cache.set(byteCount, result);
  return result;
}

/** CRC(A‖B) from CRC(A), CRC(B) and |B| in bytes. */
export function combineCrc(spec: CrcSpec, crcA: bigint, crcB: bigint, lengthB: number): bigint {
  if (lengthB === 0) return crcA;
  return multiplyModulo(spec, shiftFor(spec, lengthB), crcA) ^ crcB;
}
