import { isDecimalNumber, type InstanceSpec, type ProblemName } from '@densebench/core';
import { specProblem, usesK } from '@densebench/problems';

/** One run of the plan: a plugin on one generated instance, with resolved parameters. */
export interface RunSpec {
  id: string;
  plugin: string;
  params: Record<string, unknown>;
  instance: InstanceSpec;
}

export interface PlanInput {
  /** Each plugin with its parameters and, optionally, the sizes (of ns) it runs at. */
  plugins: readonly { name: string; params: Record<string, unknown>; ns?: readonly number[] }[];
  problem: ProblemName;
  ns: readonly number[];
  alphas: readonly number[];
  /** Clause size for K-SAT, hidden units for committee machines; ignored for other problems. */
  k: number;
  seeds: readonly number[];
}

export function runId(plugin: string, spec: InstanceSpec): string {
  const k = spec.k === null ? '' : `/k${spec.k}`;
  return `${plugin}/${spec.problem}/n${spec.n}${k}/a${spec.alpha}/s${spec.seed}`;
}

/**
 * The plan: every plugin × N × α × seed (a plugin given sizes, at those N only). Ordered by N, then α, then seed, then plugin, so that a partial
 * sweep covers the α range evenly and plugins are compared on the same instances as it goes.
 */
export function buildPlan(input: PlanInput): RunSpec[] {
  for (const plugin of input.plugins) {
    const stray = plugin.ns?.filter((n) => !input.ns.includes(n)) ?? [];
    if (stray.length) throw new Error(`plugin ${plugin.name}: its sizes ${stray.join(', ')} are not among the study's N (${input.ns.join(', ')})`);
  }
  const runs: RunSpec[] = [];
  const k = usesK(input.problem) ? input.k : null;
  for (const n of input.ns) {
    for (const alpha of input.alphas) {
      for (const seed of input.seeds) {
        const instance: InstanceSpec = { problem: input.problem, n, alpha, k, seed };
        const problem = specProblem(instance);
        if (problem) throw new Error(problem);
        for (const plugin of input.plugins) {
          if (plugin.ns && !plugin.ns.includes(n)) continue;
          runs.push({ id: runId(plugin.name, instance), plugin: plugin.name, params: plugin.params, instance });
        }
      }
    }
  }
  return runs;
}

/**
 * Shard `index` of `count` (1-based): every count-th run of the plan, starting at run `index`. The plan is ordered
 * by N, α, seed and plugin, so each shard gets the same number of runs (±1) spread evenly across α and N, and the
 * shards together are exactly the plan.
 */
export function shardPlan<T>(plan: readonly T[], index: number, count: number): T[] {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 1 || index > count) {
    throw new Error(`--shard ${index}/${count}: expected i/n with 1 ≤ i ≤ n`);
  }
  return plan.filter((_, position) => position % count === index - 1);
}

/** Parses --shard "i/n" (decimal digits only). */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new Error(`--shard "${text}": expected i/n, e.g. 2/4`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count)) throw new Error(`--shard "${text}": "${match[2]}" is beyond the largest safe integer (${Number.MAX_SAFE_INTEGER})`);
  if (count < 1 || index < 1 || index > count) throw new Error(`--shard "${text}": expected 1 ≤ i ≤ n`);
  return { index, count };
}

/** The most values a list option (--n, --seeds, --sizes) may expand to; --alpha and --gammas take at most ALPHA_LIST_MAX. */
const LIST_MAX = 100_000;
const ALPHA_LIST_MAX = 10_000;

/** Rounds away binary noise from a + i·step (0.30000000000000004 → 0.3). */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}

function parseNumber(item: string, what: string, whole: string): number {
  const text = item.trim();
  if (text === '') throw new Error(`${what} "${whole}": empty item (a stray comma or colon?)`);
  if (!isDecimalNumber(text)) throw new Error(`${what} "${whole}": "${text}" is not a decimal number`);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${what} "${whole}": "${text}" is too large to be a finite number`);
  return value;
}

function parseWhole(item: string, what: string, whole: string): number {
  const value = parseNumber(item, what, whole);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${what} "${whole}": ${value} is not a non-negative integer`);
  if (!Number.isSafeInteger(value)) throw new Error(`${what} "${whole}": "${item.trim()}" is beyond the largest safe integer (${Number.MAX_SAFE_INTEGER})`);
  return value + 0; // "-0" is the seed 0, not −0
}

/** Throws before a list of `count` values is allocated when it would pass `max` (with the `already` values before it). */
function checkCount(count: number, already: number, max: number, what: string, whole: string): void {
  if (count + already <= max) return;
  const total = count + already;
  const shown = Number.isSafeInteger(total) ? String(total) : `more than ${max}`;
  throw new Error(`${what} "${whole}": ${shown} values is too many (at most ${max})`);
}

/**
 * Parses --alpha: comma-separated items, each a value "0.5", a range "a:b" (step 0.05) or "a:b:step".
 * Returns the sorted union without duplicates. Other positive lists (local-entropy's --gammas) name their option and symbol.
 */
export function parseAlphaList(text: string, defaultStep = 0.05, what = '--alpha', symbol = 'α'): number[] {
  text = String(text);
  const values: number[] = [];
  for (const item of text.split(',')) {
    if (!item.includes(':')) {
      checkCount(1, values.length, ALPHA_LIST_MAX, what, text);
      values.push(parseNumber(item, what, text));
      continue;
    }
    const parts = item.split(':');
    if (parts.length > 3) throw new Error(`${what} "${text}": expected a:b or a:b:step, got "${item.trim()}"`);
    const a = parseNumber(parts[0]!, what, text);
    const b = parseNumber(parts[1]!, what, text);
    const step = parts.length === 3 ? parseNumber(parts[2]!, what, text) : defaultStep;
    if (!(step > 0)) throw new Error(`${what} "${text}": step must be positive, got ${step}`);
    if (b < a) throw new Error(`${what} "${text}": the end ${b} is below the start ${a}`);
    const count = Math.floor((b - a) / step + 1e-9) + 1;
    checkCount(count, values.length, ALPHA_LIST_MAX, what, text);
    for (let i = 0; i < count; i++) values.push(clean(a + i * step));
  }
  for (const v of values) if (!(v > 0)) throw new Error(`${what} "${text}": ${symbol} must be positive, got ${v}`);
  return [...new Set(values)].sort((x, y) => x - y);
}

/**
 * Parses a list of non-negative integers: comma-separated items, each a value "201" or a range "101:501" (step 1)
 * or "101:501:100". Returns the values in the order given, without duplicates, at most LIST_MAX of them.
 */
export function parseIntegerList(text: string, what: string): number[] {
  text = String(text);
  const values: number[] = [];
  for (const item of text.split(',')) {
    if (!item.includes(':')) {
      checkCount(1, values.length, LIST_MAX, what, text);
      values.push(parseWhole(item, what, text));
      continue;
    }
    const parts = item.split(':');
    if (parts.length > 3) throw new Error(`${what} "${text}": expected a:b or a:b:step, got "${item.trim()}"`);
    const a = parseWhole(parts[0]!, what, text);
    const b = parseWhole(parts[1]!, what, text);
    const step = parts.length === 3 ? parseWhole(parts[2]!, what, text) : 1;
    if (step < 1) throw new Error(`${what} "${text}": step must be positive, got ${step}`);
    if (b < a) throw new Error(`${what} "${text}": the end ${b} is below the start ${a}`);
    const count = Math.floor((b - a) / step) + 1;
    checkCount(count, values.length, LIST_MAX, what, text);
    for (let i = 0; i < count; i++) values.push(a + i * step);
  }
  return [...new Set(values)];
}

/** --seeds: a count "10" means seeds 1..10; a list "3,5,8" or a range "1:20" gives those seeds. */
export function parseSeeds(text: string): number[] {
  const trimmed = String(text).trim();
  if (/^\d+$/.test(trimmed)) {
    const count = parseWhole(trimmed, '--seeds', String(text));
    if (count < 1) throw new Error(`--seeds "${text}": the count must be at least 1`);
    checkCount(count, 0, LIST_MAX, '--seeds', String(text));
    return Array.from({ length: count }, (_, i) => i + 1);
  }
  return parseIntegerList(String(text), '--seeds');
}
