import { describe, expect, it } from 'vitest';
import { Rng, standaloneContext } from '../src/index.js';

describe('standaloneContext', () => {
  it('seeds its generator from the seed text, like Rng', () => {
    const ctx = standaloneContext('abc');
    const reference = new Rng('abc');
    expect([ctx.rng.nextUint32(), ctx.rng.nextUint32()]).toEqual([reference.nextUint32(), reference.nextUint32()]);
  });

  it('has no deadline by default, and a deadline the given number of ms from now otherwise', async () => {
    expect(standaloneContext('a').shouldStop()).toBe(false);
    const before = performance.now();
    const ctx = standaloneContext('a', 20);
    expect(ctx.deadline).toBeGreaterThanOrEqual(before + 20);
    expect(ctx.shouldStop()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(ctx.shouldStop()).toBe(true);
  });
});
