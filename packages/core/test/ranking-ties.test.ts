// Entries whose 95% intervals overlap are not ranked apart: identical results tie, and so do overlapping ones that no
// third entry separates.
import { expect, it } from 'vitest';
import { rankByIntervals } from '../src/ranking.js';
import { wilsonInterval } from '../src/stats.js';

const rate = (plugin: string, solved: number, runs: number) => ({ plugin, estimate: solved / runs, ...wilsonInterval(solved, runs) });

it('ties identical results (walksat and fms, both 16/18)', () => {
  const ranked = rankByIntervals([rate('walksat', 16, 18), rate('fms', 16, 18)]);
  expect(ranked.map((r) => [r.entry.plugin, r.rank, r.tied])).toEqual([['walksat', 1, true], ['fms', 1, true]]);
  expect(ranked.map((r) => [r.bestRank, r.worstRank])).toEqual([[1, 2], [1, 2]]);
});

it('ties overlapping intervals, even with different estimates, and touching ones', () => {
  // 16/18 = 0.89 [0.67, 0.97] and 12/18 = 0.67 [0.44, 0.84] overlap: a tie, listed by estimate.
  const ranked = rankByIntervals([rate('sa', 12, 18), rate('fms', 16, 18)]);
  expect(ranked.map((r) => [r.entry.plugin, r.rank])).toEqual([['fms', 1], ['sa', 1]]);
  const touching = rankByIntervals([{ estimate: 1, lo: 0, hi: 2 }, { estimate: 3, lo: 2, hi: 4 }]);
  expect(touching.map((r) => r.rank)).toEqual([1, 1]);
});

it('ties entries with unbounded or undefined ends to everything they overlap', () => {
  const ranked = rankByIntervals([
    { name: 'bounded', estimate: 4.2, lo: 4.1, hi: 4.3 },
    { name: 'above the range', estimate: Number.POSITIVE_INFINITY, lo: 4.25, hi: Number.POSITIVE_INFINITY },
    { name: 'unknown', estimate: Number.NaN, lo: Number.NaN, hi: Number.NaN },
  ]);
  expect(ranked.map((r) => [r.entry.name, r.rank])).toEqual([['above the range', 1], ['bounded', 1], ['unknown', 1]]);
});
