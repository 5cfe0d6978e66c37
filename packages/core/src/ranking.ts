// Ranking with ties: entries are ordered only where their 95% intervals separate.
//
// The order. A beats B when A's whole interval lies on the better side of B's (higher is better: A.lo > B.hi; lower is
// better: A.hi < B.lo). Touching or overlapping intervals are not separated. This is the interval order (Fishburn,
// Interval Orders and Interval Graphs, Wiley 1985): a strict partial order, and transitive — if A.lo > B.hi and
// B.lo > C.hi then A.lo > B.hi ≥ B.lo > C.hi. Non-overlap of two 95% intervals is a conservative test of a difference
// (Schenker & Gentleman, Am. Stat. 55, 182 (2001): about p < 0.006 for equal widths), the same one `compare` uses.
//
// The rank. "Overlap" itself is not transitive (A overlaps B, B overlaps C, A may beat C), so "overlapping entries share
// a rank" cannot hold for every pair; merging every chain of overlaps would tie whole leaderboards. We use competition
// ranking on the partial order instead:
//
//   rank(A) = 1 + #{B : B beats A},
//
// which is transitive in the sense that matters: if A beats B then rank(A) < rank(B) (everything that beats A also
// beats B, and A does too); entries with equal intervals get equal ranks (identical 16/18 vs 16/18 tie); an entry that
// nothing beats ranks 1. Entries sharing a rank are shown as ties. Alongside it, each entry's rank range — the best and
// worst place it could take in a total order consistent with the intervals:
//
//   bestRank(A) = 1 + #{B : B beats A},   worstRank(A) = #entries − #{B : A beats B}.

/** An estimate with its interval; NaN ends count as unbounded. */
export interface IntervalEstimate {
  estimate: number;
  lo: number;
  hi: number;
}

export interface RankedEntry<T> {
  entry: T;
  /** Position of the entry in the input. */
  index: number;
  /** 1 + the number of entries whose interval lies entirely on the better side of this one's. */
  rank: number;
  /** The best and worst places consistent with the intervals (bestRank = rank). */
  bestRank: number;
  worstRank: number;
  /** Another entry has the same rank. */
  tied: boolean;
}

/**
 * Competition ranking on the interval order: rank = 1 + the number of entries whose interval lies entirely on the
 * better side (higher: lo > this hi; lower: hi < this lo). Overlapping or touching intervals are not separated, equal
 * intervals tie. Sorted by rank, then by estimate (better first, NaN last), then input order. References: Fishburn
 * (1985) for interval orders; Schenker & Gentleman, Am. Stat. 55, 182 (2001) on what non-overlap means.
 */
export function rankByIntervals<T extends IntervalEstimate>(entries: readonly T[], options: { better?: 'higher' | 'lower' } = {}): RankedEntry<T>[] {
  const higher = (options.better ?? 'higher') === 'higher';
  const lo = entries.map((e) => (Number.isNaN(e.lo) ? Number.NEGATIVE_INFINITY : e.lo));
  const hi = entries.map((e) => (Number.isNaN(e.hi) ? Number.POSITIVE_INFINITY : e.hi));
  const beats = (a: number, b: number): boolean => (higher ? lo[a]! > hi[b]! : hi[a]! < lo[b]!);
  const count = entries.length;
  const ranked = entries.map((entry, index) => {
    let above = 0;
    let below = 0;
    for (let other = 0; other < count; other++) {
      if (other === index) continue;
      if (beats(other, index)) above++;
      if (beats(index, other)) below++;
    }
    return { entry, index, rank: 1 + above, bestRank: 1 + above, worstRank: count - below, tied: false };
  });
  const rankCounts = new Map<number, number>();
  for (const r of ranked) rankCounts.set(r.rank, (rankCounts.get(r.rank) ?? 0) + 1);
  for (const r of ranked) r.tied = rankCounts.get(r.rank)! > 1;
  const key = (e: T): number => (Number.isNaN(e.estimate) ? Number.NEGATIVE_INFINITY : higher ? e.estimate : -e.estimate);
  return ranked.sort((a, b) => a.rank - b.rank || compareDescending(key(a.entry), key(b.entry)) || a.index - b.index);
}

/** Descending order that treats equal infinities as equal (∞ − ∞ is NaN). */
function compareDescending(a: number, b: number): number {
  return a === b ? 0 : b > a ? 1 : -1;
}
