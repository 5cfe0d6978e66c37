import { describe, expect, it } from 'vitest';
import { buildPlan, parseAlphaList, parseIntegerList, parseSeeds } from '../src/plan.js';

describe('parseAlphaList', () => {
  it('expands a:b with the default step 0.05 without float noise', () => {
    expect(parseAlphaList('0.3:0.8')).toEqual([0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]);
  });

  it('takes a:b:step and comma lists, sorted and without duplicates', () => {
    expect(parseAlphaList('4:4.3:0.1')).toEqual([4, 4.1, 4.2, 4.3]);
    expect(parseAlphaList('0.7, 0.5,0.5')).toEqual([0.5, 0.7]);
    expect(parseAlphaList('0.5')).toEqual([0.5]);
    expect(parseAlphaList('0.3:0.4,0.7,0.35')).toEqual([0.3, 0.35, 0.4, 0.7]);
  });

  it.each([
    ['0.3:abc', /--alpha "0.3:abc": "abc" is not a number/],
    ['0.8:0.3', /the end 0.3 is below the start 0.8/],
    ['0.1:0.5:0', /step must be positive/],
    ['0.1:0.2:0.3:0.4', /expected a:b or a:b:step, got "0.1:0.2:0.3:0.4"/],
    ['-0.5', /α must be positive, got -0.5/],
    ['0.3,,0.4', /"" is not a number/],
    ['0:1000:0.001', /too many/],
  ])('rejects %j saying what is wrong', (text, message) => {
    expect(() => parseAlphaList(text)).toThrow(message);
  });
});

describe('seeds and sizes', () => {
  it('reads a count as seeds 1..count, a list or a range as given', () => {
    expect(parseSeeds('3')).toEqual([1, 2, 3]);
    expect(parseSeeds('4,9')).toEqual([4, 9]);
    expect(parseSeeds('5:7')).toEqual([5, 6, 7]);
    expect(() => parseSeeds('0')).toThrow(/at least 1/);
    expect(parseIntegerList('101:301:100', '--n')).toEqual([101, 201, 301]);
    expect(() => parseIntegerList('201,2.5', '--n')).toThrow(/--n "201,2.5": 2.5 is not a non-negative integer/);
  });
});

describe('buildPlan', () => {
  it('crosses plugins × N × α × seeds with stable ids', () => {
    const plan = buildPlan({ plugins: [{ name: 'a', params: {} }, { name: 'b', params: {} }], problem: 'ksat', ns: [50], alphas: [4, 4.2], k: 3, seeds: [1, 2] });
    expect(plan).toHaveLength(8);
    expect(plan[0]!.id).toBe('a/ksat/n50/k3/a4/s1');
    expect(new Set(plan.map((r) => r.id)).size).toBe(8);
  });

  it('runs a plugin given sizes at those N only, and refuses a size the study does not run', () => {
    const plan = buildPlan({ plugins: [{ name: 'a', params: {} }, { name: 'slow', params: {}, ns: [51] }], problem: 'perceptron', ns: [51, 101], alphas: [0.3], k: 3, seeds: [1, 2] });
    expect(plan.filter((r) => r.plugin === 'a').map((r) => r.instance.n)).toEqual([51, 51, 101, 101]);
    expect(plan.filter((r) => r.plugin === 'slow').map((r) => r.id)).toEqual(['slow/perceptron/n51/a0.3/s1', 'slow/perceptron/n51/a0.3/s2']);
    expect(() => buildPlan({ plugins: [{ name: 'slow', params: {}, ns: [51, 301] }], problem: 'perceptron', ns: [51, 101], alphas: [0.3], k: 3, seeds: [1] })).toThrow(
      'plugin slow: its sizes 301 are not among the study\'s N (51, 101)',
    );
  });

  it('rejects an even N for the perceptron', () => {
    expect(() => buildPlan({ plugins: [{ name: 'a', params: {} }], problem: 'perceptron', ns: [200], alphas: [0.3], k: 3, seeds: [1] })).toThrow(/N must be odd/);
  });
});
