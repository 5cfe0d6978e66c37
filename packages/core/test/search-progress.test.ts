import { describe, expect, it } from 'vitest';
import { BestConfiguration, runSearch, type SearchSettings } from '../src/index.js';
import { ScriptedSearch, scriptedContext } from './scripted-search.js';

// Step i moves to ENERGIES[i]; the work after step i is 10·(i + 1).
const ENERGIES = [5, 4, 6, 3, 2, 7, 1, 8, 9, 4];

function reports(settings: SearchSettings, energies = ENERGIES, deadlineAtPoll?: number): [number, number][] {
  const search = new ScriptedSearch(9, energies);
  const run = scriptedContext(search, deadlineAtPoll);
  runSearch(search, new BestConfiguration(1), settings, run.ctx);
  return run.reports;
}

describe('runSearch reports progress at the cadence it is given', () => {
  it('after steps 0, every, 2·every, … by default, with the current energy', () => {
    expect(reports({ steps: 10, progressEvery: 3 })).toEqual([
      [10, 5],
      [40, 3],
      [70, 1],
      [100, 4],
    ]);
  });

  it('from step progressFirst on', () => {
    expect(reports({ steps: 10, progressEvery: 4, progressFirst: 3 })).toEqual([
      [40, 3],
      [80, 8],
    ]);
  });

  it('with the lowest energy kept when progressEnergy is "best"', () => {
    expect(reports({ steps: 10, progressEvery: 3, progressEnergy: 'best' })).toEqual([
      [10, 5],
      [40, 3],
      [70, 1],
      [100, 1],
    ]);
  });

  it('at the step where the run stops solved or at the deadline, unless progressAtStop is false', () => {
    const solvedAtStep3 = [5, 4, 6, 0, 2];
    expect(reports({ steps: 5, progressEvery: 2, progressFirst: 1 }, solvedAtStep3)).toEqual([
      [20, 4],
      [40, 0],
    ]);
    expect(reports({ steps: 5, progressEvery: 2, progressFirst: 1, progressAtStop: false }, solvedAtStep3)).toEqual([[20, 4]]);
    // The deadline found passed at the 4th poll, after step 3.
    expect(reports({ steps: 10, progressEvery: 2, progressFirst: 1 }, ENERGIES, 4)).toEqual([
      [20, 4],
      [40, 3],
    ]);
    expect(reports({ steps: 10, progressEvery: 2, progressFirst: 1, progressAtStop: false }, ENERGIES, 4)).toEqual([[20, 4]]);
  });

  it('at the last step of the budget even when progressAtStop is false', () => {
    expect(reports({ steps: 4, progressEvery: 2, progressFirst: 1, progressAtStop: false })).toEqual([
      [20, 4],
      [40, 3],
    ]);
  });
});
