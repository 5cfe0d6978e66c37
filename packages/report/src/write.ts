import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportData } from './data.js';
import { renderHtmlReport, type HtmlReportInput } from './html.js';
import { renderSummaryMarkdown } from './markdown.js';
import { writeChartFiles, type ChartFileOptions } from './render.js';
import { renderSummaryJson } from './summary-json.js';

export interface WrittenReport {
  /** dir/index.html */
  html: string;
  /** dir/summary.md */
  markdown: string;
  /** The PNG files written under dir/charts/ (empty when PNGs were not asked for or there is no chart). */
  pngs: string[];
  /** The SVG files written under dir/charts/ (empty when SVGs were not asked for or there is no chart). */
  svgs: string[];
}

/**
 * Writes the report as dir/index.html, with the leaderboard as dir/summary.md, the aggregated numbers as
 * dir/summary.json and every chart as dir/charts/<chart>.png and .svg — png: false writes neither (unless svg: true),
 * svg: false no SVG (creating dir; chart files left from an earlier rendering are removed first).
 */
export function writeHtmlReport(dir: string, input: HtmlReportInput, options: ChartFileOptions = {}): WrittenReport {
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
    stale = readdirSync(chartsDir).filter((f) => f.endsWith('.png') || f.endsWith('.svg'));
  } catch {
    // No charts directory yet.
  }
  for (const file of stale) rmSync(join(chartsDir, file));
  const { png, svg } = writeChartFiles(chartsDir, data, options);
  return { html, markdown, pngs: png, svgs: svg };
}
