/**
 * CRC-32, CRC-32C and CRC-64/NVME as slice-by-8 loops in a small WebAssembly module built here
 * (see wasm-encoding.ts for why). Each call copies the input into the module's memory in pieces
 * of up to 64 KiB (a memcpy, far cheaper than the CRC itself) and runs the loop over it.
 *
 * Memory layout: the CRC-64/NVME tables (8 × 256 × 8 bytes) at 0, CRC-32C's (8 × 256 × 4) at
 * 16 KiB, CRC-32's at 24 KiB, the input window at 64 KiB.
 */
import { CRC32C_POLYNOMIAL, CRC32_POLYNOMIAL, CRC64NVME_POLYNOMIAL, crc32Tables, crc64Tables } from './crc-tables.js';
import {
  EXPORT_KIND,
  I32,
  I64,
  MAGIC_AND_VERSION,
  SECTION,
  functionBody,
  functionType,
  name,
  op,
  section,
  vector,
  type Bytes,
} from './wasm-encoding.js';

const CRC64NVME_TABLES = 0;
const CRC32C_TABLES = 16 * 1024;
const CRC32_TABLES = 24 * 1024;
const WINDOW = 64 * 1024;
const WINDOW_SIZE = 64 * 1024;
const PAGES = 2;

// Parameters and locals of both kernels: (register, pointer, length) and then the loop's locals.
const REGISTER = 0;
const POINTER = 1;
const LENGTH = 2;
const END = 3;

/** Advances `pointer` by `step` and loops back while it is below END. */
function loopOver(step: number, body: Bytes): number[] {
  return [
    ...op.block,
    ...op.loop,
    ...op.localGet(POINTER), ...op.localGet(END), ...op.i32GeU, ...op.brIf(1),
    ...body,
    ...op.localGet(POINTER), ...op.i32Const(step), ...op.i32Add, ...op.localSet(POINTER),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
}

/** END = POINTER + (LENGTH & mask): the bytes the eight-byte loop takes, then the rest. */
function setEnd(mask: number): number[] {
  return [...op.localGet(POINTER), ...op.localGet(LENGTH), ...op.i32Const(mask), ...op.i32And, ...op.i32Add, ...op.localSet(END)];
}

/**
 * (register: i64, pointer: i32, length: i32) → i64. Loads eight bytes, XORs the register in, and
 * looks each byte up in its table: the first (oldest) byte in table 7, the last in table 0.
 */
function crc64Kernel(tables: number): number[] {
  const X = 4; // the eight bytes XOR the register, as i64
  const LOW = 5; // its low and high halves, as i32
  const HIGH = 6;
  // Byte j of a half, times 8 (an index into a table of i64), from table k.
  const lookUp = (half: number, j: number, k: number) => [
    ...op.localGet(half),
    ...(j === 0 ? [...op.i32Const(3), ...op.i32Shl] : [...op.i32Const(8 * j - 3), ...op.i32ShrU]),
    ...op.i32Const(0x7f8), ...op.i32And,
    ...op.i64Load(tables + k * 2048),
  ];
  const eightBytes = [
    ...op.localGet(REGISTER), ...op.localGet(POINTER), ...op.i64Load(0), ...op.i64Xor, ...op.localTee(X),
    ...op.i32WrapI64, ...op.localSet(LOW),
    ...op.localGet(X), ...op.i64Const(32), ...op.i64ShrU, ...op.i32WrapI64, ...op.localSet(HIGH),
    ...lookUp(LOW, 0, 7),
    ...lookUp(LOW, 1, 6), ...op.i64Xor,
    ...lookUp(LOW, 2, 5), ...op.i64Xor,
    ...lookUp(LOW, 3, 4), ...op.i64Xor,
    ...lookUp(HIGH, 0, 3), ...op.i64Xor,
    ...lookUp(HIGH, 1, 2), ...op.i64Xor,
    ...lookUp(HIGH, 2, 1), ...op.i64Xor,
    ...lookUp(HIGH, 3, 0), ...op.i64Xor,
    ...op.localSet(REGISTER),
  ];
  const oneByte = [
    // register = table0[(register ^ byte) & 0xff] ^ (register >> 8)
    ...op.localGet(REGISTER), ...op.localGet(POINTER), ...op.i64Load8u(0), ...op.i64Xor, ...op.i32WrapI64,
    ...op.i32Const(0xff), ...op.i32And, ...op.i32Const(3), ...op.i32Shl, ...op.i64Load(tables),
    ...op.localGet(REGISTER), ...op.i64Const(8), ...op.i64ShrU, ...op.i64Xor,
    ...op.localSet(REGISTER),
  ];
  const instructions = [...setEnd(-8), ...loopOver(8, eightBytes), ...setEnd(7), ...loopOver(1, oneByte), ...op.localGet(REGISTER)];
  return functionBody([[1, I32], [1, I64], [2, I32]], instructions);
}

/** (register: i32, pointer: i32, length: i32) → i32, the same loop for a 32-bit CRC. */
function crc32Kernel(tables: number): number[] {
  const FIRST = 4; // bytes 0-3 XOR the register
  const SECOND = 5; // bytes 4-7
  const lookUp = (word: number, j: number, k: number) => [
    ...op.localGet(word),
    ...(j === 0 ? [...op.i32Const(2), ...op.i32Shl] : [...op.i32Const(8 * j - 2), ...op.i32ShrU]),
    ...op.i32Const(0x3fc), ...op.i32And,
    ...op.i32Load(tables + k * 1024),
  ];
  const eightBytes = [
    ...op.localGet(REGISTER), ...op.localGet(POINTER), ...op.i32Load(0), ...op.i32Xor, ...op.localSet(FIRST),
    ...op.localGet(POINTER), ...op.i32Load(4), ...op.localSet(SECOND),
    ...lookUp(FIRST, 0, 7),
    ...lookUp(FIRST, 1, 6), ...op.i32Xor,
    ...lookUp(FIRST, 2, 5), ...op.i32Xor,
    ...lookUp(FIRST, 3, 4), ...op.i32Xor,
    ...lookUp(SECOND, 0, 3), ...op.i32Xor,
    ...lookUp(SECOND, 1, 2), ...op.i32Xor,
    ...lookUp(SECOND, 2, 1), ...op.i32Xor,
    ...lookUp(SECOND, 3, 0), ...op.i32Xor,
    ...op.localSet(REGISTER),
  ];
  const oneByte = [
    ...op.localGet(REGISTER), ...op.localGet(POINTER), ...op.i32Load8u(0), ...op.i32Xor,
    ...op.i32Const(0xff), ...op.i32And, ...op.i32Const(2), ...op.i32Shl, ...op.i32Load(tables),
    ...op.localGet(REGISTER), ...op.i32Const(8), ...op.i32ShrU, ...op.i32Xor,
    ...op.localSet(REGISTER),
  ];
  const instructions = [...setEnd(-8), ...loopOver(8, eightBytes), ...setEnd(7), ...loopOver(1, oneByte), ...op.localGet(REGISTER)];
  return functionBody([[3, I32]], instructions);
}

function moduleBytes(): Uint8Array {
  const types = [functionType([I64, I32, I32], [I64]), functionType([I32, I32, I32], [I32])];
  const functions = [[0], [1], [1]]; // crc64nvme, crc32c, crc32 by type index
  const exports = [
    [...name('memory'), EXPORT_KIND.memory, 0],
    [...name('crc64nvme'), EXPORT_KIND.function, 0],
    [...name('crc32c'), EXPORT_KIND.function, 1],
    [...name('crc32'), EXPORT_KIND.function, 2],
  ];
  const bodies = [crc64Kernel(CRC64NVME_TABLES), crc32Kernel(CRC32C_TABLES), crc32Kernel(CRC32_TABLES)];
  return new Uint8Array([
    ...MAGIC_AND_VERSION,
    ...section(SECTION.type, vector(types)),
    ...section(SECTION.function, vector(functions)),
    ...section(SECTION.memory, vector([[0x00, PAGES]])), // limits: minimum only
    ...section(SECTION.export, vector(exports)),
    ...section(SECTION.code, vector(bodies)),
  ]);
}

// @types/node does not declare the WebAssembly global (it is in lib.dom); this is the part used.
interface WasmGlobal {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

interface Kernels {
  readonly window: Uint8Array;
  readonly crc64nvme: (register: bigint, pointer: number, length: number) => bigint;
  readonly crc32c: (register: number, pointer: number, length: number) => number;
  readonly crc32: (register: number, pointer: number, length: number) => number;
}

let kernels: Kernels | undefined;

function instantiate(): Kernels {
  const { Module, Instance } = (globalThis as unknown as { WebAssembly: WasmGlobal }).WebAssembly;
  const exports = new Instance(new Module(moduleBytes()), {}).exports;
  const memory = (exports.memory as { buffer: ArrayBuffer }).buffer;
  new BigUint64Array(memory, CRC64NVME_TABLES, 8 * 256).set(crc64Tables(CRC64NVME_POLYNOMIAL));
  new Uint32Array(memory, CRC32C_TABLES, 8 * 256).set(crc32Tables(CRC32C_POLYNOMIAL));
  new Uint32Array(memory, CRC32_TABLES, 8 * 256).set(crc32Tables(CRC32_POLYNOMIAL));
  return {
    window: new Uint8Array(memory, WINDOW, WINDOW_SIZE),
    crc64nvme: exports.crc64nvme as Kernels['crc64nvme'],
    crc32c: exports.crc32c as Kernels['crc32c'],
    crc32: exports.crc32 as Kernels['crc32'],
  };
}

function run32(kernel: 'crc32c' | 'crc32', data: Uint8Array, previous: number): number {
  const k = (kernels ??= instantiate());
  const run = k[kernel];
  let register = ~previous;
  for (let i = 0; i < data.length; i += WINDOW_SIZE) {
    const piece = data.subarray(i, i + WINDOW_SIZE);
    k.window.set(piece);
    register = run(register, WINDOW, piece.length);
  }
  return ~register >>> 0;
}

/** CRC-32C of `data`, continuing from the CRC of what came before it (0 for none), like zlib.crc32. */
export function crc32cWasm(data: Uint8Array, previous = 0): number {
  return run32('crc32c', data, previous);
}

/** CRC-32 (the zlib/PNG one), for Node.js versions without zlib.crc32 (before 20.15). */
export function crc32Wasm(data: Uint8Array, previous = 0): number {
  return run32('crc32', data, previous);
}

/** CRC-64/NVME of `data`, continuing from the CRC of what came before it (0n for none). */
export function crc64nvmeWasm(data: Uint8Array, previous = 0n): bigint {
  const k = (kernels ??= instantiate());
  let register = ~previous;
  for (let i = 0; i < data.length; i += WINDOW_SIZE) {
    const piece = data.subarray(i, i + WINDOW_SIZE);
    k.window.set(piece);
    register = k.crc64nvme(register, WINDOW, piece.length);
  }
  return BigInt.asUintN(64, ~register);
}
