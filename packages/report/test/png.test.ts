// The PNG charts: one file per chart of the page (same configurations), at twice the CSS size, with the data drawn.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { chartConfigs } from '../src/charts/index.js';
import { reportData } from '../src/data.js';
import { PNG_SIZE, PNG_THEME, writeChartPngs } from '../src/png.js';
import { fixtureLocalEntropy, fixtureRecords } from './fixtures.js';

async function pixels(path: string): Promise<{ width: number; height: number; data: Uint8ClampedArray }> {
  const image = await loadImage(readFileSync(path));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

/** Pixels within a small distance of an RGB colour given as #rrggbb. */
function countColour(data: Uint8ClampedArray, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r!) + Math.abs(data[i + 1]! - g!) + Math.abs(data[i + 2]! - b!) < 30) count++;
  return count;
}

describe('PNG charts', () => {
  it('writes every chart the page draws, at twice the CSS size, with each plugin\'s colour painted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'densebench-png-'));
    const data = reportData(fixtureRecords(), fixtureLocalEntropy());
    const files = writeChartPngs(dir, data);
    const specs = chartConfigs(data, PNG_THEME);
    expect(files).toEqual(specs.map((s) => s.file));
    expect(new Set(files).size).toBe(files.length);
    expect(readdirSync(dir).sort()).toEqual([...files].sort());
    expect(files).toContain('perceptron-n201-success.png');
    expect(files).toContain('perceptron-time-vs-n.png');
    expect(files).toContain('perceptron-work-vs-n.png');
    expect(files).toContain('teacher-student-n201-a0-6-local-entropy.png');
    const colours = new Map(data.groups.flatMap((g) => g.curves.map((c) => [c.plugin, c.color])));
    for (const file of files) {
      const image = await pixels(join(dir, file));
      expect([image.width, image.height], file).toEqual([PNG_SIZE.width * PNG_SIZE.devicePixelRatio, PNG_SIZE.height * PNG_SIZE.devicePixelRatio]);
      // Opaque white background, and more than axes: some plugin's colour covers a visible area.
      expect(image.data[3], file).toBe(255);
      const painted = Math.max(...[...colours.values()].map((c) => countColour(image.data, c)));
      expect(painted, `${file}: no plugin colour`).toBeGreaterThan(200);
    }
    // Both plugins' lines on the success chart of the first perceptron size.
    const rate = await pixels(join(dir, 'perceptron-n201-success.png'));
    for (const plugin of ['sa', 'fbp']) expect(countColour(rate.data, colours.get(plugin)!), plugin).toBeGreaterThan(200);
  }, 60_000);

  it('writes nothing for a report without charts', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'densebench-png-')), 'charts');
    expect(writeChartPngs(dir, reportData([]))).toEqual([]);
  });
});
