/**
 * Renders the placeholder app icon without image tools: a dark tile with the focus-yellow ring and a
 * play triangle, at every size the TV packages need. Run: tsx scripts/make-icon.ts
 *   static/icon.png             512 (metadata.json `icon`, Metrological)
 *   static/icons/icon-<n>.png   512 and 117 (Tizen), 80 and 130 (webOS appinfo icon / largeIcon)
 * A partner replaces these files with their own artwork of the same sizes (the package scripts check).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ROOT } from './lib/paths';

export const ICON_SIZES = [80, 117, 130, 512] as const;

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

/** The icon as a PNG of `size`×`size` pixels (geometry drawn for 512 and scaled). */
export function iconPng(size = 512): Buffer {
  const bg = [0x0b, 0x10, 0x20];
  const ring = [0xff, 0xc4, 0x00];
  const fg = [0xff, 0xff, 0xff];
  const raw = Buffer.alloc((size * 3 + 1) * size);
  const scale = 512 / size;
  const c = 256;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      // Sample the 512-pixel design (at size 512 exactly the original pixels).
      const sx = x * scale;
      const sy = y * scale;
      const d = Math.hypot(sx - c, sy - c);
      const tx = sx - c + 30;
      const inTriangle = tx > -70 && tx < 110 && Math.abs(sy - c) < (110 - tx) * 0.6;
      const colour = d > 190 && d < 220 ? ring : inTriangle ? fg : bg;
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = colour[0] as number;
      raw[o + 1] = colour[1] as number;
      raw[o + 2] = colour[2] as number;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height of a PNG (its IHDR), or undefined when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  if (png.length < 24 || png.readUInt32BE(0) !== 0x89504e47 || png.toString('ascii', 12, 16) !== 'IHDR')
    return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export const iconPath = (size: number, root = ROOT): string => join(root, 'static', 'icons', `icon-${size}.png`);

if (require.main === module) {
  mkdirSync(join(ROOT, 'static', 'icons'), { recursive: true });
  writeFileSync(join(ROOT, 'static', 'icon.png'), iconPng(512));
  for (const size of ICON_SIZES) writeFileSync(iconPath(size), iconPng(size));
  console.log(`wrote static/icon.png and static/icons/icon-{${ICON_SIZES.join(',')}}.png`);
}
