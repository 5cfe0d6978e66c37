// Property-based tests of the command-line value parsers (--alpha, --n, --seeds, --shard): whatever the text, they
// either return what the text means in decimal notation or throw a plain Error naming the option and the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAlphaList, parseIntegerList, parseSeeds, parseShard } from '../src/host/plan.js';

// Written apart from the parser's own pattern: sign, then digits with an optional fraction or a bare fraction, then an
// optional exponent. Anything Number() reads beyond this (0x10, 0b1, 0o7, Infinity, "") is not decimal notation.
function isDecimalNotation(text: string): boolean {
  const body = text.replace(/^[+-]/, '');
  const [mantissa = '', exponent, ...more] = body.split(/[eE]/);
  if (more.length > 0) return false;
  if (exponent !== undefined && !/^[+-]?[0-9]+$/.test(exponent)) return false;
  const [whole = '', fraction, ...dots] = mantissa.split('.');
  if (dots.length > 0) return false;
  const digits = (s: string | undefined): boolean => s === undefined || /^[0-9]*$/.test(s);
  return digits(whole) && digits(fraction) && (whole.length > 0 || (fraction ?? '').length > 0);
}

/** Pieces that reach the parsers' edge cases far more often than uniform characters do. */
const token = fc.constantFrom('0', '1', '7', '9', '.', 'e', 'E', '-', '+', 'x', 'b', 'o', '0x10', '0b1', '0o7', 'Infinity', 'NaN', ' ', '\t', ',', ':', '1e9', '1e400', '_', '/', '9007199254740993', '100000', '\u00a0', '\uFEFF');
const numberish = fc.array(token, { maxLength: 12 }).map((parts) => parts.join(''));
const anyText = fc.oneof(numberish, fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }));

/** Runs `parse`; a throw must be a plain Error whose message starts with the option and the whole text. */
function acceptsOrNames<T>(parse: () => T, option: string, text: string): T | undefined {
  const started = performance.now();
  try {
    return parse();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).constructor).toBe(Error); // no TypeError, RangeError or SyntaxError escapes
    expect((error as Error).message.startsWith(`${option} "${text}": `)).toBe(true);
    return undefined;
  } finally {
    expect(performance.now() - started).toBeLessThan(1000);
  }
}

const RUNS = { numRuns: 400 };

describe('value parsers on arbitrary text', () => {
  it('--alpha, --n, --seeds and --shard throw only plain Errors naming the option and the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        acceptsOrNames(() => parseAlphaList(text), '--alpha', text);
        acceptsOrNames(() => parseAlphaList(text, 0.25, '--gammas', 'γ'), '--gammas', text);
        acceptsOrNames(() => parseIntegerList(text, '--n'), '--n', text);
        acceptsOrNames(() => parseSeeds(text), '--seeds', text);
        acceptsOrNames(() => parseShard(text), '--shard', text);
      }),
      RUNS,
    );
  });

  it('a single accepted α is the decimal meaning of its text', () => {
    fc.assert(
      fc.property(numberish.filter((t) => !t.includes(',') && !t.includes(':')), (text) => {
        const alphas = acceptsOrNames(() => parseAlphaList(text), '--alpha', text);
        if (alphas === undefined) return;
        expect(isDecimalNotation(text.trim())).toBe(true);
        expect(alphas).toEqual([Number(text)]);
      }),
      RUNS,
    );
  });

  it('an accepted comma list is the sorted set of the decimal meanings of its items', () => {
    fc.assert(
      fc.property(fc.array(numberish.filter((t) => !t.includes(',') && !t.includes(':')), { minLength: 1, maxLength: 5 }), (items) => {
        const text = items.join(',');
        const alphas = acceptsOrNames(() => parseAlphaList(text), '--alpha', text);
        const sizes = acceptsOrNames(() => parseIntegerList(text, '--n'), '--n', text);
        if (alphas === undefined && sizes === undefined) return;
        for (const item of items) expect(isDecimalNotation(item.trim())).toBe(true);
        const meanings = items.map(Number);
        if (alphas) expect(alphas).toEqual([...new Set(meanings)].sort((a, b) => a - b));
        if (sizes) {
          expect(sizes).toEqual([...new Set(meanings.map((x) => x + 0))]); // "-0" is 0, not −0
          for (const n of sizes) expect(Number.isSafeInteger(n) && n >= 0).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('value parsers on printed numbers', () => {
  it('a positive double printed in any JavaScript notation parses back to the number that text denotes', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), fc.integer({ min: 1, max: 21 }), (x, digits) => {
        expect(parseAlphaList(String(x))).toEqual([x]); // shortest round-trip form: exactly x
        for (const text of [x.toExponential(), x.toPrecision(digits), ` ${x.toExponential(digits - 1).toUpperCase()} `]) {
          expect(parseAlphaList(text)).toEqual([Number(text)]);
        }
      }),
      RUNS,
    );
  });

  it('a list of safe integers joined by commas parses back to the list, without duplicates, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { minLength: 1, maxLength: 20 }), (values) => {
        expect(parseIntegerList(values.join(','), '--n')).toEqual([...new Set(values)]);
        expect(parseIntegerList(values.join(' , '), '--seeds')).toEqual([...new Set(values)]);
      }),
      RUNS,
    );
  });

  it('a range a:b:step gives a, a + step, … up to b, and refuses more than 100000 values before building them', () => {
    fc.assert(
      // Half the spans small (cheap), half up to 2²¹, so that counts fall on both sides of the 100000 cap.
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 2 ** 21 })), fc.integer({ min: 1, max: 50 }), (a, span, step) => {
        const text = `${a}:${a + span}:${step}`;
        const expectedCount = Math.floor(span / step) + 1;
        if (expectedCount > 100_000) {
          expect(() => parseIntegerList(text, '--n')).toThrow(`--n "${text}": ${expectedCount} values is too many (at most 100000)`);
          return;
        }
        const values = parseIntegerList(text, '--n');
        expect(values).toHaveLength(expectedCount);
        expect(values[0]).toBe(a);
        expect(values.at(-1)).toBe(a + (expectedCount - 1) * step);
        expect(a + span - values.at(-1)!).toBeLessThan(step);
      }),
      { numRuns: 200 },
    );
  });

  it('a seed count c gives the seeds 1..c, and i/n gives shard i of n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (count, n) => {
        const seeds = parseSeeds(String(count));
        expect(seeds).toHaveLength(count);
        expect(seeds.every((s, i) => s === i + 1)).toBe(true);
        const i = 1 + (count % n);
        expect(parseShard(`${i}/${n}`)).toEqual({ index: i, count: n });
      }),
      RUNS,
    );
  });
});
