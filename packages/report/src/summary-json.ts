// summary.json: the aggregated numbers behind every chart and table, for scripts and CI checks. Numbers that are not
// finite are null: an undefined median (half or more of the runs unsolved), an open interval end (α₅₀ beyond the α
// range run; a bootstrap end with too few resampled successes), a TTS₉₉ or ERT without a solved run (its point has
// solved = 0) or with a cost not recorded. Validated against its schema before it is written. Schema 2: α₅₀ from the
// fit of the success curve (schema 1 had the Wilson crossing, now `crossing`), TTS₉₉, ERT, CPU time and the
// finite-size fits.
import { RUN_STATUSES, schemaChecker, type RunRecord } from '@densebench/core';
import { summarize, type CurveSummary } from './aggregate.js';
import { groupCurves, sizeTrends, type FiniteSizeSummary } from './data.js';

/** A plugin's finite-size fit over the sizes of one (problem, K), without the drawn curve. */
export type FiniteSizeJson = { problem: string; k: number | null; plugin: string } & (Omit<Extract<FiniteSizeSummary, { kind: 'fit' }>, 'curve'> | Extract<FiniteSizeSummary, { kind: 'too-few-sizes' }>);

export interface SummaryJson {
  schema: 2;
  title: string;
  runs: number;
  curves: CurveSummary[];
  finiteSize: FiniteSizeJson[];
}

const nullableNumber = { type: ['number', 'null'] } as const;
const interval = { type: 'object', additionalProperties: false, required: ['lo', 'hi'], properties: { lo: nullableNumber, hi: nullableNumber } } as const;
const cost = { type: 'object', additionalProperties: false, required: ['value', 'lo', 'hi'], properties: { value: nullableNumber, lo: nullableNumber, hi: nullableNumber } } as const;
const costs = {
  type: 'object', additionalProperties: false, required: ['timeS', 'work', 'cpuS'],
  properties: { timeS: cost, work: cost, cpuS: { oneOf: [cost, { type: 'null' }] } },
} as const;

export const summaryJsonSchema = {
  $id: 'https://densebench.dev/schema/summary-2.json',
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'title', 'runs', 'curves', 'finiteSize'],
  properties: {
    schema: { const: 2 },
    title: { type: 'string' },
    runs: { type: 'integer', minimum: 0 },
    curves: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['plugin', 'problem', 'n', 'k', 'alpha50Kind', 'alpha50', 'alpha50Lo', 'alpha50Hi', 'alpha50Slope', 'alpha50Compare', 'crossing', 'points'],
        properties: {
          plugin: { type: 'string' },
          problem: { type: 'string' },
          n: { type: 'integer', minimum: 1 },
          k: { type: ['integer', 'null'] },
          alpha50Kind: { enum: ['fit', 'separated'] },
          alpha50: nullableNumber,
          alpha50Lo: nullableNumber,
          alpha50Hi: nullableNumber,
          alpha50Slope: nullableNumber,
          alpha50Compare: interval,
          crossing: { type: 'object', additionalProperties: false, required: ['alpha50', 'lo', 'hi'], properties: { alpha50: nullableNumber, lo: nullableNumber, hi: nullableNumber } },
          points: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              additionalProperties: false,
              required: [
                'plugin', 'problem', 'n', 'k', 'alpha', 'runs', 'solved', 'rate', 'rateLo', 'rateHi', 'medianTimeS', 'medianTimeLoS', 'medianTimeHiS', 'medianWork', 'workUnit', 'par2S',
                'tts99', 'ert', 'cpuWallRatio', 'cpuWallS', 'statusCounts', 'meanTestError', 'testErrorLo', 'testErrorHi', 'meanTeacherOverlap', 'meanTrainError', 'flatness', 'flatnessMeasure', 'flatnessRuns',
              ],
              properties: {
                plugin: { type: 'string' }, problem: { type: 'string' }, n: { type: 'integer' }, k: { type: ['integer', 'null'] },
                alpha: { type: 'number', exclusiveMinimum: 0 }, runs: { type: 'integer', minimum: 1 }, solved: { type: 'integer', minimum: 0 },
                rate: { type: 'number', minimum: 0, maximum: 1 }, rateLo: { type: 'number', minimum: 0, maximum: 1 }, rateHi: { type: 'number', minimum: 0, maximum: 1 },
                medianTimeS: nullableNumber, medianTimeLoS: nullableNumber, medianTimeHiS: nullableNumber, medianWork: nullableNumber, workUnit: { type: 'string' }, par2S: { type: 'number', minimum: 0 },
                tts99: costs, ert: costs, cpuWallRatio: nullableNumber, cpuWallS: { type: 'number', minimum: 0 },
                statusCounts: { type: 'object', additionalProperties: false, required: RUN_STATUSES, properties: Object.fromEntries(RUN_STATUSES.map((s) => [s, { type: 'integer', minimum: 0 }])) },
                meanTestError: nullableNumber, testErrorLo: nullableNumber, testErrorHi: nullableNumber, meanTeacherOverlap: nullableNumber, meanTrainError: nullableNumber,
                flatness: { type: ['array', 'null'], items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
                flatnessMeasure: { enum: ['flip', 'noise'] },
                flatnessRuns: { type: 'integer', minimum: 0 },
              },
            },
          },
        },
      },
    },
    finiteSize: {
      type: 'array',
      items: {
        type: 'object',
        required: ['problem', 'k', 'plugin', 'kind', 'warnings'],
        properties: {
          problem: { type: 'string' }, k: { type: ['integer', 'null'] }, plugin: { type: 'string' }, kind: { enum: ['fit', 'too-few-sizes'] },
          alphaInfinity: { type: 'number' }, lo: nullableNumber, hi: nullableNumber, a: { type: 'number' }, nu: { type: 'number' }, chi2: { type: 'number' }, dof: { type: 'integer' },
          sizes: { oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' } }] },
          warnings: { type: 'array', items: { type: 'string' } },
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

/** The finite-size fits of every (problem, K, plugin) run at three or more sizes. */
function finiteSizeFits(curves: readonly CurveSummary[]): FiniteSizeJson[] {
  return sizeTrends(groupCurves(curves)).flatMap((t) => t.series.flatMap((s): FiniteSizeJson[] => {
    if (s.finiteSize === null) return [];
    if (s.finiteSize.kind === 'too-few-sizes') return [{ problem: t.problem, k: t.k, plugin: s.plugin, ...s.finiteSize }];
    const { curve: _drawn, ...fit } = s.finiteSize;
    return [{ problem: t.problem, k: t.k, plugin: s.plugin, ...fit }];
  }));
}

/** The summary as JSON text (±∞ → null), validated. */
export function renderSummaryJson(title: string, records: readonly RunRecord[]): string {
  const curves = summarize(records);
  const summary: SummaryJson = { schema: 2, title, runs: records.length, curves, finiteSize: finiteSizeFits(curves) };
  const text = JSON.stringify(summary, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
  assertSummaryJson(JSON.parse(text));
  return `${text}\n`;
}
