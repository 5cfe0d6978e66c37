import { describe, expect, it } from 'vitest';
import { BestConfiguration } from '../src/index.js';

describe('BestConfiguration keeps the lowest-energy configuration offered', () => {
  it('starts empty at +∞ and keeps a copy, not the array offered', () => {
    const best = new BestConfiguration(3);
    expect(best.energy).toBe(Number.POSITIVE_INFINITY);
    expect([...best.configuration]).toEqual([0, 0, 0]);
    const offered = Int8Array.of(1, -1, 1);
    expect(best.offer(offered, 4)).toBe(true);
    offered[0] = -1;
    expect([...best.configuration]).toEqual([1, -1, 1]);
    expect(best.energy).toBe(4);
  });

  it('with ties "first" (the default) keeps the first of equal energies and ignores higher ones', () => {
    const best = new BestConfiguration(2);
    expect(best.offer(Int8Array.of(1, 1), 3)).toBe(true);
    expect(best.offer(Int8Array.of(-1, 1), 3)).toBe(false);
    expect(best.offer(Int8Array.of(-1, -1), 5)).toBe(false);
    expect([...best.configuration]).toEqual([1, 1]);
    expect(best.offer(Int8Array.of(1, -1), 2)).toBe(true);
    expect([...best.configuration]).toEqual([1, -1]);
    expect(best.energy).toBe(2);
  });

  it('with ties "last" keeps the last of equal energies and still ignores higher ones', () => {
    const best = new BestConfiguration(2, 'last');
    expect(best.offer(Int8Array.of(1, 1), 3)).toBe(true);
    expect(best.offer(Int8Array.of(-1, 1), 3)).toBe(true);
    expect(best.offer(Int8Array.of(-1, -1), 5)).toBe(false);
    expect([...best.configuration]).toEqual([-1, 1]);
    expect(best.energy).toBe(3);
  });
});
