// summary.json: the aggregated numbers behind every chart and table, for scripts and CI checks. Undefined medians
// (half or more of the runs unsolved) are null. Validated against its schema before it is written.
import { RUN_STATUSES, schemaChecker, type RunRecord } from '@densebench/core';
import { summarize, type CurveSummary } from './aggregate.js';

export interface SummaryJson {
  schema: 1;
  title: string;
  runs: number;
  curves: CurveSummary[];
}

const nullableNumber = { type: ['number', 'null'] } as const;

export const summaryJsonSchema = {
  $id: 'https://densebench.dev/schema/summary-1.json',
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'title', 'runs', 'curves'],
  properties: {
    schema: { const: 1 },
    title: { type: 'string' },
    runs: { type: 'integer', minimum: 0 },
    curves: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['plugin', 'problem', 'n', 'k', 'alpha50', 'alpha50Lo', 'alpha50Hi', 'points'],
        properties: {
          plugin: { type: 'string' },
          problem: { type: 'string' },
          n: { type: 'integer', minimum: 1 },
          k: { type: ['integer', 'null'] },
          alpha50: nullableNumber,
          alpha50Lo: nullableNumber,
          alpha50Hi: nullableNumber,
          points: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['plugin', 'problem', 'n', 'k', 'alpha', 'runs', 'solved', 'rate', 'rateLo', 'rateHi', 'medianTimeS', 'medianTimeLoS', 'medianTimeHiS', 'medianWork', 'workUnit', 'par2S', 'statusCounts', 'meanTestError', 'testErrorLo', 'testErrorHi', 'meanTeacherOverlap', 'meanTrainError', 'flatness', 'flatnessMeasure'],
              properties: {
                plugin: { type: 'string' }, problem: { type: 'string' }, n: { type: 'integer' }, k: { type: ['integer', 'null'] },
                alpha: { type: 'number', exclusiveMinimum: 0 }, runs: { type: 'integer', minimum: 1 }, solved: { type: 'integer', minimum: 0 },
                rate: { type: 'number', minimum: 0, maximum: 1 }, rateLo: { type: 'number', minimum: 0, maximum: 1 }, rateHi: { type: 'number', minimum: 0, maximum: 1 },
                medianTimeS: nullableNumber, medianTimeLoS: nullableNumber, medianTimeHiS: nullableNumber, medianWork: nullableNumber, workUnit: { type: 'string' }, par2S: { type: 'number', minimum: 0 },
                statusCounts: { type: 'object', additionalProperties: false, required: RUN_STATUSES, properties: Object.fromEntries(RUN_STATUSES.map((s) => [s, { type: 'integer', minimum: 0 }])) },
                meanTestError: nullableNumber, testErrorLo: nullableNumber, testErrorHi: nullableNumber, meanTeacherOverlap: nullableNumber, meanTrainError: nullableNumber,
                flatness: { type: ['array', 'null'], items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
                flatnessMeasure: { enum: ['flip', 'noise'] },
              },
            },
          },
        },
      },
    },
  },
} as const;

const checkSummary: (value: unknown, where: string) => asserts value is SummaryJson = schemaChecker<SummaryJson>(summaryJsonSchema);

/** Validates a parsed summary.json; throws naming the field at fault. */
export function assertSummaryJson(value: unknown, where = 'summary.json'): asserts value is SummaryJson {
  checkSummary(value, where);
}

/** The summary as JSON text (±∞ → null), validated. */
export function renderSummaryJson(title: string, records: readonly RunRecord[]): string {
  const summary: SummaryJson = { schema: 1, title, runs: records.length, curves: summarize(records) };
  const text = JSON.stringify(summary, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
  assertSummaryJson(JSON.parse(text));
  return `${text}\n`;
}
