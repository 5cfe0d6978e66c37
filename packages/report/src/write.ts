import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtmlReport, type HtmlReportInput } from './html.js';
import { renderSummaryMarkdown } from './markdown.js';
import { renderSummaryJson } from './summary-json.js';

/**
 * Writes the report as dir/index.html, with the leaderboard as dir/summary.md and the aggregated numbers as
 * dir/summary.json (creating dir); returns the HTML path.
 */
export function writeHtmlReport(dir: string, input: HtmlReportInput): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'index.html');
  writeFileSync(path, renderHtmlReport(input));
  writeFileSync(join(dir, 'summary.md'), renderSummaryMarkdown(input.title, input.records));
  writeFileSync(join(dir, 'summary.json'), renderSummaryJson(input.title, input.records));
  return path;
}
