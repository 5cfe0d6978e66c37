// Property-based test of describeError: whatever is thrown, the CLI and the workers get one bounded line of text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/index.js';

const MARKER = /… \((\d+) more characters\)$/;

describe('describeError on arbitrary thrown values', () => {
  it('never throws, never says [object Object], and stays within maxLength plus its marker', () => {
    const thrown = fc.oneof(
      fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withDate: true, maxDepth: 3 }),
      fc.string().map((message) => new Error(message)),
      fc.string().map((message) => new RangeError(message)),
    );
    fc.assert(
      fc.property(thrown, fc.integer({ min: 0, max: 300 }), (value, maxLength) => {
        const text = describeError(value, maxLength);
        expect(typeof text).toBe('string');
        expect(text).not.toContain('[object Object]');
        const marker = MARKER.exec(text);
        if (marker) expect(text.length - marker[0].length).toBeLessThanOrEqual(maxLength);
        else expect(text.length).toBeLessThanOrEqual(maxLength);
      }),
      { numRuns: 500 },
    );
  });

  it('gives a string unchanged when it fits, and otherwise its first maxLength characters and the count of the rest', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: 1, max: 100 }), (text, maxLength) => {
        const described = describeError(text, maxLength);
        if (text.length <= maxLength) expect(described).toBe(text);
        else {
          const cut = text.length - Number(MARKER.exec(described)![1]);
          expect(described).toBe(`${text.slice(0, cut)}… (${text.length - cut} more characters)`);
          expect(maxLength - cut).toBeLessThanOrEqual(1); // at most one unit dropped, to keep a surrogate pair whole
        }
      }),
      { numRuns: 300 },
    );
  });
});
