// PNG files of every chart in the report, for papers and CI artifacts: the same chart.js configurations as the HTML
// page (charts/), drawn by chartjs-node-canvas on a prebuilt Skia canvas (@napi-rs/canvas, via the `canvas` override
// in pnpm-workspace.yaml), light theme on white.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChartJSNodeCanvas } from 'chartjs-node-canvas';
import { applyChartDefaults, chartConfigs, type ChartTheme } from './charts/index.js';
import type { ReportData } from './data.js';

export const PNG_THEME: ChartTheme = { fg: '#1d1f23', grid: 'rgba(0,0,0,0.1)' };
/** Size in CSS pixels; drawn at twice that for print. */
export const PNG_SIZE = { width: 800, height: 500, devicePixelRatio: 2 };

/** Writes one PNG per chart into dir (created); returns the file names written, in report order. */
export function writeChartPngs(dir: string, data: ReportData): string[] {
  // Through JSON like the page's data, so that both see ±∞ and NaN as null.
  const plain = JSON.parse(JSON.stringify(data, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))) as ReportData;
  const specs = chartConfigs(plain, PNG_THEME);
  if (specs.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  const canvas = new ChartJSNodeCanvas({
    width: PNG_SIZE.width,
    height: PNG_SIZE.height,
    backgroundColour: 'white',
    chartCallback: (Chart) => applyChartDefaults(Chart as unknown as Parameters<typeof applyChartDefaults>[0], PNG_THEME),
  });
  for (const spec of specs) {
    // Laid out at the CSS size; chart.js's devicePixelRatio enlarges the canvas and scales the drawing, as on a retina screen.
    const config = { ...spec.config, options: { ...spec.config.options, devicePixelRatio: PNG_SIZE.devicePixelRatio } };
    writeFileSync(join(dir, spec.file), canvas.renderToBufferSync(config as never, 'image/png'));
  }
  return specs.map((s) => s.file);
}
