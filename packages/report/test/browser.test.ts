// The report in a real browser: headless Chromium (Debian `chromium`, driven by playwright-core) opens index.html from
// disk, every chart canvas must be drawn, the console must stay free of errors, and a screenshot is saved under
// test-output/ for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chartConfigs } from '../src/charts/index.js';
import { reportData } from '../src/data.js';
import { renderHtmlReport } from '../src/html.js';
import { CHART_THEME, chartSvg } from '../src/render.js';
import { chromiumMissing, paintedCanvases, withReportPage } from './chromium.js';
import { fixtureLocalEntropy, fixtureRecords } from './fixtures.js';

const OUTPUT = fileURLToPath(new URL('../../../test-output/', import.meta.url));

describe.skipIf(chromiumMissing)('the HTML report in headless Chromium', () => {
  it('draws every chart from disk with no network and no console error', async () => {
    const html = renderHtmlReport({ title: 'Browser check', records: fixtureRecords(), localEntropy: fixtureLocalEntropy() });
    await withReportPage(html, async (tab, problems) => {
      const canvases = await paintedCanvases(tab);
      // The run table's filter keeps the rows containing every typed word.
      const perceptronTable = await tab.evaluate(() => {
        const table = Array.from(document.querySelectorAll('table[id^="runs-"]')).find((t) => t.textContent!.includes('fbp') && t.textContent!.includes('0.7'))!;
        return table.id;
      });
      const index = perceptronTable.slice('runs-'.length);
      await tab.evaluate((i) => (document.getElementById(`filter-${i}`)!.closest('details') as HTMLDetailsElement).open = true, index);
      await tab.fill(`#filter-${index}`, 'sa unsolved');
      const visible = await tab.evaluate((id) => Array.from((document.getElementById(id) as HTMLTableElement).tBodies[0]!.rows).filter((r) => !r.hidden).map((r) => r.cells[0]!.textContent + ' ' + r.cells[3]!.textContent), perceptronTable);
      expect(visible.length).toBeGreaterThan(0);
      for (const row of visible) expect(row).toBe('sa unsolved');
      mkdirSync(OUTPUT, { recursive: true });
      await tab.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
      expect(problems).toEqual([]);
      // Rate, time, work, TTS₉₉ and ECDF charts for the two perceptron sizes and teacher-student (not for the mnist
      // data set); the anytime curves for the perceptron size whose runs carry traces; flatness for the first perceptron
      // size (the second recorded none) and mnist; test error for teacher-student and mnist; α₅₀ vs N and median time
      // and work vs N for the perceptron; the local entropy of teacher-student at α = 0.6 and the flatness of the same references.
      const kinds = canvases.map((c) => c.id.replace(/-\d+$/, '')).sort();
      expect(kinds).toEqual(['anytime', 'cost', 'costwork', 'ecdf', 'ecdf', 'ecdf', 'flat', 'flat', 'gen', 'gen', 'lent', 'lentflat', 'rate', 'rate', 'rate', 'time', 'time', 'time', 'trend', 'tts', 'tts', 'tts', 'work', 'work', 'work']);
      // The anytime chart swaps to another α from its selector, and still draws (no console error either).
      const anytime = canvases.find((c) => c.id.startsWith('anytime-'))!.id;
      await tab.selectOption(`#${anytime}-variant`, '0.3');
      // (Asked of chart.js, not read back from the canvas: a second readback would warn on the console.)
      const title = await tab.evaluate((id) => (globalThis as unknown as { Chart: { getChart(c: Element): { options: { plugins: { title: { text: string } } } } } }).Chart.getChart(document.getElementById(id)!).options.plugins.title.text, anytime);
      expect(title).toMatch(/^Best energy so far vs work, α = 0\.3 — /);
      expect(problems).toEqual([]);
      // Every chart SVG is a document Chromium parses and renders.
      const svgs = chartConfigs(reportData(fixtureRecords(), fixtureLocalEntropy()), CHART_THEME).slice(0, 4).map((spec) => chartSvg(spec.config).toString('utf8'));
      const parsed = await tab.evaluate((texts) => texts.map((t) => {
        const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
        return doc.getElementsByTagName('parsererror').length === 0 && doc.documentElement.nodeName === 'svg';
      }), svgs);
      expect(parsed).toEqual(svgs.map(() => true));
      for (const c of canvases) {
        expect(c.width, c.id).toBeGreaterThan(100);
        expect(c.painted, `${c.id} has no painted pixel`).toBeGreaterThan(1000);
      }
      expect(existsSync(join(OUTPUT, 'report.png'))).toBe(true);
    });
  }, 60_000);
});
