// Entries are ranked apart only where their intervals separate, with competition numbering (1, 1, 3) and rank ranges.
import { expect, it } from 'vitest';
import { rankByIntervals } from '../src/ranking.js';

const entry = (name: string, estimate: number, lo: number, hi: number) => ({ name, estimate, lo, hi });

it('ranks disjoint intervals in order, higher is better by default', () => {
  const ranked = rankByIntervals([entry('c', 1, 0.5, 1.5), entry('a', 5, 4.5, 5.5), entry('b', 3, 2.5, 3.5)]);
  expect(ranked.map((r) => [r.entry.name, r.rank, r.tied, r.bestRank, r.worstRank])).toEqual([
    ['a', 1, false, 1, 1],
    ['b', 2, false, 2, 2],
    ['c', 3, false, 3, 3],
  ]);
});

it('skips the places a tie takes (competition ranking), and ranks lower-is-better measures', () => {
  // Times in seconds: x and y overlap, both beat z.
  const ranked = rankByIntervals([entry('z', 9, 8, 10), entry('x', 1, 0.5, 2), entry('y', 1.5, 1, 3)], { better: 'lower' });
  expect(ranked.map((r) => [r.entry.name, r.rank, r.tied])).toEqual([['x', 1, true], ['y', 1, true], ['z', 3, false]]);
});

it('does not chain overlaps: an entry beaten by a third one ranks below it, with a rank range that says so', () => {
  // A = [0, 2], B = [1, 3], C = [2.5, 4]: C beats A (2.5 > 2); B overlaps both.
  const ranked = rankByIntervals([entry('A', 1, 0, 2), entry('B', 2, 1, 3), entry('C', 3.2, 2.5, 4)]);
  expect(ranked.map((r) => [r.entry.name, r.rank, r.bestRank, r.worstRank])).toEqual([
    ['C', 1, 1, 2],
    ['B', 1, 1, 3],
    ['A', 2, 2, 3],
  ]);
});
