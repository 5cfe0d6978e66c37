import { describe, expect, it } from 'vitest';
import { buildPlan, parseAlphaList, parseIntegerList, parseSeeds, parseShard } from '../src/host/plan.js';

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
    ['0.3:abc', /--alpha "0.3:abc": "abc" is not a decimal number/],
    ['0.8:0.3', /the end 0.3 is below the start 0.8/],
    ['0.1:0.5:0', /step must be positive/],
    ['0.1:0.2:0.3:0.4', /expected a:b or a:b:step, got "0.1:0.2:0.3:0.4"/],
    ['-0.5', /α must be positive, got -0.5/],
    ['0.3,,0.4', /--alpha "0.3,,0.4": empty item/],
    ['0x10', /--alpha "0x10": "0x10" is not a decimal number/],
    ['0.3,0b1', /--alpha "0.3,0b1": "0b1" is not a decimal number/],
    ['0o7', /"0o7" is not a decimal number/],
    ['Infinity', /--alpha "Infinity": "Infinity" is not a decimal number/],
    ['0.1:Infinity', /"Infinity" is not a decimal number/],
    ['NaN', /"NaN" is not a decimal number/],
    ['1e400', /--alpha "1e400": "1e400" is too large to be a finite number/],
    ['', /--alpha "": empty item/],
    ['0.3:', /--alpha "0.3:": empty item/],
    ['1_000', /"1_000" is not a decimal number/],
    ['0:1000:0.001', /--alpha "0:1000:0.001": 1000001 values is too many \(at most 10000\)/],
    ['1e-300:1e300:1e-300', /more than 10000 values is too many/],
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

  it('takes decimal notation only', () => {
    expect(parseAlphaList('.5, +0.25,1e-3,4')).toEqual([0.001, 0.25, 0.5, 4]);
    expect(parseIntegerList('1e3,007', '--n')).toEqual([1000, 7]);
    expect(parseIntegerList('-0,5', '--seeds')).toEqual([0, 5]); // seed 0, not −0 (toEqual tells them apart)
    expect(() => parseIntegerList('0x10', '--n')).toThrow('--n "0x10": "0x10" is not a decimal number');
    expect(() => parseIntegerList('101,,201', '--n')).toThrow('--n "101,,201": empty item');
    expect(() => parseSeeds('0b11')).toThrow('--seeds "0b11": "0b11" is not a decimal number');
    expect(() => parseSeeds('Infinity')).toThrow('--seeds "Infinity": "Infinity" is not a decimal number');
    expect(() => parseSeeds(' ')).toThrow('--seeds " ": empty item');
  });

  it('joins comma items and ranges in the order given', () => {
    expect(parseIntegerList('1:3,10,2', '--seeds')).toEqual([1, 2, 3, 10]);
    expect(parseIntegerList('5:25:10', '--n')).toEqual([5, 15, 25]);
    expect(() => parseIntegerList('7:3', '--n')).toThrow('--n "7:3": the end 3 is below the start 7');
    expect(() => parseIntegerList('1:5:0', '--n')).toThrow('--n "1:5:0": step must be positive, got 0');
    expect(() => parseIntegerList('1:9:2:3', '--n')).toThrow('--n "1:9:2:3": expected a:b or a:b:step, got "1:9:2:3"');
  });

  it('refuses a list of more than 100000 values before building it', () => {
    expect(() => parseSeeds('1:1e9')).toThrow('--seeds "1:1e9": 1000000000 values is too many (at most 100000)');
    expect(() => parseSeeds('1000000000')).toThrow('--seeds "1000000000": 1000000000 values is too many (at most 100000)');
    expect(() => parseIntegerList('1:100000000:1', '--n')).toThrow('--n "1:100000000:1": 100000000 values is too many (at most 100000)');
    expect(() => parseIntegerList('1:60000,70000:130000', '--n')).toThrow('--n "1:60000,70000:130000": 120001 values is too many (at most 100000)');
    expect(parseSeeds('100000')).toHaveLength(100_000);
    expect(parseIntegerList('1:100000', '--seeds')).toHaveLength(100_000);
  });

  it('takes safe integers only', () => {
    expect(() => parseIntegerList('9007199254740993', '--n')).toThrow('--n "9007199254740993": "9007199254740993" is beyond the largest safe integer (9007199254740991)');
    expect(() => parseSeeds('99999999999999999999')).toThrow(/--seeds "99999999999999999999": "99999999999999999999" is beyond the largest safe integer/);
    expect(() => parseSeeds('1e300:1e300')).toThrow(/"1e300" is beyond the largest safe integer/);
  });
});

describe('parseShard', () => {
  it('reads i/n and refuses anything else', () => {
    expect(parseShard(' 2 / 4 ')).toEqual({ index: 2, count: 4 });
    expect(() => parseShard('0x2/4')).toThrow('--shard "0x2/4": expected i/n, e.g. 2/4');
    expect(() => parseShard('5/4')).toThrow('--shard "5/4": expected 1 ≤ i ≤ n');
    expect(() => parseShard('1/99999999999999999999')).toThrow('--shard "1/99999999999999999999": "99999999999999999999" is beyond the largest safe integer');
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
