// Property-based tests of --param: arbitrary assignments give an object or an Error naming --param; a numeric
// parameter accepted from text is the finite decimal meaning of that text (never 0x10 → 16, never Infinity).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseParamAssignments, resolveParams, type ParamsSchema } from '../src/index.js';

const plugin = {
  name: 'demo',
  params: {
    type: 'object',
    properties: {
      sweeps: { type: 'integer', minimum: 0, description: 'sweeps' },
      beta: { type: 'number', description: 'any real' },
      mode: { type: 'string', description: 'free text' },
    },
  } satisfies ParamsSchema,
};

const piece = fc.constantFrom('sweeps', 'beta', 'mode', 'sa.', '=', ' ', '0x10', '1e400', '-', '.5', '1', 'e3', 'Infinity', 'NaN', '__proto__', '');
const item = fc.oneof(fc.array(piece, { maxLength: 5 }).map((p) => p.join('')), fc.string({ maxLength: 20 }));

function plainErrorStartingWith(run: () => unknown, prefix: string): boolean {
  try {
    run();
    return true;
  } catch (error) {
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message.startsWith(prefix), (error as Error).message).toBe(true);
    return false;
  }
}

describe('--param on arbitrary text', () => {
  it('parseParamAssignments gives each key its one value, or throws naming --param', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 5 }), (items) => {
        let out: Record<string, string> = {};
        if (!plainErrorStartingWith(() => (out = parseParamAssignments(items)), '--param ')) return;
        const expected = new Map<string, string>();
        for (const text of items) {
          const eq = text.indexOf('=');
          const key = text.slice(0, eq).trim();
          const value = text.slice(eq + 1).trim();
          expect(eq).toBeGreaterThan(-1);
          expect(key).not.toBe('');
          if (expected.has(key)) expect(expected.get(key)).toBe(value); // repeats agree
          expected.set(key, value);
        }
        expect(out).toEqual(Object.fromEntries(expected));
      }),
      { numRuns: 400 },
    );
  });

  it('a numeric parameter accepted from text is the finite number its decimal digits denote', () => {
    fc.assert(
      fc.property(fc.constantFrom('sweeps', 'beta'), item, (key, text) => {
        let resolved: Record<string, unknown> = {};
        if (!plainErrorStartingWith(() => (resolved = resolveParams(plugin, { [key]: text })), 'plugin demo param: ')) return;
        const value = resolved[key] as number;
        expect(/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(text)).toBe(true);
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBe(Number(text));
      }),
      { numRuns: 400 },
    );
  });

  it('a finite number printed and given as text resolves to that number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(resolveParams(plugin, parseParamAssignments([`beta=${x}`])).beta).toBe(x === 0 ? 0 : x); // "-0" prints as "0"
      }),
      { numRuns: 300 },
    );
  });
});
