/**
 * The binary frame of AWS event streams (`application/vnd.amazon.eventstream`): a prelude (total
 * length, headers length, prelude CRC32), typed headers, the payload, and a CRC32 of the whole.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTSelectObjectAppendix.html
 */
import { crc32 } from 'node:zlib';

export type FrameHeaderValue =
  | { type: 'boolean'; value: boolean }
  | { type: 'byte' | 'short' | 'integer'; value: number }
  | { type: 'long'; value: bigint }
  | { type: 'binary'; value: Buffer }
  | { type: 'string'; value: string }
  | { type: 'timestamp'; value: Date }
  | { type: 'uuid'; value: string };

export interface Frame {
  headers: Record<string, FrameHeaderValue>;
  payload: Buffer;
}

function encodeHeader(name: string, h: FrameHeaderValue): Buffer {
  const n = Buffer.from(name, 'utf8');
  let v: Buffer;
  switch (h.type) {
    case 'boolean':
      v = Buffer.from([h.value ? 0 : 1]);
      break;
    case 'byte':
      v = Buffer.alloc(2);
      v[0] = 2;
      v.writeInt8(h.value, 1);
      break;
    case 'short':
      v = Buffer.alloc(3);
      v[0] = 3;
      v.writeInt16BE(h.value, 1);
      break;
    case 'integer':
      v = Buffer.alloc(5);
      v[0] = 4;
      v.writeInt32BE(h.value, 1);
      break;
    case 'long':
      v = Buffer.alloc(9);
      v[0] = 5;
      v.writeBigInt64BE(h.value, 1);
      break;
    case 'binary':
    case 'string': {
      const bytes = h.type === 'binary' ? h.value : Buffer.from(h.value, 'utf8');
      v = Buffer.alloc(3 + bytes.length);
      v[0] = h.type === 'binary' ? 6 : 7;
      v.writeUInt16BE(bytes.length, 1);
      bytes.copy(v, 3);
      break;
    }
    case 'timestamp':
      v = Buffer.alloc(9);
      v[0] = 8;
      v.writeBigInt64BE(BigInt(h.value.getTime()), 1);
      break;
    case 'uuid':
      v = Buffer.concat([Buffer.from([9]), Buffer.from(h.value.replace(/-/g, ''), 'hex')]);
      break;
  }
  return Buffer.concat([Buffer.from([n.length]), n, v]);
}

export function encodeFrame(frame: Frame): Buffer {
  const headers = Buffer.concat(Object.entries(frame.headers).map(([k, h]) => encodeHeader(k, h)));
  const total = 12 + headers.length + frame.payload.length + 4;
  const out = Buffer.alloc(total);
  out.writeUInt32BE(total, 0);
  out.writeUInt32BE(headers.length, 4);
  out.writeUInt32BE(crc32(out.subarray(0, 8)), 8);
  headers.copy(out, 12);
  frame.payload.copy(out, 12 + headers.length);
  out.writeUInt32BE(crc32(out.subarray(0, total - 4)), total - 4);
  return out;
}

/** Splits a buffer of whole frames; throws on a bad length or checksum. */
export function decodeFrames(buf: Buffer): Frame[] {
  const frames: Frame[] = [];
  let off = 0;
  while (off < buf.length) {
    if (buf.length - off < 16) throw new Error('truncated event stream frame');
    const total = buf.readUInt32BE(off);
    const headersLen = buf.readUInt32BE(off + 4);
    if (total < 16 || off + total > buf.length) throw new Error('bad event stream frame length');
    if (crc32(buf.subarray(off, off + 8)) !== buf.readUInt32BE(off + 8)) throw new Error('bad event stream prelude checksum');
    if (crc32(buf.subarray(off, off + total - 4)) !== buf.readUInt32BE(off + total - 4)) throw new Error('bad event stream message checksum');
    const headers: Record<string, FrameHeaderValue> = {};
    let p = off + 12;
    const end = p + headersLen;
    while (p < end) {
      const nameLen = buf[p]!;
      const name = buf.toString('utf8', p + 1, p + 1 + nameLen);
      p += 1 + nameLen;
      const type = buf[p++]!;
      switch (type) {
        case 0: case 1: headers[name] = { type: 'boolean', value: type === 0 }; break;
        case 2: headers[name] = { type: 'byte', value: buf.readInt8(p) }; p += 1; break;
        case 3: headers[name] = { type: 'short', value: buf.readInt16BE(p) }; p += 2; break;
        case 4: headers[name] = { type: 'integer', value: buf.readInt32BE(p) }; p += 4; break;
        case 5: headers[name] = { type: 'long', value: buf.readBigInt64BE(p) }; p += 8; break;
        case 6: case 7: {
          const len = buf.readUInt16BE(p);
          const bytes = buf.subarray(p + 2, p + 2 + len);
          headers[name] = type === 6 ? { type: 'binary', value: Buffer.from(bytes) } : { type: 'string', value: bytes.toString('utf8') };
          p += 2 + len;
          break;
        }
        case 8: headers[name] = { type: 'timestamp', value: new Date(Number(buf.readBigInt64BE(p))) }; p += 8; break;
        case 9: headers[name] = { type: 'uuid', value: buf.toString('hex', p, p + 16) }; p += 16; break;
        default: throw new Error(`unknown event stream header type ${type}`);
      }
    }
    frames.push({ headers, payload: Buffer.from(buf.subarray(end, off + total - 4)) });
    off += total;
  }
  return frames;
}
