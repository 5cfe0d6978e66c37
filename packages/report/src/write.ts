import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportData } from './data.js';
import { renderHtmlReport, type HtmlReportInput } from './html.js';
import { renderSummaryMarkdown } from './markdown.js';
import { writeChartPngs } from './png.js';
import { renderSummaryJson } from './summary-json.js';

export interface WrittenReport {
  /** dir/index.html */
  html: string;
  /** dir/summary.md */
  markdown: string;
  /** The PNG files written under dir/charts/ (empty when PNGs were not asked for or there is no chart). */
  pngs: string[];
}

/**
 * Writes the report as dir/index.html, with the leaderboard as dir/summary.md, the aggregated numbers as
 * dir/summary.json and, unless png is false, every chart as dir/charts/<chart>.png (creating dir; PNGs left from an
 * earlier rendering are removed first).
 */
export function writeHtmlReport(dir: string, input: HtmlReportInput, options: { png?: boolean } = {}): WrittenReport {
  mkdirSync(dir, { recursive: true });
  const data = input.data ?? reportData(input.records, input.localEntropy);
  const html = join(dir, 'index.html');
  writeFileSync(html, renderHtmlReport({ ...input, data }));
  const markdown = join(dir, 'summary.md');
  writeFileSync(markdown, renderSummaryMarkdown(input.title, input.records, input.differences));
  writeFileSync(join(dir, 'summary.json'), renderSummaryJson(input.title, input.records));
  const chartsDir = join(dir, 'charts');
  let stale: string[] = [];
  try {
    stale = readdirSync(chartsDir).filter((f) => f.endsWith('.png'));
  } catch {
    // No charts directory yet.
  }
  for (const file of stale) rmSync(join(chartsDir, file));
  const pngs = options.png === false ? [] : writeChartPngs(chartsDir, data).map((file) => join(chartsDir, file));
  return { html, markdown, pngs };
}
