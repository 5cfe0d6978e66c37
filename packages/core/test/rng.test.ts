import { describe, expect, it } from 'vitest';
import { Rng, stateFromSeedText } from '../src/rng.js';

describe('xoshiro128**', () => {
  it('matches the reference sequence from state (1, 2, 3, 4)', () => {
    // First outputs worked out by hand from the reference algorithm (Blackman & Vigna, xoshiro128starstar.c):
    // out = rotl(s1·5, 7)·9; from (1,2,3,4): rotl(10,7)·9 = 11520; then s1 = 0 → 0; then s1 = 1029 → 5927040.
    const rng = new Rng(Uint32Array.of(1, 2, 3, 4));
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('seeds from the first 16 bytes of SHA-256(text), little-endian', () => {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 …; words read little-endian.
    expect([...stateFromSeedText('abc')]).toEqual([0xbf1678ba, 0xeacf018f, 0xde404141, 0x2322ae5d]);
  });

  it('is deterministic for a seed text and differs between seed texts', () => {
    const a = new Rng('seed-1');
    const b = new Rng('seed-1');
    const c = new Rng('seed-2');
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('nextInt is uniform over [0, n) (chi-square, fixed seed)', () => {
    const rng = new Rng('uniformity');
    const n = 7;
    const draws = 70_000;
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < draws; i++) counts[rng.nextInt(n)]!++;
    const expected = draws / n;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(22.46); // 99.9% quantile of χ² with 6 degrees of freedom
  });

  it('nextFloat stays in [0, 1) and has mean 1/2', () => {
    const rng = new Rng('floats');
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.nextFloat();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    // Standard error of the mean is 1/sqrt(12·10^5) ≈ 0.0009; allow 5 of them.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.0046);
  });

  it('rejects a bad bound, also right after a good one (nextInt keeps its last bound)', () => {
    expect(() => new Rng('x').nextInt(0)).toThrow(/bad bound/);
    const rng = new Rng('x');
    expect(rng.nextInt(5)).toBeLessThan(5);
    expect(() => rng.nextInt(0)).toThrow(/bad bound/);
    expect(() => rng.nextInt(2.5)).toThrow(/bad bound/);
    expect(() => rng.nextInt(2 ** 32 + 1)).toThrow(/bad bound/);
  });

  it('draws x mod n from the first output below the rejection limit, for bounds up to 2^32', () => {
    // Reference: the same outputs, reduced with exact integer arithmetic (BigInt).
    for (const n of [1, 3, 1001, 2 ** 31 - 1, 2 ** 31 + 1, 3 * 2 ** 30, 2 ** 32]) {
      const a = new Rng(`bound:${n}`);
      const b = new Rng(`bound:${n}`);
      const limit = 2n ** 32n - (2n ** 32n % BigInt(n));
      for (let i = 0; i < 200; i++) {
        let x = BigInt(b.nextUint32());
        while (x >= limit) x = BigInt(b.nextUint32());
        expect(a.nextInt(n)).toBe(Number(x % BigInt(n)));
      }
    }
  });
});
