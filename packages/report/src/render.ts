// Every chart of the report as files, for papers and CI artifacts: a PNG (raster, at twice the CSS size) and an SVG
// (vector, text as paths so it looks the same without the fonts) of each, drawn from the same chart.js configurations
// as the HTML page (charts/), light theme on white. chart.js, chartjs-chart-error-bars and chartjs-plugin-annotation are
// loaded as one CommonJS instance (the plugins register on the chart.js they require) and draw on @napi-rs/canvas, a
// prebuilt Skia canvas whose SVG canvas records the same drawing calls as vector paths.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as NapiCanvas from '@napi-rs/canvas';
import { applyChartDefaults, chartConfigs, type ChartConfig, type ChartJsLike, type ChartTheme } from './charts/index.js';
import type { ReportData } from './data.js';

export const CHART_THEME: ChartTheme = { fg: '#1d1f23', grid: 'rgba(0,0,0,0.1)' };
/** Size in CSS pixels (the SVG's size); the PNG is drawn at twice that, for print. */
export const CHART_SIZE = { width: 800, height: 500, devicePixelRatio: 2 };

/** Which files to write: both by default; png: false drops both unless svg is given, svg: false drops the SVGs only. */
export interface ChartFileOptions {
  png?: boolean;
  /** Default: the same as png. */
  svg?: boolean;
}

interface ChartInstance {
  destroy(): void;
}
type ChartClass = ChartJsLike & (new (context: unknown, config: unknown) => ChartInstance) & { register(...items: unknown[]): void };

let renderer: { Chart: ChartClass; canvas: typeof NapiCanvas } | undefined;

/** chart.js with both plugins registered, on the light theme, and the canvas module; loaded once. */
function chartRenderer(): NonNullable<typeof renderer> {
  if (renderer === undefined) {
    const require = createRequire(import.meta.url);
    const Chart = (require('chart.js/auto') as { Chart: ChartClass }).Chart;
    // The CommonJS build of chartjs-chart-error-bars registers nothing by itself; chartjs-plugin-annotation does.
    const errorBars = require('chartjs-chart-error-bars') as { LineWithErrorBarsController: unknown; PointWithErrorBar: unknown };
    Chart.register(errorBars.LineWithErrorBarsController, errorBars.PointWithErrorBar, require('chartjs-plugin-annotation'));
    applyChartDefaults(Chart, CHART_THEME);
    renderer = { Chart, canvas: require('@napi-rs/canvas') as typeof NapiCanvas };
  }
  return renderer;
}

/** Paints the canvas white under the chart (a transparent PNG or SVG would show whatever it is put on). */
const whiteBackground = {
  id: 'whiteBackground',
  beforeDraw(chart: { ctx: NapiCanvas.SKRSContext2D; width: number; height: number }) {
    const { ctx } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/** Draws one configuration on a canvas (`style` gives chart.js the CSS size it sets when it scales for the pixel ratio). */
function draw(canvas: { getContext(kind: '2d'): unknown; style?: unknown }, config: ChartConfig, devicePixelRatio: number): ChartInstance {
  const { Chart } = chartRenderer();
  canvas.style = {};
  return new Chart(canvas.getContext('2d'), {
    ...config,
    plugins: [...(config.plugins ?? []), whiteBackground],
    options: { ...config.options, responsive: false, animation: false, devicePixelRatio },
  });
}

/** The chart as a PNG, at CHART_SIZE times its pixel ratio. */
export function chartPng(config: ChartConfig): Buffer {
  const canvas = chartRenderer().canvas.createCanvas(CHART_SIZE.width, CHART_SIZE.height);
  const chart = draw(canvas, config, CHART_SIZE.devicePixelRatio);
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}

/** The chart as an SVG document of CHART_SIZE, text converted to paths. */
export function chartSvg(config: ChartConfig): Buffer {
  const { canvas: napi } = chartRenderer();
  const canvas = napi.createCanvas(CHART_SIZE.width, CHART_SIZE.height, napi.SvgExportFlag.ConvertTextToPaths);
  const chart = draw(canvas, config, 1);
  try {
    return canvas.getContent();
  } finally {
    chart.destroy();
  }
}

/**
 * Writes every chart into dir (created) as <file>.png and <file>.svg, or only the kinds asked for (ChartFileOptions);
 * returns the paths written, in report order.
 */
export function writeChartFiles(dir: string, data: ReportData, options: ChartFileOptions = {}): { png: string[]; svg: string[] } {
  const written = { png: [] as string[], svg: [] as string[] };
  const png = options.png !== false;
  const svg = options.svg ?? png;
  if (!png && !svg) return written;
  // Through JSON like the page's data, so that both see ±∞ and NaN as null.
  const plain = JSON.parse(JSON.stringify(data, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))) as ReportData;
  const specs = chartConfigs(plain, CHART_THEME);
  if (specs.length === 0) return written;
  mkdirSync(dir, { recursive: true });
  for (const spec of specs) {
    if (png) {
      const path = join(dir, spec.file + '.png');
      writeFileSync(path, chartPng(spec.config));
      written.png.push(path);
    }
    if (svg) {
      const path = join(dir, spec.file + '.svg');
      writeFileSync(path, chartSvg(spec.config));
      written.svg.push(path);
    }
  }
  return written;
}
