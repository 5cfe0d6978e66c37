// The report in a real browser: headless Chromium (Debian `chromium`, driven by playwright-core) opens index.html from
// disk, every chart canvas must be drawn, the console must stay free of errors, and a screenshot is saved under
// test-output/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../src/html.js';
import { fixtureLocalEntropy, fixtureRecords } from './fixtures.js';

const CHROMIUM = process.env.DENSEBENCH_CHROMIUM ?? '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../../test-output/', import.meta.url));

describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('the HTML report in headless Chromium', () => {
  it('draws every chart from disk with no network and no console error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'densebench-report-'));
    const page = join(dir, 'index.html');
    writeFileSync(page, renderHtmlReport({ title: 'Browser check', records: fixtureRecords(), localEntropy: fixtureLocalEntropy() }));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
      const tab = await context.newPage();
      const problems: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
      });
      tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      tab.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
      await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
      // Each canvas: its id, and whether any pixel was painted (chart.js draws axes, labels and data).
      const canvases = await tab.evaluate(() =>
        Array.from(document.querySelectorAll('canvas')).map((canvas) => {
          const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
          return { id: canvas.id, width: canvas.width, painted };
        }),
      );
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
      // mnist; α₅₀ vs N and median time and work vs N for the perceptron; the local entropy of teacher-student at α = 0.6.
      const kinds = canvases.map((c) => c.id.replace(/-\d+$/, '')).sort();
      expect(kinds).toEqual(['cost', 'costwork', 'ecdf', 'ecdf', 'ecdf', 'flat', 'flat', 'gen', 'gen', 'lent', 'rate', 'rate', 'rate', 'time', 'time', 'time', 'trend', 'work', 'work', 'work']);
      for (const c of canvases) {
        expect(c.width, c.id).toBeGreaterThan(100);
        expect(c.painted, `${c.id} has no painted pixel`).toBeGreaterThan(1000);
      }
      expect(existsSync(join(OUTPUT, 'report.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
