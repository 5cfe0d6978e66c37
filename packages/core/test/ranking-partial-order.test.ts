// The ranks respect the interval order on random inputs: whatever is separated above an entry ranks strictly better,
// equal intervals rank equally, and each rank lies in its rank range.
import { expect, it } from 'vitest';
import { rankByIntervals } from '../src/ranking.js';
import { Rng } from '../src/rng.js';

it('is consistent with the partial order of non-overlapping intervals', () => {
  const rng = new Rng('ranking-partial-order');
  for (let trial = 0; trial < 300; trial++) {
    const count = 1 + rng.nextInt(8);
    const entries = Array.from({ length: count }, () => {
      // Integer ends so that equal and touching intervals occur often.
      const lo = rng.nextInt(10);
      const hi = lo + rng.nextInt(4);
      return { estimate: (lo + hi) / 2, lo, hi };
    });
    const better = rng.nextInt(2) === 0 ? 'higher' : 'lower';
    const ranked = rankByIntervals(entries, { better });
    const rankOf = new Map(ranked.map((r) => [r.index, r]));
    for (let a = 0; a < count; a++) {
      const ra = rankOf.get(a)!;
      expect(ra.bestRank).toBeLessThanOrEqual(ra.worstRank);
      for (let b = 0; b < count; b++) {
        const A = entries[a]!, B = entries[b]!;
        const aBeatsB = better === 'higher' ? A.lo > B.hi : A.hi < B.lo;
        if (aBeatsB) expect(ra.rank).toBeLessThan(rankOf.get(b)!.rank);
        if (A.lo === B.lo && A.hi === B.hi) expect(ra.rank).toBe(rankOf.get(b)!.rank);
      }
    }
    expect(ranked.map((r) => r.rank)).toEqual([...ranked.map((r) => r.rank)].sort((x, y) => x - y));
  }
});
