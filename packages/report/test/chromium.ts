// Opening a rendered report in headless Chromium (Debian `chromium`, driven by playwright-core), from disk and offline,
// collecting console errors, warnings, page errors and failed requests; shared by the browser tests.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.DENSEBENCH_CHROMIUM ?? '/usr/bin/chromium';
/** Skip browser tests where Chromium is missing, except in CI (which installs it and must not skip). */
export const chromiumMissing = !existsSync(CHROMIUM) && process.env.CI !== 'true';

/** Writes the page to a scratch directory, opens it, and hands the tab and the problems seen so far to `use`. */
export async function withReportPage<T>(html: string, use: (tab: Page, problems: string[]) => Promise<T>): Promise<T> {
  const page = join(mkdtempSync(join(tmpdir(), 'densebench-report-')), 'index.html');
  writeFileSync(page, html);
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
    return await use(tab, problems);
  } finally {
    await browser.close();
  }
}

/** Each canvas of the page: its id, its width and how many of its pixels were painted (axes, labels and data). */
export function paintedCanvases(tab: Page): Promise<{ id: string; width: number; painted: number }[]> {
  return tab.evaluate(() =>
    Array.from(document.querySelectorAll('canvas')).map((canvas) => {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
      return { id: canvas.id, width: canvas.width, painted };
    }),
  );
}
