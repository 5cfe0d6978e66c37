import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { describeError } from '../src/index.js';

describe('describeError', () => {
  it('gives the message of a plain Error and name: message of a named one', () => {
    expect(describeError(new Error('disk full'))).toBe('disk full');
    expect(describeError(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    class PlanError extends Error {
      override name = 'PlanError';
    }
    expect(describeError(new PlanError('bad shard'))).toBe('PlanError: bad shard');
    expect(describeError(new RangeError(''))).toBe('RangeError');
    expect(describeError(new Error(''))).toBe('Error');
  });

  it('recognises an Error from another realm', () => {
    expect(describeError(runInNewContext('new SyntaxError("unexpected }")'))).toBe('SyntaxError: unexpected }');
  });

  it('gives a string as itself', () => {
    expect(describeError('plain text')).toBe('plain text');
    expect(describeError('')).toBe('');
  });

  it('renders objects as JSON, not [object Object]', () => {
    expect(describeError({ code: 3, reason: 'quota' })).toBe('{"code":3,"reason":"quota"}');
    expect(describeError([1, 'a', null])).toBe('[1,"a",null]');
    expect(describeError({ inner: new TypeError('boom') })).toBe('{"inner":"TypeError: boom"}');
  });

  it('survives BigInt, functions, symbols, non-finite numbers and undefined', () => {
    expect(describeError(12n)).toBe('12n');
    expect(describeError({ n: 2n ** 70n })).toBe('{"n":"1180591620717411303424n"}');
    expect(describeError(function namedThing() {})).toBe('[Function namedThing]');
    expect(describeError({ f: () => 1 })).toBe('{"f":"[Function f]"}');
    expect(describeError(Symbol('tag'))).toBe('Symbol(tag)');
    expect(describeError({ x: Number.NaN, y: -Infinity })).toBe('{"x":"NaN","y":"-Infinity"}');
    expect(describeError(undefined)).toBe('undefined');
    expect(describeError(null)).toBe('null');
    expect(describeError(42)).toBe('42');
  });

  it('marks circular references instead of throwing, and keeps repeated siblings', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(describeError(a)).toBe('{"name":"a","self":"[Circular]"}');
    const shared = { v: 1 };
    expect(describeError({ p: shared, q: shared })).toBe('{"p":{"v":1},"q":{"v":1}}');
  });

  it('falls back to a type description when the value cannot be rendered', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeError(proxy)).toMatch(/^\(an? .*cannot be printed\)$/);
    class Hostile {
      toJSON(): never {
        throw new Error('no');
      }
    }
    expect(describeError(new Hostile())).toBe('(an object of class Hostile that cannot be printed)');
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(describeError(deep)).toBe('(an object of class Array that cannot be printed)');
  });

  it('truncates to maxLength with a marker counting what was cut', () => {
    expect(describeError('x'.repeat(2500))).toBe(`${'x'.repeat(2000)}… (500 more characters)`);
    expect(describeError(new Error('y'.repeat(30)), 10)).toBe(`${'y'.repeat(10)}… (20 more characters)`);
    expect(describeError({ list: Array.from({ length: 1000 }, (_, i) => i) }, 20)).toMatch(/^\{"list":\[0,1,2,3,4,5… \(\d+ more characters\)$/);
    expect(describeError('short', 10)).toBe('short');
    // A surrogate pair straddling the cut is not split.
    expect(describeError('ab😀cd', 3)).toBe('ab… (4 more characters)');
  });
});
