// Every result set committed under docs/result-sets (the numbers behind docs/findings.md and docs/performance.md):
// valid records, and a report that opens in headless Chromium with every chart drawn and no console error.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertLocalEntropyRecord, assertRunRecord, LOCAL_ENTROPY_FILE, type LocalEntropyRecord, type RunRecord } from '@densebench/core';
import { renderHtmlReport } from '../src/html.js';
import { reportData } from '../src/data.js';
import { chromiumMissing, paintedCanvases, withReportPage } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../../docs/result-sets/', import.meta.url));
const sets = readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

function lines<T>(path: string, check: (value: unknown, where: string) => asserts value is T): T[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l, i) => {
    const value: unknown = JSON.parse(l);
    check(value, `${path}:${i + 1}`);
    return value;
  });
}

describe('the committed result sets', () => {
  it('are there', () => {
    expect(sets.length).toBeGreaterThan(0);
  });

  describe.skipIf(chromiumMissing).each(sets)('%s', (name) => {
    it('has valid records and a report whose every chart draws in Chromium', async () => {
      const records = lines<RunRecord>(join(ROOT, name, 'runs.jsonl'), assertRunRecord);
      const localEntropy = lines<LocalEntropyRecord>(join(ROOT, name, LOCAL_ENTROPY_FILE), assertLocalEntropyRecord);
      expect(records.length).toBeGreaterThan(0);
      const data = reportData(records, localEntropy);
      expect(data.localEntropy.length > 0).toBe(localEntropy.length > 0);
      await withReportPage(renderHtmlReport({ title: name, records, localEntropy, data }), async (tab, problems) => {
        const canvases = await paintedCanvases(tab);
        expect(problems).toEqual([]);
        expect(canvases.length).toBeGreaterThan(0);
        for (const c of canvases) expect(c.painted, `${name}: ${c.id} has no painted pixel`).toBeGreaterThan(1000);
      });
    }, 60_000);
  });
});
