// Property-based tests of the instance readers (DIMACS CNF, the perceptron and committee format): any text gives an
// instance or an InstanceFormatError naming the source and a line of it, and what the writers print reads back exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommitteeInstance, Instance, KsatInstance, PerceptronInstance } from '@densebench/core';
import { InstanceFormatError, parseDimacs, parseInstance, parsePerceptron, writeInstance } from '../src/index.js';

const SOURCE = 'fuzz/instance.txt';

/** Pieces of both formats, so that generated text gets past the header often enough to reach the data lines. */
const token = fc.constantFrom(
  'p cnf ', 'p perceptron ', 'p committee ', 'p wcnf ', 'c ', '%', '0', '1', '-1', '2', '-3', '3 ', '99999999999999999999', '4294967297', '-0',
  '+ ', '- ', '+', '-', '+-+', ' ', '\t', '\n', '\r\n', '\r', 'x', '\uFEFF', '\u00ef\u00bb\u00bf', '\u0000', 'é',
);
const formatish = fc.array(token, { maxLength: 40 }).map((parts) => parts.join(''));
/** Decimal digits around the edges of the number types: small, near 2³¹ and 2³², past 2⁵³, past any double. */
const digits = fc.oneof(
  fc.nat({ max: 50 }).map(String),
  fc.integer({ min: 2 ** 31 - 3, max: 2 ** 32 + 3 }).map(String),
  fc.bigInt({ min: 0n, max: 10n ** 400n }).map(String),
);
/** A header with numbers of every size, then lines of tokens: reaches the code behind the header. */
const headed = fc
  .tuple(fc.constantFrom('p cnf', 'p perceptron', 'p committee'), fc.array(digits, { minLength: 1, maxLength: 4 }), fc.array(fc.oneof(digits, digits.map((d) => `-${d}`), token), { maxLength: 30 }))
  .map(([head, numbers, body]) => `${head} ${numbers.join(' ')}\n${body.join(' ')}\n`);
/** A well-formed DIMACS header whose clause count matches, with literals up to and past its variable count. */
const cnfish = fc
  .tuple(digits, fc.array(fc.array(fc.oneof(digits, digits.map((d) => `-${d}`)), { maxLength: 4 }), { maxLength: 6 }))
  .map(([n, clauses]) => `p cnf ${n} ${clauses.length}\n${clauses.map((c) => [...c, '0'].join(' ')).join('\n')}\n`);
const anyText = fc.oneof(formatish, headed, cnfish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 }));

type Parser = (text: string, source?: string) => Instance;
const parsers: [string, Parser][] = [['parseInstance', parseInstance], ['parseDimacs', parseDimacs], ['parsePerceptron', parsePerceptron]];

describe('instance parsers on arbitrary text', () => {
  it.each(parsers)('%s returns an instance or throws an InstanceFormatError naming the source and a line', (_name, parse) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const started = performance.now();
        try {
          const instance = parse(text, SOURCE);
          expect(['ksat', 'perceptron', 'committee']).toContain(instance.kind);
        } catch (error) {
          expect(error).toBeInstanceOf(InstanceFormatError);
          const lines = text.split(/\r?\n/).length;
          const match = /^fuzz\/instance\.txt:(\d+): \S/.exec((error as Error).message);
          expect(match, (error as Error).message).not.toBeNull();
          const line = Number(match![1]);
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(lines);
        }
        expect(performance.now() - started).toBeLessThan(1000);
      }),
      { numRuns: 500 },
    );
  });

  it('an accepted formula holds exactly the integers written in its clause lines', () => {
    fc.assert(
      fc.property(fc.oneof(cnfish, headed, formatish), (text) => {
        let formula: KsatInstance;
        try {
          formula = parseDimacs(text, SOURCE);
        } catch {
          return;
        }
        // Read apart from the parser: every token of a clause line, as the integer its digits denote, zeros dropped.
        const clauseLines: string[] = [];
        for (const line of text.replace(/^(\uFEFF|\u00ef\u00bb\u00bf)/, '').split(/\r?\n/).map((l) => l.trim())) {
          if (line.startsWith('%')) break;
          if (line !== '' && !line.startsWith('c') && !line.startsWith('p')) clauseLines.push(line);
        }
        const written = clauseLines.flatMap((line) => line.split(/\s+/)).map((t) => BigInt(t)).filter((x) => x !== 0n);
        expect(Array.from(formula.clauseLiterals, (x) => BigInt(x))).toEqual(written);
        for (const lit of formula.clauseLiterals) expect(Math.abs(lit)).toBeLessThanOrEqual(formula.n);
      }),
      { numRuns: 500 },
    );
  });

  it('a header promising more than the text holds is refused, not allocated', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n, p) => {
        const text = `p perceptron ${n} ${p}\n+ ${'+'.repeat(Math.min(n, 8))}\n`;
        if (n * p + 2 * p <= text.length) return; // small enough to be read
        expect(() => parsePerceptron(text, SOURCE)).toThrow(/^fuzz\/instance\.txt:1: /);
      }),
      { numRuns: 300 },
    );
  });
});

// Generated instances, independent of the library's own generator.
const ksat: fc.Arbitrary<KsatInstance> = fc.integer({ min: 1, max: 2 ** 31 - 1 }).chain((n) =>
  fc.array(fc.array(fc.integer({ min: 1, max: Math.min(n, 1000) }).chain((v) => fc.constantFrom(v, -v, n, -n)), { maxLength: 6 }), { maxLength: 30 }).map((clauses) => {
    const starts = [0];
    for (const clause of clauses) starts.push(starts.at(-1)! + clause.length);
    return { kind: 'ksat', problem: 'ksat', n, m: clauses.length, clauseStart: Int32Array.from(starts), clauseLiterals: Int32Array.from(clauses.flat()) } as KsatInstance;
  }),
);
const sign = fc.constantFrom(1, -1);
const network: fc.Arbitrary<PerceptronInstance | CommitteeInstance> = fc
  .record({ n: fc.integer({ min: 1, max: 40 }), p: fc.integer({ min: 0, max: 25 }), hidden: fc.integer({ min: 0, max: 7 }) })
  .chain(({ n, p, hidden }) =>
    fc.record({ patterns: fc.array(sign, { minLength: n * p, maxLength: n * p }), labels: fc.array(sign, { minLength: p, maxLength: p }) }).map(({ patterns, labels }) =>
      hidden === 0
        ? ({ kind: 'perceptron', problem: 'perceptron', n, p, patterns: Int8Array.from(patterns), labels: Int8Array.from(labels) } as PerceptronInstance)
        : ({ kind: 'committee', problem: 'committee', n, hidden, p, patterns: Int8Array.from(patterns), labels: Int8Array.from(labels) } as CommitteeInstance),
    ),
  );
const comments = fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 });
/** Ways a file may come from another tool or editor: as written, with CRLF line ends, with a byte-order mark. */
const dressing = fc.constantFrom(
  (t: string) => t,
  (t: string) => t.replaceAll('\n', '\r\n'),
  (t: string) => `\uFEFF${t}`,
  (t: string) => `\u00ef\u00bb\u00bf${t}`,
);

function fields(instance: Instance): unknown {
  return instance.kind === 'ksat'
    ? { kind: instance.kind, n: instance.n, m: instance.m, clauseStart: Array.from(instance.clauseStart), clauseLiterals: Array.from(instance.clauseLiterals) }
    : { kind: instance.kind, n: instance.n, p: instance.p, hidden: instance.kind === 'committee' ? instance.hidden : 0, patterns: Array.from(instance.patterns), labels: Array.from(instance.labels) };
}

describe('instance writers and parsers round-trip', () => {
  it('writeInstance then parseInstance gives back the same instance, whatever the comments and dressing', () => {
    fc.assert(
      fc.property(fc.oneof(ksat, network), comments, dressing, (instance, notes, dress) => {
        const text = dress(writeInstance(instance, notes));
        expect(fields(parseInstance(text, SOURCE))).toEqual(fields(instance));
      }),
      { numRuns: 300 },
    );
  });
});
