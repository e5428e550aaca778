// Draws the toolbar/store icons (the shield-and-check mark of components/Logo.tsx) as PNGs into
// public/icon/. Run once after changing the mark: `node scripts/make-icons.mjs`. Uses only Node.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const ORANGE = [0xe8, 0x71, 0x0a];
const WHITE = [0xff, 0xff, 0xff];

// Shield outline in a 32×32 box, as a polygon (the Logo's path with its curves flattened).
function shieldPolygon() {
  const pts = [
    [16, 2],
    [28, 6.5],
    [28, 14.7],
  ];
  // right curve down to the point at (16, 30)
  for (let i = 1; i <= 12; i++) {
    const s = i / 12;
    pts.push([28 - 12 * s ** 1.6, 14.7 + 15.3 * Math.sin((s * Math.PI) / 2)]);
  }
  for (let i = 1; i <= 12; i++) {
    const s = 1 - i / 12;
    pts.push([4 + 12 * s ** 1.6, 14.7 + 15.3 * Math.sin((s * Math.PI) / 2)]);
  }
  pts.push([4, 6.5]);
  return pts;
}

function inside(poly, x, y) {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK = [
  [10, 16.2],
  [14.2, 20.4],
  [22.5, 12],
];

function render(size) {
  const shield = shieldPolygon();
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = ((x + (sx + 0.5) / ss) / size) * 32;
          const v = ((y + (sy + 0.5) / ss) / size) * 32;
          if (!inside(shield, u, v)) continue;
          cover++;
          const d = Math.min(distToSegment(u, v, CHECK[0], CHECK[1]), distToSegment(u, v, CHECK[1], CHECK[2]));
          if (d <= 1.6) white++;
        }
      }
      const i = (y * size + x) * 4;
      const w = cover ? white / cover : 0;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(ORANGE[c] * (1 - w) + WHITE[c] * w);
      rgba[i + 3] = Math.round((cover / (ss * ss)) * 255);
    }
  }
  return png(size, rgba);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) {
  writeFileSync(`public/icon/${size}.png`, render(size));
  console.log(`public/icon/${size}.png`);
}
