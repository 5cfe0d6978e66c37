// The report in a real browser: headless Chromium (Debian `chromium`, driven by playwright-core) opens index.html from
// disk, every chart canvas must be drawn, the console must stay free of errors, and a screenshot is saved under
// test-output/ for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../src/html.js';
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
      // Rate, time, work and ECDF charts for the two perceptron sizes and teacher-student (not for the mnist data set);
      // flatness for the first perceptron size (the second recorded none) and mnist; test error for teacher-student and
      // mnist; α₅₀ vs N and median time and work vs N for the perceptron; the local entropy of teacher-student at α = 0.6 and the flatness of the same references.
      const kinds = canvases.map((c) => c.id.replace(/-\d+$/, '')).sort();
      expect(kinds).toEqual(['cost', 'costwork', 'ecdf', 'ecdf', 'ecdf', 'flat', 'flat', 'gen', 'gen', 'lent', 'lentflat', 'rate', 'rate', 'rate', 'time', 'time', 'time', 'trend', 'work', 'work', 'work']);
      for (const c of canvases) {
        expect(c.width, c.id).toBeGreaterThan(100);
        expect(c.painted, `${c.id} has no painted pixel`).toBeGreaterThan(1000);
      }
      expect(existsSync(join(OUTPUT, 'report.png'))).toBe(true);
    });
  }, 60_000);
});
