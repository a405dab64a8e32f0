/**
 * Just enough of the WebAssembly binary format to write the CRC kernels in crc-wasm.ts as named
 * instructions: LEB128 numbers, vectors, sections, and the opcodes those kernels use.
 * https://webassembly.github.io/spec/core/binary/index.html
 *
 * Why WebAssembly: CRC-32C and CRC-64/NVME have no native implementation in Node.js, and table
 * driven JavaScript reaches about half of MD5's speed (every upload is hashed with MD5 for its
 * ETag, so a JavaScript CRC beside it would halve upload throughput). The same tables in a
 * WebAssembly loop with native 64-bit integers run about twice as fast, with no native addon.
 */

export type Bytes = readonly number[];

export function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

export function signedLeb(value: number | bigint): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  for (;;) {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

export function vector(items: readonly Bytes[]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

export function section(id: number, content: Bytes): number[] {
  return [id, ...unsignedLeb(content.length), ...content];
}

export function name(text: string): number[] {
  return vector([...Buffer.from(text, 'utf8')].map((b) => [b]));
}

export const SECTION = { type: 1, function: 3, memory: 5, export: 7, code: 10 } as const;
export const EXPORT_KIND = { function: 0x00, memory: 0x02 } as const;
export const I32 = 0x7f;
export const I64 = 0x7e;
export const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export function functionType(params: readonly number[], results: readonly number[]): number[] {
  return [0x60, ...vector(params.map((p) => [p])), ...vector(results.map((r) => [r]))];
}

/** A function body: local declarations (count, type) then the instructions and `end`. */
export function functionBody(locals: readonly (readonly [count: number, type: number])[], instructions: Bytes): number[] {
  const body = [...vector(locals.map(([count, type]) => [...unsignedLeb(count), type])), ...instructions, 0x0b];
  return [...unsignedLeb(body.length), ...body];
}

/** Memory access immediates: log2 of the alignment, then a constant offset added to the address. */
const memarg = (alignLog2: number, offset: number) => [alignLog2, ...unsignedLeb(offset)];

export const op = {
  localGet: (i: number) => [0x20, ...unsignedLeb(i)],
  localSet: (i: number) => [0x21, ...unsignedLeb(i)],
  localTee: (i: number) => [0x22, ...unsignedLeb(i)],
  i32Const: (n: number) => [0x41, ...signedLeb(n)],
  i64Const: (n: number | bigint) => [0x42, ...signedLeb(n)],
  i32Load: (offset: number) => [0x28, ...memarg(2, offset)],
  i64Load: (offset: number) => [0x29, ...memarg(3, offset)],
  i32Load8u: (offset: number) => [0x2d, ...memarg(0, offset)],
  i64Load8u: (offset: number) => [0x31, ...memarg(0, offset)],
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32And: [0x71],
  i32Xor: [0x73],
  i32Shl: [0x74],
  i32ShrU: [0x76],
  i64Xor: [0x85],
  i64ShrU: [0x88],
  i32WrapI64: [0xa7],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...unsignedLeb(depth)],
  brIf: (depth: number) => [0x0d, ...unsignedLeb(depth)],
} as const;
