/**
 * Logos for generated MVPDs, drawn at run time: a 300×120 palette PNG in the brand colour with the provider's
 * initials in a blocky 5×7 font. No image library: a few hundred bytes of PNG written by hand (zlib only).
 */
import { deflateSync } from 'node:zlib';

const W = 300;
const H = 120;

// 5×7 glyphs, one string per row, '#' = ink.
const GLYPHS: Record<string, string> = {
  A: '.###.|#...#|#...#|#####|#...#|#...#|#...#', B: '####.|#...#|#...#|####.|#...#|#...#|####.',
  C: '.###.|#...#|#....|#....|#....|#...#|.###.', D: '####.|#...#|#...#|#...#|#...#|#...#|####.',
  E: '#####|#....|#....|####.|#....|#....|#####', F: '#####|#....|#....|####.|#....|#....|#....',
  G: '.###.|#...#|#....|#.###|#...#|#...#|.####', H: '#...#|#...#|#...#|#####|#...#|#...#|#...#',
  I: '.###.|..#..|..#..|..#..|..#..|..#..|.###.', J: '..###|...#.|...#.|...#.|...#.|#..#.|.##..',
  K: '#...#|#..#.|#.#..|##...|#.#..|#..#.|#...#', L: '#....|#....|#....|#....|#....|#....|#####',
  M: '#...#|##.##|#.#.#|#.#.#|#...#|#...#|#...#', N: '#...#|#...#|##..#|#.#.#|#..##|#...#|#...#',
  O: '.###.|#...#|#...#|#...#|#...#|#...#|.###.', P: '####.|#...#|#...#|####.|#....|#....|#....',
  Q: '.###.|#...#|#...#|#...#|#.#.#|#..#.|.##.#', R: '####.|#...#|#...#|####.|#.#..|#..#.|#...#',
  S: '.####|#....|#....|.###.|....#|....#|####.', T: '#####|..#..|..#..|..#..|..#..|..#..|..#..',
  U: '#...#|#...#|#...#|#...#|#...#|#...#|.###.', V: '#...#|#...#|#...#|#...#|#...#|.#.#.|..#..',
  W: '#...#|#...#|#...#|#.#.#|#.#.#|#.#.#|.#.#.', X: '#...#|#...#|.#.#.|..#..|.#.#.|#...#|#...#',
  Y: '#...#|#...#|.#.#.|..#..|..#..|..#..|..#..', Z: '#####|....#|...#.|..#..|.#...|#....|#####',
  '0': '.###.|#...#|#..##|#.#.#|##..#|#...#|.###.', '1': '..#..|.##..|..#..|..#..|..#..|..#..|.###.',
  '2': '.###.|#...#|....#|...#.|..#..|.#...|#####', '3': '####.|....#|....#|.###.|....#|....#|####.',
  '4': '...#.|..##.|.#.#.|#..#.|#####|...#.|...#.', '5': '#####|#....|####.|....#|....#|#...#|.###.',
  '6': '.###.|#....|#....|####.|#...#|#...#|.###.', '7': '#####|....#|...#.|..#..|.#...|.#...|.#...',
  '8': '.###.|#...#|#...#|.###.|#...#|#...#|.###.', '9': '.###.|#...#|#...#|.####|....#|....#|.###.',
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function rgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  const n = m ? parseInt(m[1], 16) : 0x334455;
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** Up to three initials of the name's words, accents removed (São Jorge Fiber → SJF). */
export function initials(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== '' && w !== 'OF' && w !== 'THE' && w !== 'AND');
  return words.slice(0, 3).map((w) => w[0]).join('') || '?';
}

/** A 300×120 PNG: brand colour, a darker band, the initials in white. */
export function drawLogo(name: string, color: string): Buffer {
  const text = [...initials(name)].filter((ch) => GLYPHS[ch]);
  const scale = 10;
  const gw = 5 * scale;
  const gap = 2 * scale;
  const textW = text.length * gw + Math.max(0, text.length - 1) * gap;
  const x0 = Math.floor((W - textW) / 2);
  const y0 = Math.floor((H - 7 * scale) / 2);
  // Palette: 0 = brand colour, 1 = darker band, 2 = white ink.
  const [r, g, b] = rgb(color);
  const palette = Buffer.from([r, g, b, Math.floor(r * 0.7), Math.floor(g * 0.7), Math.floor(b * 0.7), 255, 255, 255]);
  const raw = Buffer.alloc((W + 1) * H);
  for (let y = 0; y < H; y++) {
    const row = y * (W + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < W; x++) {
      let p = y >= H - 14 ? 1 : 0;
      const gx = x - x0;
      const gy = y - y0;
      if (gx >= 0 && gy >= 0 && gx < textW && gy < 7 * scale) {
        const i = Math.floor(gx / (gw + gap));
        const cx = gx - i * (gw + gap);
        if (cx < gw && text[i]) {
          const rowBits = GLYPHS[text[i]].split('|')[Math.floor(gy / scale)];
          if (rowBits[Math.floor(cx / scale)] === '#') p = 2;
        }
      }
      raw[row + 1 + x] = p;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // palette
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', palette),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
