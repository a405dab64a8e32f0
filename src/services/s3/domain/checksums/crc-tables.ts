/**
 * Slice-by-8 lookup tables for the reflected (least significant bit first) CRCs S3 uses:
 * CRC-32 (0xEDB88320), CRC-32C (0x82F63B78) and CRC-64/NVME (0x9A6C9329AC4BC9B5), each with an
 * all-ones initial value and final XOR. Table k holds the CRC register contribution of a byte
 * followed by k zero bytes, so eight table look-ups advance the register by eight bytes at once.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html
 */

export const CRC32_POLYNOMIAL = 0xedb88320;
export const CRC32C_POLYNOMIAL = 0x82f63b78;
export const CRC64NVME_POLYNOMIAL = 0x9a6c9329ac4bc9b5n;

/** Eight 256-entry tables, one after the other, for a reflected 32-bit CRC. */
export function crc32Tables(polynomial: number): Uint32Array {
  const t = new Uint32Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? (c >>> 1) ^ polynomial : c >>> 1;
    t[i] = c >>> 0;
  }
  for (let k = 1; k < 8; k++) {
    for (let i = 0; i < 256; i++) {
      const previous = t[(k - 1) * 256 + i]!;
      t[k * 256 + i] = (previous >>> 8) ^ t[previous & 0xff]!;
    }
  }
  return t;
}

/** Eight 256-entry tables, one after the other, for a reflected 64-bit CRC. */
export function crc64Tables(polynomial: bigint): BigUint64Array {
  const t = new BigUint64Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let c = BigInt(i);
    for (let bit = 0; bit < 8; bit++) c = c & 1n ? (c >> 1n) ^ polynomial : c >> 1n;
    t[i] = c;
  }
  for (let k = 1; k < 8; k++) {
    for (let i = 0; i < 256; i++) {
      const previous = t[(k - 1) * 256 + i]!;
      t[k * 256 + i] = (previous >> 8n) ^ t[Number(previous & 0xffn)]!;
    }
  }
  return t;
}
