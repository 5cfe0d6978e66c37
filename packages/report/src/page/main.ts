// The report page's script: draws every chart on its canvas (the same configurations as the PNG and SVG files, themed
// by the page's CSS, light or dark), swaps the chart of a canvas that has variants (the anytime curves per α) when its
// selector changes, and wires the run-table filters. chart.js is inlined before it as the global `Chart`, with
// chartjs-chart-error-bars and chartjs-plugin-annotation registered on it.
import { applyChartDefaults, chartConfigs, type ChartConfig, type ChartJsLike, type ChartSpec, type ChartTheme } from '../charts/index.js';
import type { ReportData } from '../data.js';

interface DrawnChart {
  destroy(): void;
}
declare const Chart: ChartJsLike & (new (canvas: HTMLElement | null, config: ChartConfig) => DrawnChart);

const data = JSON.parse(document.getElementById('densebench-data')!.textContent!) as ReportData;
const css = getComputedStyle(document.documentElement);
const theme: ChartTheme = { fg: css.getPropertyValue('--fg').trim(), grid: css.getPropertyValue('--grid').trim() };
applyChartDefaults(Chart, theme);

// The page placed a canvas for every chart (charts/kinds.ts); chart.js reports one it cannot find on the console. Of a
// canvas's variants, the primary one is drawn first.
const byCanvas = new Map<string, ChartSpec[]>();
for (const spec of chartConfigs(data, theme)) byCanvas.set(spec.id, [...(byCanvas.get(spec.id) ?? []), spec]);
byCanvas.forEach((specs, id) => {
  const canvas = document.getElementById(id);
  let chart = new Chart(canvas, (specs.find((s) => s.variant?.primary) ?? specs[0]!).config);
  const select = document.getElementById(id + '-variant') as HTMLSelectElement | null;
  select?.addEventListener('change', () => {
    const spec = specs.find((s) => s.variant?.value === select.value);
    if (!spec) return;
    chart.destroy();
    chart = new Chart(canvas, spec.config);
  });
});

// Run tables: keep the rows whose text contains every word typed in the filter box.
document.querySelectorAll<HTMLInputElement>('input[id^="filter-"]').forEach((input) => {
  const rows = Array.from((document.getElementById('runs-' + input.id.slice('filter-'.length)) as HTMLTableElement).tBodies[0]!.rows);
  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    rows.forEach((row) => {
      const text = row.textContent!.toLowerCase();
      row.hidden = !words.every((w) => text.includes(w));
    });
  });
});
