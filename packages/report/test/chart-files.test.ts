// The chart files: a PNG and an SVG per chart of the page (same configurations), the PNG at twice the CSS size, the SVG
// a well-formed document of the CSS size that draws the same data.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { chartConfigs } from '../src/charts/index.js';
import { reportData } from '../src/data.js';
import { CHART_SIZE, CHART_THEME, writeChartFiles } from '../src/render.js';
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

/**
 * XML well-formedness, checked by hand rather than by the library that wrote it: one prolog, then elements that nest
 * (every start tag closed by its own end tag, or self-closed), quoted attributes, one root <svg>, nothing after it.
 */
function wellFormedSvg(text: string): string[] {
  const problems: string[] = [];
  if (!text.startsWith('<?xml')) problems.push('no XML declaration');
  const stack: string[] = [];
  let roots = 0;
  const body = text.replace(/^<\?xml[^?]*\?>/, '');
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|(<)/g;
  for (const m of body.matchAll(token)) {
    if (m[5]) {
      problems.push(`malformed tag at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
      break;
    }
    if (!m[2]) continue;
    const [, close, name, , selfClose] = m;
    if (close) {
      if (stack.pop() !== name) problems.push(`</${name}> closes ${stack.at(-1) ?? 'nothing'}`);
    } else {
      if (stack.length === 0 && ++roots > 1) problems.push(`a second root <${name}>`);
      if (!selfClose) stack.push(name!);
    }
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (!/^\s*<svg[\s>]/.test(body)) problems.push('the root is not <svg>');
  if (body.replace(/[\s\S]*<\/svg>/, '').trim() !== '') problems.push('text after the root');
  return problems;
}

describe('chart files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'densebench-charts-'));
  const data = reportData(fixtureRecords(), fixtureLocalEntropy());
  const written = writeChartFiles(dir, data);
  const specs = chartConfigs(data, CHART_THEME);
  const colours = new Map(data.groups.flatMap((g) => g.curves.map((c) => [c.plugin, c.color])));

  it('writes a PNG and an SVG of every chart the page draws, every anytime α included', () => {
    expect(written.png).toEqual(specs.map((s) => join(dir, s.file + '.png')));
    expect(written.svg).toEqual(specs.map((s) => join(dir, s.file + '.svg')));
    expect(readdirSync(dir).sort()).toEqual([...written.png, ...written.svg].map((p) => p.slice(dir.length + 1)).sort());
    for (const file of ['perceptron-n201-success', 'perceptron-n201-tts99', 'perceptron-n201-a0-5-anytime', 'perceptron-alpha50-vs-n', 'perceptron-time-vs-n', 'teacher-student-n201-a0-6-local-entropy']) {
      expect(specs.map((s) => s.file)).toContain(file);
    }
  });

  it('PNGs are at twice the CSS size, on white, with the plugins\' colours painted', async () => {
    for (const path of written.png) {
      const image = await pixels(path);
      expect([image.width, image.height], path).toEqual([CHART_SIZE.width * CHART_SIZE.devicePixelRatio, CHART_SIZE.height * CHART_SIZE.devicePixelRatio]);
      // Opaque white background, and more than axes: some plugin's colour covers a visible area.
      expect([...image.data.slice(0, 4)], path).toEqual([255, 255, 255, 255]);
      expect(Math.max(...[...colours.values()].map((c) => countColour(image.data, c))), `${path}: no plugin colour`).toBeGreaterThan(200);
    }
    // Both plugins' lines on the success chart of the first perceptron size.
    const rate = await pixels(join(dir, 'perceptron-n201-success.png'));
    for (const plugin of ['sa', 'fbp']) expect(countColour(rate.data, colours.get(plugin)!), plugin).toBeGreaterThan(200);
  }, 60_000);

  it('SVGs are well-formed documents of the CSS size that draw the same data, text as paths', async () => {
    for (const path of written.svg) {
      const text = readFileSync(path, 'utf8');
      expect(wellFormedSvg(text), path).toEqual([]);
      expect(text).toMatch(new RegExp(`<svg [^>]*width="${CHART_SIZE.width}" height="${CHART_SIZE.height}"`));
      // No font needed to show it the same: no <text>.
      expect(text).not.toContain('<text');
      // Skia reads it back, and the plugins' colours are there at the size drawn.
      const image = await pixels(path);
      expect([image.width, image.height], path).toEqual([CHART_SIZE.width, CHART_SIZE.height]);
      expect(Math.max(...[...colours.values()].map((c) => countColour(image.data, c))), `${path}: no plugin colour`).toBeGreaterThan(50);
    }
  }, 60_000);

  it('the checker rejects what is not well-formed', () => {
    expect(wellFormedSvg('<?xml version="1.0"?><svg><g></svg>')).not.toEqual([]);
    expect(wellFormedSvg('<?xml version="1.0"?><svg><path d="M0 0"/></svg><svg/>')).not.toEqual([]);
    expect(wellFormedSvg('<?xml version="1.0"?><svg><path d=M0/></svg>')).not.toEqual([]);
    expect(wellFormedSvg('<?xml version="1.0"?><svg><g><path d="M0 0"/></g></svg>')).toEqual([]);
  });

  it('writes only what is asked, and nothing for a report without charts', () => {
    const only = mkdtempSync(join(tmpdir(), 'densebench-charts-'));
    expect(writeChartFiles(only, data, { png: false })).toEqual({ png: [], svg: [] });
    const svgOnly = writeChartFiles(only, data, { png: false, svg: true });
    expect(svgOnly.png).toEqual([]);
    expect(readdirSync(only).every((f) => f.endsWith('.svg'))).toBe(true);
    expect(writeChartFiles(join(mkdtempSync(join(tmpdir(), 'densebench-charts-')), 'charts'), reportData([]))).toEqual({ png: [], svg: [] });
  });
});
