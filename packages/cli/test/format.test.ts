import { describe, expect, it } from 'vitest';
import { formatSeconds } from '../src/format.js';

describe('formatSeconds', () => {
  it('picks a unit and never prints 60 seconds', () => {
    expect(formatSeconds(0.0123)).toBe('12.3 ms');
    expect(formatSeconds(3.456)).toBe('3.46 s');
    expect(formatSeconds(42.42)).toBe('42.4 s');
    expect(formatSeconds(599.6)).toBe('10 min 00 s');
    expect(formatSeconds(125)).toBe('2 min 05 s');
    expect(formatSeconds(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
