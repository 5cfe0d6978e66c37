import { describe, expect, it } from 'vitest';
import { BestConfiguration, runSearch } from '../src/index.js';
import { ScriptedSearch, scriptedContext } from './scripted-search.js';

const ENERGIES = [5, 4, 6, 3, 2, 7, 1, 8, 9, 4];

describe('runSearch stops at zero energy, at the deadline or when its steps are spent', () => {
  it('takes every step of the budget when nothing stops it, and answers with the lowest energy seen', () => {
    const search = new ScriptedSearch(9, ENERGIES);
    const { ctx } = scriptedContext(search);
    const best = new BestConfiguration(1);
    expect(runSearch(search, best, { steps: 10, progressEvery: 1 }, ctx)).toEqual({ stop: 'budget', steps: 10 });
    expect(search.taken).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Energy 1 first came at step 6, whose configuration holds 7.
    expect(best.energy).toBe(1);
    expect(best.configuration[0]).toBe(7);
  });

  it('stops after the step that reaches zero energy', () => {
    const search = new ScriptedSearch(9, [5, 4, 0, 3, 2]);
    const { ctx } = scriptedContext(search);
    const best = new BestConfiguration(1);
    expect(runSearch(search, best, { steps: 5, progressEvery: 1 }, ctx)).toEqual({ stop: 'solved', steps: 3 });
    expect(search.taken).toEqual([0, 1, 2]);
    expect(best.configuration[0]).toBe(3);
  });

  it('takes no step when the start is already at zero energy, or when a keeper carried over is', () => {
    const solvedStart = new ScriptedSearch(0, ENERGIES);
    expect(runSearch(solvedStart, new BestConfiguration(1), { steps: 10, progressEvery: 1 }, scriptedContext(solvedStart).ctx)).toEqual({ stop: 'solved', steps: 0 });
    expect(solvedStart.taken).toEqual([]);
    const restart = new ScriptedSearch(9, ENERGIES);
    const solvedBefore = new BestConfiguration(1);
    solvedBefore.offer([1], 0);
    expect(runSearch(restart, solvedBefore, { steps: 10, progressEvery: 1 }, scriptedContext(restart).ctx)).toEqual({ stop: 'solved', steps: 0 });
  });

  it('polls the deadline after every step by default, and stops at the first poll that finds it passed', () => {
    const search = new ScriptedSearch(9, ENERGIES);
    const { ctx, polls } = scriptedContext(search, 3);
    expect(runSearch(search, new BestConfiguration(1), { steps: 10, progressEvery: 1 }, ctx)).toEqual({ stop: 'deadline', steps: 3 });
    expect(polls).toEqual([1, 2, 3]);
  });

  it('polls after every pollEvery-th step only', () => {
    const search = new ScriptedSearch(9, ENERGIES);
    const { ctx, polls } = scriptedContext(search, 2);
    expect(runSearch(search, new BestConfiguration(1), { steps: 10, progressEvery: 1, pollEvery: 4 }, ctx)).toEqual({ stop: 'deadline', steps: 8 });
    expect(polls).toEqual([4, 8]);
  });

  it('polls before the first step only when asked to', () => {
    const without = new ScriptedSearch(9, ENERGIES);
    const late = scriptedContext(without, 1);
    expect(runSearch(without, new BestConfiguration(1), { steps: 10, progressEvery: 1 }, late.ctx)).toEqual({ stop: 'deadline', steps: 1 });
    expect(late.polls).toEqual([1]);
    const withFirst = new ScriptedSearch(9, ENERGIES);
    const early = scriptedContext(withFirst, 1);
    const best = new BestConfiguration(1);
    expect(runSearch(withFirst, best, { steps: 10, progressEvery: 1, pollBeforeFirstStep: true }, early.ctx)).toEqual({ stop: 'deadline', steps: 0 });
    expect(early.polls).toEqual([0]);
    // The start was still offered.
    expect(best.energy).toBe(9);
  });

  it('reports the deadline when it passes at the step that reaches zero energy', () => {
    const search = new ScriptedSearch(9, [5, 0, 3]);
    const { ctx } = scriptedContext(search, 2);
    const best = new BestConfiguration(1);
    expect(runSearch(search, best, { steps: 3, progressEvery: 1 }, ctx)).toEqual({ stop: 'deadline', steps: 2 });
    expect(best.energy).toBe(0);
  });
});
