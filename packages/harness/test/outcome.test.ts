// What a worker sends is untrusted: readOutcome turns every malformed field into an error naming it, and caps sizes.
import { describe, expect, it } from 'vitest';
import { readOutcome, RECORD_LIMITS } from '../src/index.js';

const good = {
  ok: true,
  assignment: new Int8Array([1, -1, 1]),
  network: undefined,
  unsatisfiable: undefined,
  gaveUp: undefined,
  work: 12,
  claimedEnergy: 0,
  info: { restarts: 2, note: 'ok', converged: true },
  trace: [[1, 5], [12, 0]],
  log: [],
  peakMemoryMb: 3.5,
  violation: null,
};

const failure = (outcome: ReturnType<typeof readOutcome>): string => {
  if (outcome.ok) throw new Error('expected a failed outcome');
  return outcome.message;
};

describe('readOutcome', () => {
  it('passes a well-formed answer through unchanged', () => {
    const outcome = readOutcome(good);
    expect(outcome).toEqual({ ok: true, assignment: good.assignment, network: undefined, unsatisfiable: false, gaveUp: false, work: 12, claimedEnergy: 0, info: good.info, trace: good.trace, peakMemoryMb: 3.5 });
  });

  it.each([
    ['a negative work', { work: -3 }, 'field "work" must be a non-negative finite number, got -3'],
    ['a NaN work', { work: Number.NaN }, 'field "work" must be a non-negative finite number, got NaN'],
    ['an infinite work', { work: Number.POSITIVE_INFINITY }, 'got Infinity'],
    ['no work', { work: undefined }, 'solve() returned no "work"'],
    ['a string work', { work: '12' }, 'got 12'],
    ['an infinite claimed energy', { claimedEnergy: Number.NEGATIVE_INFINITY }, 'field "energy" must be a finite number, got -Infinity'],
    ['a string info', { info: 'hello' }, 'field "info" must be a plain object'],
    ['an array info', { info: [1, 2] }, 'field "info" must be a plain object'],
    ['a BigInt in info', { info: { big: 10n } }, 'field "info.big" must be a number, string or boolean, got 10n'],
    ['a nested object in info', { info: { nested: { a: 1 } } }, 'field "info.nested" must be a number, string or boolean, got {"a":1}'],
    ['a NaN in info', { info: { gap: Number.NaN } }, 'field "info.gap" must be a finite number, got NaN'],
    ['too many info entries', { info: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i])) }, 'field "info" has 40 entries, at most 32'],
    ['a trace point that is not a pair', { trace: [[1, 2, 3]] }, 'field "trace.0" must be a (work, energy) pair'],
    ['a NaN in the trace', { trace: [[1, 2], [3, Number.NaN]] }, 'field "trace.1.1" must be a finite number, got NaN'],
    ['a trace too long', { trace: Array.from({ length: 600 }, (_, i) => [i, 0]) }, 'field "trace" has 600 points, at most 512'],
    ['a non-boolean unsatisfiable', { unsatisfiable: 'yes' }, 'field "unsatisfiable" must be true or false'],
    ['a misuse of the context', { violation: 'ctx.progress(work, energy): energy must be a finite number, got undefined' }, 'ctx.progress(work, energy): energy must be a finite number, got undefined'],
    ['a field the worker could not send', { info: { unsendable: 'field "info" cannot be sent to the harness: DataCloneError: x' } }, 'field "info" cannot be sent to the harness'],
  ])('makes %s an error naming the field', (_, change, expected) => {
    const message = failure(readOutcome({ ...good, ...change }));
    expect(message).toContain("the plugin's answer is malformed: ");
    expect(message).toContain(expected);
  });

  it('cuts long strings in info and log, and keeps at most the log lines it allows', () => {
    const outcome = readOutcome({ ...good, info: { text: 'x'.repeat(10_000) } });
    expect(outcome.ok).toBe(true);
    const text = outcome.ok ? (outcome.info!.text as string) : '';
    expect(text.length).toBeLessThan(RECORD_LIMITS.infoString + 60);
    expect(text).toMatch(/… \[9500 more characters cut\]$/);
    const failed = readOutcome({ ok: false, message: 'm'.repeat(100_000), log: Array.from({ length: 500 }, () => 'l'.repeat(5000)), peakMemoryMb: null, late: false, crashed: false });
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.message.length).toBeLessThan(RECORD_LIMITS.message + 60);
      expect(failed.log).toHaveLength(RECORD_LIMITS.logLines);
      for (const line of failed.log) expect(line.length).toBeLessThan(RECORD_LIMITS.logLine + 60);
    }
  });

  it('never throws, whatever arrives', () => {
    for (const value of [null, undefined, 42, 'text', [], { ok: 'yes' }, { ok: true }, { ok: false }, { ok: true, work: 1, trace: 'no' }]) {
      const outcome = readOutcome(value);
      expect(outcome.ok).toBe(false);
    }
  });
});
