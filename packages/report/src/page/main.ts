// The report page's script: draws every chart on its canvas (the same configurations as the PNGs, themed by the page's
// CSS, light or dark) and wires the run-table filters. chart.js is inlined before it as the global `Chart`.
import { applyChartDefaults, chartConfigs, type ChartConfig, type ChartJsLike, type ChartTheme } from '../charts/index.js';
import type { ReportData } from '../data.js';

declare const Chart: ChartJsLike & (new (canvas: HTMLElement | null, config: ChartConfig) => unknown);

const data = JSON.parse(document.getElementById('densebench-data')!.textContent!) as ReportData;
const css = getComputedStyle(document.documentElement);
const theme: ChartTheme = { fg: css.getPropertyValue('--fg').trim(), grid: css.getPropertyValue('--grid').trim() };
applyChartDefaults(Chart, theme);
// The page placed a canvas for every chart (charts/kinds.ts); chart.js reports one it cannot find on the console.
for (const spec of chartConfigs(data, theme)) new Chart(document.getElementById(spec.id), spec.config);

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
