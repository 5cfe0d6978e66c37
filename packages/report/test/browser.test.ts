// The report in a real browser: headless Chromium (Debian `chromium`, driven by playwright-core) opens index.html from
// disk, every chart canvas must be drawn, the console must stay free of errors, and a screenshot is saved under
// test-output/ for a person to look at.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assertRunRecord, type RunRecord, type RunStatus } from '@densebench/core';
import { renderHtmlReport } from '../src/html.js';

const CHROMIUM = process.env.DENSEBENCH_CHROMIUM ?? '/usr/bin/chromium';
const OUTPUT = fileURLToPath(new URL('../../../test-output/', import.meta.url));

function record(plugin: string, problem: RunRecord['problem'], alpha: number, seed: number, status: RunStatus, extra: Partial<RunRecord> = {}): RunRecord {
  const solved = status === 'solved';
  const n = problem === 'mnist' ? 784 : 201;
  return {
    schema: 1, id: `${plugin}|${problem}|${n}|null|${alpha}|${seed}`, plugin, pluginVersion: '1.0.0', params: {}, problem, n, alpha, k: null, seed,
    instanceHash: (seed + 1).toString(16).padStart(64, '0'), status, energy: solved ? 0 : 4, wallTimeMs: 100 * (seed + 1) * (1 + alpha),
    work: 1000 * (seed + 1), workUnit: 'sweeps', timeLimitS: 10, testError: null, teacherOverlap: null, message: null, info: null, trace: null,
    harnessVersion: '0.1.0', node: 'v20', cpu: 'Test CPU', commit: null, startedAt: '2026-01-01T00:00:00.000Z', ...extra,
  };
}

/** Runs that exercise every chart: success, time, flip flatness, test error with the theory line, noise flatness. */
function fixtureRecords(): RunRecord[] {
  const out: RunRecord[] = [];
  for (const plugin of ['sa', 'fbp']) {
    for (const alpha of [0.3, 0.5, 0.7]) {
      for (let seed = 0; seed < 4; seed++) {
        const solved = seed < (plugin === 'fbp' ? 4 : 4 - Math.round(alpha * 5));
        out.push(record(plugin, 'perceptron', alpha, seed, solved ? 'solved' : 'unsolved', { flatness: [[0.01, 0.01 * alpha], [0.1, 0.1 * alpha]] }));
        out.push(record(plugin, 'teacher-student', alpha * 2, seed, solved ? 'solved' : 'unsolved', { testError: 0.4 - 0.1 * alpha + 0.01 * seed, teacherOverlap: 0.3 + 0.2 * alpha }));
      }
    }
  }
  // A second size for the perceptron, so that the α₅₀-vs-N chart is drawn.
  for (const plugin of ['sa', 'fbp']) {
    for (const alpha of [0.3, 0.5, 0.7]) {
      for (let seed = 0; seed < 4; seed++) {
        const solved = seed < (plugin === 'fbp' ? 4 - Math.round(alpha * 2) : 4 - Math.round(alpha * 6));
        out.push({ ...record(plugin, 'perceptron', alpha, seed, solved ? 'solved' : 'unsolved'), n: 401, id: `${plugin}|perceptron|401|${alpha}|${seed}` });
      }
    }
  }
  for (const plugin of ['sgd', 'entropy-sgd']) {
    for (const alpha of [2.5, 5]) {
      for (let seed = 0; seed < 2; seed++) {
        out.push(record(plugin, 'mnist', alpha, seed, 'unsolved', { energy: 50, testError: 0.1 / alpha, flatness: [[0.1, 0.02], [1, 0.3]], flatnessMeasure: 'noise' }));
      }
    }
  }
  for (const r of out) assertRunRecord(r);
  return out;
}

describe.skipIf(!existsSync(CHROMIUM) && process.env.CI !== 'true')('the HTML report in headless Chromium', () => {
  it('draws every chart from disk with no network and no console error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'densebench-report-'));
    const page = join(dir, 'index.html');
    writeFileSync(page, renderHtmlReport({ title: 'Browser check', records: fixtureRecords() }));
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
      // Rate, time and ECDF charts for the two perceptron sizes and teacher-student (not for the mnist data set);
      // flatness for the first perceptron size (the second recorded none) and mnist; test error for teacher-student and
      // mnist; α₅₀ vs N for the perceptron.
      const kinds = canvases.map((c) => c.id.replace(/-\d+$/, '')).sort();
      expect(kinds).toEqual(['ecdf', 'ecdf', 'ecdf', 'flat', 'flat', 'gen', 'gen', 'rate', 'rate', 'rate', 'time', 'time', 'time', 'trend']);
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
