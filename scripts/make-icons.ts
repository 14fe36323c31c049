/**
 * Generates the PWA icons declared in the MesChain-Sync manifest as real PNGs of exactly the
 * declared sizes: a blue rounded square with a white "M" (plus a full-bleed 512 px maskable icon
 * whose glyph stays inside the 80 % safe zone). Deterministic output; run once and commit:
 *   bash scripts/with-toolchain.sh node scripts/make-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import { PROJECT_ROOT } from '../reference-target/config.ts';
import { ICON_SIZES } from '../reference-target/pages/assets.ts';

export const ICON_DIR = resolve(PROJECT_ROOT, 'reference-target/public/image/meschain/icons');

type Rgb = [number, number, number];
const TOP: Rgb = [0x3b, 0x82, 0xf6]; // theme colour #3B82F6
const BOTTOM: Rgb = [0x1d, 0x4e, 0xd8]; // darker blue, keeps the white glyph above 4.5:1
const GLYPH: [number, number][] = [
  [0.28, 0.72],
  [0.28, 0.3],
  [0.5, 0.56],
  [0.72, 0.3],
  [0.72, 0.72],
];
const STROKE = 0.11;
const SAMPLES = 4;

function segmentDistance(px: number, py: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inGlyph(x: number, y: number, scale: number): boolean {
  const gx = 0.5 + (x - 0.5) / scale;
  const gy = 0.5 + (y - 0.5) / scale;
  for (let i = 0; i + 1 < GLYPH.length; i++) {
    if (segmentDistance(gx, gy, GLYPH[i]!, GLYPH[i + 1]!) <= STROKE / 2) return true;
  }
  return false;
}

function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** One icon as PNG bytes; `maskable` fills the whole square and shrinks the glyph into the safe zone. */
export function drawIcon(size: number, maskable = false): Buffer {
  const png = new PNG({ width: size, height: size });
  const radius = maskable ? 0 : 0.18;
  const scale = maskable ? 0.8 : 1;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inRoundedSquare(x, y, radius)) continue;
          bg++;
          if (inGlyph(x, y, scale)) fg++;
        }
      }
      const n = SAMPLES * SAMPLES;
      const t = py / Math.max(1, size - 1);
      const base = TOP.map((c, i) => c + (BOTTOM[i]! - c) * t);
      const f = bg === 0 ? 0 : fg / bg;
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) png.data[o + i] = Math.round(base[i]! * (1 - f) + 255 * f);
      png.data[o + 3] = Math.round((255 * bg) / n);
    }
  }
  return PNG.sync.write(png);
}

export function iconFiles(): { name: string; size: number; maskable: boolean }[] {
  return [
    ...ICON_SIZES.map((size) => ({ name: `icon-${size}x${size}.png`, size, maskable: false })),
    { name: 'icon-512x512-maskable.png', size: 512, maskable: true },
  ];
}

if (import.meta.main) {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const icon of iconFiles()) {
    const bytes = drawIcon(icon.size, icon.maskable);
    writeFileSync(resolve(ICON_DIR, icon.name), bytes);
    console.log(`wrote ${icon.name} (${icon.size}x${icon.size}, ${bytes.length} bytes)`);
  }
}
