#!/usr/bin/env node
// Draws the app icon (a red-headed document with table rows, in the style of a 公文) with no image library:
// pixels computed here, PNG encoded with node:zlib, ICO = PNG entries (Windows Vista+). Writes build/icon.png (512),
// build/icons/<n>x<n>.png (Linux), build/icon.ico (16…256). Run: node build/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The picture in unit coordinates (0..1), 4× supersampled for smooth edges. */
function sample(u, v) {
  const inRect = (x0, y0, x1, y1) => u >= x0 && u <= x1 && v >= y0 && v <= y1;
  const r = 0.06; // rounded corners of the page
  const page = (() => {
    const [x0, y0, x1, y1] = [0.16, 0.08, 0.84, 0.92];
    if (!inRect(x0, y0, x1, y1)) return false;
    const cx = Math.min(Math.max(u, x0 + r), x1 - r);
    const cy = Math.min(Math.max(v, y0 + r), y1 - r);
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
  })();
  if (!page) return [0, 0, 0, 0];
  if (!inRect(0.175, 0.095, 0.825, 0.905)) return [120, 130, 150, 255]; // the page's edge
  if (inRect(0.24, 0.16, 0.76, 0.27)) return [200, 16, 46, 255]; // the red 版头
  if (inRect(0.24, 0.31, 0.76, 0.325)) return [200, 16, 46, 255]; // the red line
  // a small table: three rows, three columns
  const tx0 = 0.26, tx1 = 0.74, ty0 = 0.42, ty1 = 0.8;
  if (inRect(tx0, ty0, tx1, ty1)) {
    const line = 0.018;
    const rows = [ty0, ty0 + (ty1 - ty0) / 3, ty0 + (2 * (ty1 - ty0)) / 3, ty1];
    const cols = [tx0, tx0 + (tx1 - tx0) * 0.4, tx0 + (tx1 - tx0) * 0.7, tx1];
    if (rows.some((y) => Math.abs(v - y) < line / 2) || cols.some((x) => Math.abs(u - x) < line / 2)) return [40, 70, 130, 255];
    if (v < rows[1]) return [225, 232, 245, 255];
  }
  return [255, 255, 255, 255];
}
function pixel(u, v, size) {
  const n = 4;
  const acc = [0, 0, 0, 0];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const s = sample(u + ((i + 0.5) / n - 0.5) / size, v + ((j + 0.5) / n - 0.5) / size);
      for (let k = 0; k < 3; k++) acc[k] += s[k] * s[3];
      acc[3] += s[3];
    }
  const a = acc[3] / (n * n);
  return a === 0 ? [0, 0, 0, 0] : [Math.round(acc[0] / acc[3]), Math.round(acc[1] / acc[3]), Math.round(acc[2] / acc[3]), Math.round(a)];
}
const draw = (size) => png(size, (u, v) => pixel(u, v, size));

function ico(sizes) {
  const images = sizes.map((s) => ({ s, data: draw(s) }));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ s, data }) => {
    const e = Buffer.alloc(16);
    e[0] = s >= 256 ? 0 : s;
    e[1] = s >= 256 ? 0 : s;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(data.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += data.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

mkdirSync(join(here, 'icons'), { recursive: true });
writeFileSync(join(here, 'icon.png'), draw(512));
for (const s of [16, 32, 48, 64, 128, 256, 512]) writeFileSync(join(here, 'icons', `${s}x${s}.png`), draw(s));
writeFileSync(join(here, 'icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
console.log('wrote build/icon.png, build/icons/*.png, build/icon.ico');
