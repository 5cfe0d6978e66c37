import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ksatEnergy } from '@densebench/core';
import {
  canonicalText, formatModelLines, formatWeightLine, generate, instanceHash, parseDimacs, parseInstance, parsePerceptron, parseWeightLine, readInstanceFile, writeDimacs, writeInstance, writePerceptron,
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

  it('refuses a header promising more patterns than the text holds, before allocating them', () => {
    expect(() => parsePerceptron('p perceptron 100000000 100000000\n+ +\n')).toThrow(
      'input:1: header declares 100000000 patterns of N = 100000000, more than the 37 characters of the input can hold',
    );
    expect(() => parsePerceptron('p committee 3 1 99999999999999999999\n')).toThrow('input:1: 99999999999999999999 is beyond the largest safe integer (9007199254740991)');
  });
});

describe('header limits of DIMACS', () => {
  it('refuses more variables than an Int32 literal can name, rather than wrapping them', () => {
    expect(() => parseDimacs('p cnf 3000000000 1\n2500000000 0\n')).toThrow('input:1: 3000000000 variables is more than the 2147483647 a literal can name');
    const f = parseDimacs('p cnf 2147483647 1\n-2147483647 0\n');
    expect(Array.from(f.clauseLiterals)).toEqual([-2147483647]);
  });
});

describe('writers', () => {
  it('keep a comment with line breaks on comment lines', () => {
    const { instance } = generate({ problem: 'ksat', n: 5, alpha: 1, k: 3, seed: 1 });
    if (instance.kind !== 'ksat') throw new Error('expected ksat');
    const text = writeDimacs(instance, ['first\np cnf 1 1', 'second\r\n1 0']);
    expect(text.split('\n').slice(0, 4)).toEqual(['c first', 'c p cnf 1 1', 'c second', 'c 1 0']);
    expect(canonicalText(parseDimacs(text))).toBe(canonicalText(instance));
  });
});

describe('readInstanceFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'densebench-read-'));
  const { instance } = generate({ problem: 'perceptron', n: 11, alpha: 0.5, k: null, seed: 2 });

  it('skips a UTF-8 byte-order mark', async () => {
    const path = join(dir, 'bom.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(writeInstance(instance), 'latin1')]));
    expect(instanceHash(await readInstanceFile(path))).toBe(instanceHash(instance));
    const cnf = join(dir, 'bom.cnf');
    writeFileSync(cnf, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('p cnf 2 1\n1 -2 0\n')]));
    expect(Array.from(((await readInstanceFile(cnf)) as { clauseLiterals: Int32Array }).clauseLiterals)).toEqual([1, -2]);
    // Text already decoded as UTF-8 carries the mark as U+FEFF; the parsers skip it too.
    expect(parseDimacs('\uFEFFp cnf 1 1\n1 0\n').m).toBe(1);
    expect(parsePerceptron('\u00ef\u00bb\u00bfp perceptron 1 1\n+ +\n').p).toBe(1);
  });

  it('names the path and says what is wrong when it is not a readable file', async () => {
    await expect(readInstanceFile(dir)).rejects.toThrow(`${dir}: is a directory, not an instance file`);
    await expect(readInstanceFile(join(dir, 'missing.cnf'))).rejects.toThrow(`${join(dir, 'missing.cnf')}: no such file (expected an instance file)`);
    if (process.getuid?.() !== 0) {
      const locked = join(dir, 'locked.cnf');
      writeFileSync(locked, 'p cnf 1 1\n1 0\n');
      chmodSync(locked, 0o000);
      await expect(readInstanceFile(locked)).rejects.toThrow(`${locked}: permission denied`);
    }
  });
});
