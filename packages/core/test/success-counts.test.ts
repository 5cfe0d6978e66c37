// Pooling run records into success counts per α: solved is a success, every other status a failure.
import { expect, it } from 'vitest';
import { successCounts } from '../src/success-fit.js';

it('counts every status but solved as a failure, sorted by α', () => {
  const records = [
    { alpha: 4.1, status: 'solved' as const },
    { alpha: 4.0, status: 'solved' as const },
    { alpha: 4.1, status: 'timeout' as const },
    { alpha: 4.1, status: 'crashed' as const },
    { alpha: 4.0, status: 'unsolved' as const },
    { alpha: 4.2, status: 'error' as const },
  ];
  expect(successCounts(records)).toEqual([
    { alpha: 4.0, solved: 1, runs: 2 },
    { alpha: 4.1, solved: 1, runs: 3 },
    { alpha: 4.2, solved: 0, runs: 1 },
  ]);
});
