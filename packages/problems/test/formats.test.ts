import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ksatEnergy } from '@densebench/core';
import {
  canonicalText, formatModelLines, formatWeightLine, generate, instanceHash, parseDimacs, parseInstance, parsePerceptron, parseWeightLine, writeDimacs, writePerceptron,
} from '../src/index.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1');

describe('DIMACS CNF', () => {
  it('round-trips a generated formula', () => {
    const { instance } = generate({ problem: 'ksat', n: 50, alpha: 4.2, k: 3, seed: 4 });
    if (instance.kind !== 'ksat') throw new Error('expected ksat');
    const back = parseDimacs(writeDimacs(instance, ['a comment']));
    expect(back.n).toBe(50);
    expect(back.m).toBe(instance.m);
    expect(back.clauseLiterals).toEqual(instance.clauseLiterals);
    expect(back.clauseStart).toEqual(instance.clauseStart);
    expect(instanceHash(back)).toBe(instanceHash(instance));
  });

  it('accepts comments, clauses across lines, several clauses per line and a last clause without 0', () => {
    const f = parseDimacs('c hello\np cnf 3 3\n1 -2\n 3 0 -1 2 0\nc in between\n-3\n');
    expect(f.m).toBe(3);
    expect(Array.from(f.clauseLiterals)).toEqual([1, -2, 3, -1, 2, -3]);
    expect(Array.from(f.clauseStart)).toEqual([0, 3, 5, 6]);
  });

  it('loads the SATLIB layout with its % / 0 trailer', () => {
    const f = parseInstance(fixture('satlib-style-uf20.cnf'), 'uf20');
    if (f.kind !== 'ksat') throw new Error('expected ksat');
    expect(f.n).toBe(20);
    expect(f.m).toBe(91);
    expect(f.clauseStart[91]).toBe(273);
    // Same clauses as the generator's instance: the trailer was not read as a clause.
    expect(canonicalText(f)).toBe(canonicalText(generate({ problem: 'ksat', n: 20, alpha: 4.55, k: 3, seed: 19 }).instance));
  });

  it.each([
    ['p cnf 3 1\n1 x 0\n', /input:2: "x" is not an integer literal/],
    ['1 2 0\n', /input:1: clause before the "p cnf" header/],
    ['p cnf 3 1\n1 4 0\n', /input:2: literal 4 names a variable beyond the 3 declared on line 1/],
    ['p cnf 3 2\n1 2 0\n', /header on line 1 declares 2 clauses, found 1/],
    ['p cnf 3 1\n1 0\n2 0\n', /input:3: more clauses than the 1 declared on line 1/],
    ['p cnf 3\n', /input:1: expected header "p cnf <variables> <clauses>"/],
    ['c only comments\n', /no "p cnf <variables> <clauses>" header/],
  ])('rejects malformed input %j with its line', (text, message) => {
    expect(() => parseDimacs(text)).toThrow(message);
  });

  it('prints a model as v-lines ending in 0', () => {
    const model = Int8Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : -1));
    const text = formatModelLines(model);
    const literals = text.split('\n').flatMap((line) => {
      expect(line.startsWith('v ')).toBe(true);
      expect(line.length).toBeLessThanOrEqual(80);
      return line.slice(2).trim().split(/\s+/).map(Number);
    });
    expect(literals.at(-1)).toBe(0);
    expect(literals.slice(0, -1)).toEqual(Array.from(model, (v, i) => v * (i + 1)));
  });

  it('the model of the SATLIB-style fixture found by enumeration verifies', () => {
    const f = parseDimacs(fixture('satlib-style-uf20.cnf'));
    const a = new Int8Array(20);
    let found = false;
    for (let x = 0; x < 1 << 20 && !found; x++) {
      for (let i = 0; i < 20; i++) a[i] = (x >> i) & 1 ? 1 : -1;
      found = ksatEnergy(f, a) === 0;
    }
    expect(found).toBe(true);
  });
});

describe('perceptron format', () => {
  it('round-trips a generated instance', () => {
    const { instance } = generate({ problem: 'perceptron', n: 21, alpha: 0.6, k: null, seed: 9 });
    if (instance.kind !== 'perceptron') throw new Error('expected perceptron');
    const back = parsePerceptron(writePerceptron(instance, ['provenance']));
    expect(back.patterns).toEqual(instance.patterns);
    expect(back.labels).toEqual(instance.labels);
    expect(parseInstance(writePerceptron(instance)).kind).toBe('perceptron');
  });

  it.each([
    ['p perceptron 3 1\n+ +-\n', /input:2: pattern has 2 entries, header on line 1 declares N = 3/],
    ['p perceptron 3 1\n+ +x-\n', /input:2: expected "<label \+\/-> <N characters \+\/->"/],
    ['p perceptron 3 2\n+ +--\n', /declares 2 patterns, found 1/],
    ['+ +--\n', /input:1: pattern before the "p perceptron <N> <P>" header/],
  ])('rejects malformed input %j with its line', (text, message) => {
    expect(() => parsePerceptron(text)).toThrow(message);
  });

  it('reads back a weight line and rejects a wrong length', () => {
    const w = Int8Array.of(1, -1, -1, 1, 1);
    expect(parseWeightLine(formatWeightLine(w), 5)).toEqual(w);
    expect(() => parseWeightLine('w ++-', 5)).toThrow(/3 entries, expected N = 5/);
  });

  it('names an unknown header', () => {
    expect(() => parseInstance('c x\np wcnf 3 1\n')).toThrow(/input:2: unknown format "p wcnf"/);
  });
});
