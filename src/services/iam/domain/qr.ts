/**
 * A QR code encoder (ISO/IEC 18004), enough for the otpauth:// URIs of virtual MFA devices:
 * byte mode, error correction level M, versions 1–14 (up to 362 bytes). It builds the module
 * matrix: finder, timing and alignment patterns, version and format information, the data and its
 * Reed–Solomon codewords interleaved and placed in the zig-zag order, and the mask with the lowest
 * penalty. `true` is a dark module.
 */

/** Per version (index 1–14) at level M: EC codewords per block, then [blocks, data codewords per block] groups. */
const BLOCKS_M: readonly (readonly [number, readonly (readonly [number, number])[]])[] = [
  [0, []],
  [10, [[1, 16]]],
  [16, [[1, 28]]],
  [26, [[1, 44]]],
  [18, [[2, 32]]],
  [24, [[2, 43]]],
  [16, [[4, 27]]],
  [18, [[4, 31]]],
  [22, [[2, 38], [2, 39]]],
  [22, [[3, 36], [2, 37]]],
  [26, [[4, 43], [1, 44]]],
  [30, [[1, 50], [4, 51]]],
  [22, [[6, 36], [2, 37]]],
  [22, [[8, 37], [1, 38]]],
  [24, [[4, 40], [5, 41]]],
];

/** Centre coordinates of alignment patterns per version. */
const ALIGNMENT: readonly (readonly number[])[] = [
  [], [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66],
];

const MAX_VERSION = BLOCKS_M.length - 1;
/** Level M's two format bits. */
const LEVEL_M_BITS = 0b00;

// --- GF(256) arithmetic (primitive polynomial x^8 + x^4 + x^3 + x^2 + 1) ------------------------

function gfMul(a: number, b: number): number {
  let product = 0;
  for (let bit = 7; bit >= 0; bit--) {
    product = ((product << 1) ^ ((product >>> 7) * 0x11d)) & 0xff;
    if ((b >>> bit) & 1) product ^= a;
  }
  return product;
}

/** Coefficients (highest degree first, leading 1 left out) of ∏ (x − α^i), i < degree. */
function generator(degree: number): number[] {
  const poly = new Array<number>(degree).fill(0);
  poly[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      poly[j] = gfMul(poly[j]!, root);
      if (j + 1 < degree) poly[j]! ^= poly[j + 1]!;
    }
    root = gfMul(root, 2);
  }
  return poly;
}

/** The Reed–Solomon remainder (EC codewords) of `data` by the generator. */
function ecCodewords(data: readonly number[], gen: readonly number[]): number[] {
  const rem = new Array<number>(gen.length).fill(0);
  for (const byte of data) {
    const factor = byte ^ rem.shift()!;
    rem.push(0);
    for (let i = 0; i < gen.length; i++) rem[i]! ^= gfMul(gen[i]!, factor);
  }
  return rem;
}

// --- data codewords ------------------------------------------------------------------------

function dataCapacity(version: number): number {
  return BLOCKS_M[version]![1].reduce((n, [blocks, size]) => n + blocks * size, 0);
}

/** Mode, count, bytes, terminator and padding, as codewords. */
function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  const capacityBits = dataCapacity(version) * 8;
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacityBits - bits.length));
  while (bits.length % 8) bits.push(0);
  const out: number[] = [];
  for (let i = 0; i < bits.length; i += 8) out.push(bits.slice(i, i + 8).reduce((v, b) => (v << 1) | b, 0));
  for (let pad = 0xec; out.length < capacityBits / 8; pad ^= 0xec ^ 0x11) out.push(pad);
  return out;
}

/** Splits data into blocks, adds each block's EC codewords, and interleaves them. */
function interleave(data: readonly number[], version: number): number[] {
  const [ecLength, groups] = BLOCKS_M[version]!;
  const gen = generator(ecLength);
  const blocks: number[][] = [];
  let at = 0;
  for (const [count, size] of groups) {
    for (let i = 0; i < count; i++) {
      blocks.push(data.slice(at, at + size));
      at += size;
    }
  }
  const ecs = blocks.map((b) => ecCodewords(b, gen));
  const out: number[] = [];
  const longest = Math.max(...blocks.map((b) => b.length));
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.length) out.push(b[i]!);
  for (let i = 0; i < ecLength; i++) for (const e of ecs) out.push(e[i]!);
  return out;
}

// --- the module matrix -----------------------------------------------------------------------

class Matrix {
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
  }

  /** A function-pattern module (row, column). */
  fix(row: number, col: number, dark: boolean): void {
    if (row < 0 || col < 0 || row >= this.size || col >= this.size) return;
    this.dark[row]![col] = dark;
    this.reserved[row]![col] = true;
  }
}

function drawFunctionPatterns(m: Matrix): void {
  const n = m.size;
  for (let i = 0; i < n; i++) {
    m.fix(6, i, i % 2 === 0);
    m.fix(i, 6, i % 2 === 0);
  }
  // Finder patterns with their light separators.
  for (const [r, c] of [[3, 3], [3, n - 4], [n - 4, 3]] as const) {
    for (let dr = -4; dr <= 4; dr++) {
      for (let dc = -4; dc <= 4; dc++) {
        const d = Math.max(Math.abs(dr), Math.abs(dc));
        m.fix(r + dr, c + dc, d !== 2 && d !== 4);
      }
    }
  }
  const centres = ALIGNMENT[m.version]!;
  const last = centres.length - 1;
  centres.forEach((r, i) =>
    centres.forEach((c, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) m.fix(r + dr, c + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
    }),
  );
  drawFormat(m, 0); // reserves the format areas; drawn again with the chosen mask
  if (m.version >= 7) {
    let rem = m.version;
    for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
    const bits = (m.version << 12) | rem;
    for (let i = 0; i < 18; i++) {
      const bit = ((bits >>> i) & 1) === 1;
      const a = n - 11 + (i % 3);
      const b = Math.floor(i / 3);
      m.fix(b, a, bit);
      m.fix(a, b, bit);
    }
  }
}

/** The 15 format bits (level M, mask) in both copies, and the dark module. */
function drawFormat(m: Matrix, mask: number): void {
  const n = m.size;
  const data = (LEVEL_M_BITS << 3) | mask;
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  const bits = ((data << 10) | rem) ^ 0x5412;
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  for (let i = 0; i <= 5; i++) m.fix(i, 8, bit(i));
  m.fix(7, 8, bit(6));
  m.fix(8, 8, bit(7));
  m.fix(8, 7, bit(8));
  for (let i = 9; i < 15; i++) m.fix(8, 14 - i, bit(i));
  for (let i = 0; i < 8; i++) m.fix(8, n - 1 - i, bit(i));
  for (let i = 8; i < 15; i++) m.fix(n - 15 + i, 8, bit(i));
  m.fix(n - 8, 8, true);
}

/** Places the codewords in the zig-zag order, two columns at a time, skipping the timing column. */
function placeCodewords(m: Matrix, codewords: readonly number[]): void {
  const n = m.size;
  const totalBits = codewords.length * 8;
  let i = 0;
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((right + 1) & 2) === 0;
    for (let v = 0; v < n; v++) {
      const row = upward ? n - 1 - v : v;
      for (let j = 0; j < 2; j++) {
        const col = right - j;
        if (m.reserved[row]![col] || i >= totalBits) continue;
        m.dark[row]![col] = ((codewords[i >>> 3]! >>> (7 - (i & 7))) & 1) === 1;
        i++;
      }
    }
  }
}

const MASKS: readonly ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function applyMask(m: Matrix, mask: number): void {
  const f = MASKS[mask]!;
  for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (!m.reserved[r]![c] && f(r, c)) m.dark[r]![c] = !m.dark[r]![c];
}

/** The standard's penalty: long runs, 2×2 blocks, finder-like sequences, dark/light imbalance. */
function penalty(m: Matrix): number {
  const n = m.size;
  let score = 0;
  const lines: boolean[][] = [...m.dark, ...m.dark.map((_, c) => m.dark.map((row) => row[c]!))];
  const finderLike = [/10111010000/, /00001011101/];
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= n; i++) {
      if (i < n && line[i] === line[i - 1]) run++;
      else {
        if (run >= 5) score += run - 2;
        run = 1;
      }
    }
    const text = line.map((d) => (d ? '1' : '0')).join('');
    for (const re of finderLike) score += 40 * (text.match(new RegExp(re.source, 'g'))?.length ?? 0);
  }
  let dark = 0;
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (m.dark[r]![c]) dark++;
      if (r + 1 < n && c + 1 < n) {
        const d = m.dark[r]![c];
        if (m.dark[r]![c + 1] === d && m.dark[r + 1]![c] === d && m.dark[r + 1]![c + 1] === d) score += 3;
      }
    }
  }
  score += 10 * Math.floor(Math.abs((dark * 100) / (n * n) - 50) / 5);
  return score;
}

/** The QR code of `text` (UTF-8 bytes), as rows of modules. Throws when the text is too long. */
export function qrMatrix(text: string): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  let version = 1;
  while (version <= MAX_VERSION && 4 + (version < 10 ? 8 : 16) + bytes.length * 8 > dataCapacity(version) * 8) version++;
  if (version > MAX_VERSION) throw new Error(`text too long for a QR code here (${bytes.length} bytes)`);
  const codewords = interleave(dataCodewords(bytes, version), version);
  let best: { score: number; dark: boolean[][] } | undefined;
  for (let mask = 0; mask < MASKS.length; mask++) {
    const m = new Matrix(version);
    drawFunctionPatterns(m);
    placeCodewords(m, codewords);
    applyMask(m, mask);
    drawFormat(m, mask);
    const score = penalty(m);
    if (!best || score < best.score) best = { score, dark: m.dark };
  }
  return best!.dark;
}
