import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderHtmlReport, type HtmlReportInput } from './html.js';

/** Writes the report as dir/index.html (creating dir) and returns that path. */
export function writeHtmlReport(dir: string, input: HtmlReportInput): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'index.html');
  writeFileSync(path, renderHtmlReport(input));
  return path;
}
