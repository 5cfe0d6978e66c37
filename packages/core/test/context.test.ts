import { describe, expect, it } from 'vitest';
import { createSolveContext, Rng, standaloneContext } from '../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    await sleep(40);
    expect(ctx.shouldStop()).toBe(true);
  });

  it('aborts its signal once the deadline has passed, without being polled', async () => {
    const ctx = standaloneContext('a', 20);
    const aborted = new Promise<number>((resolve) => ctx.signal.addEventListener('abort', () => resolve(performance.now()), { once: true }));
    expect(ctx.signal.aborted).toBe(false);
    const at = await Promise.race([aborted, sleep(2000).then(() => Number.NaN)]);
    expect(at).toBeGreaterThanOrEqual(ctx.deadline);
    expect(ctx.signal.aborted).toBe(true);
    expect((ctx.signal.reason as Error).message).toBe('time limit reached');
  });

  it('never aborts its signal without a time limit', async () => {
    const ctx = standaloneContext('a');
    await sleep(20);
    expect(ctx.shouldStop()).toBe(false);
    expect(ctx.signal.aborted).toBe(false);
  });
});

describe('createSolveContext', () => {
  it('reads the deadline on the clock it is given, aborts at the first poll past it, and reports each poll', () => {
    let time = 0;
    const polls: number[] = [];
    const { ctx, dispose } = createSolveContext({ rng: new Rng('x'), deadline: 10, now: () => time, onPoll: (t) => polls.push(t) });
    try {
      time = 9;
      expect(ctx.shouldStop()).toBe(false);
      expect(ctx.signal.aborted).toBe(false);
      time = 10;
      expect(ctx.shouldStop()).toBe(true);
      expect(ctx.signal.aborted).toBe(true);
      expect(polls).toEqual([9, 10]);
    } finally {
      dispose();
    }
  });

  it('aborts at once when the deadline has already passed', () => {
    const { ctx } = createSolveContext({ rng: new Rng('x'), deadline: performance.now() - 1 });
    expect(ctx.signal.aborted).toBe(true);
    expect(ctx.shouldStop()).toBe(true);
  });

  it('hands progress and log messages to its hooks, and drops them without hooks', () => {
    const seen: unknown[] = [];
    const { ctx } = createSolveContext({ rng: new Rng('x'), deadline: Number.POSITIVE_INFINITY, onProgress: (w, e) => seen.push([w, e]), onLog: (m) => seen.push(m) });
    ctx.progress(3, 1);
    ctx.log('hello');
    expect(seen).toEqual([[3, 1], 'hello']);
    const quiet = createSolveContext({ rng: new Rng('x'), deadline: Number.POSITIVE_INFINITY }).ctx;
    expect(() => {
      quiet.progress(1, 0);
      quiet.log('dropped');
    }).not.toThrow();
  });

  it('stops its timer when disposed', async () => {
    const { ctx, dispose } = createSolveContext({ rng: new Rng('x'), deadline: performance.now() + 20 });
    dispose();
    await sleep(50);
    expect(ctx.signal.aborted).toBe(false);
    expect(ctx.shouldStop()).toBe(true);
  });
});
