/**
 * Generates static/icon.png (the app icon named in metadata.json) without image tools: a 512x512
 * dark tile with the focus-yellow ring and a play triangle. Run: tsx scripts/make-icon.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ROOT } from './lib/paths';

const SIZE = 512;

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) {
    c ^= buf[i] as number;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function iconPng(): Buffer {
  const bg = [0x0b, 0x10, 0x20];
  const ring = [0xff, 0xc4, 0x00];
  const fg = [0xff, 0xff, 0xff];
  const raw = Buffer.alloc((SIZE * 3 + 1) * SIZE);
  const c = SIZE / 2;
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 3 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      const d = Math.hypot(x - c, y - c);
      // Play triangle pointing right, centred.
      const tx = x - c + 30;
      const inTriangle = tx > -70 && tx < 110 && Math.abs(y - c) < (110 - tx) * 0.6;
      const colour = d > 190 && d < 220 ? ring : inTriangle ? fg : bg;
      const o = y * (SIZE * 3 + 1) + 1 + x * 3;
      raw[o] = colour[0] as number;
      raw[o + 1] = colour[1] as number;
      raw[o + 2] = colour[2] as number;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  mkdirSync(join(ROOT, 'static'), { recursive: true });
  writeFileSync(join(ROOT, 'static', 'icon.png'), iconPng());
  console.log('wrote static/icon.png');
}
