import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Instance } from '@densebench/core';
import { InstanceFormatError, parseDimacs, writeDimacs } from './dimacs.js';
import { parsePerceptron, writePerceptron } from './perceptron-format.js';

/** A short description of an instance's size, e.g. "N = 201, 60 patterns". */
export function describeInstance(instance: Instance): string {
  switch (instance.kind) {
    case 'ksat':
      return `${instance.n} variables, ${instance.m} clauses`;
    case 'committee':
      return `N = ${instance.n}, K = ${instance.hidden}, ${instance.p} patterns`;
    case 'perceptron':
      return `N = ${instance.n}, ${instance.p} patterns`;
  }
}

/** Canonical text of an instance: the writer's output without comments. */
export function canonicalText(instance: Instance): string {
  return instance.kind === 'ksat' ? writeDimacs(instance) : writePerceptron(instance);
}

/** Instance identity: SHA-256 (hex) of its canonical text. Equal data ⇔ equal hash, whatever file it came from. */
export function instanceHash(instance: Instance): string {
  return createHash('sha256').update(canonicalText(instance), 'latin1').digest('hex');
}

export function writeInstance(instance: Instance, comments: readonly string[] = []): string {
  return instance.kind === 'ksat' ? writeDimacs(instance, comments) : writePerceptron(instance, comments);
}

/** Parses DIMACS CNF or the perceptron format, told apart by the header line. */
export function parseInstance(text: string, source = 'input'): Instance {
  const header = /^\s*p\s+(\S+)/m.exec(text);
  if (header?.[1] === 'cnf') return parseDimacs(text, source);
  if (header?.[1] === 'perceptron' || header?.[1] === 'committee') return parsePerceptron(text, source);
  const lineNo = header ? text.slice(0, header.index).split('\n').length + (text[header.index] === '\n' ? 1 : 0) : 1;
  throw new InstanceFormatError(source, lineNo, header ? `unknown format "p ${header[1]}": expected "p cnf" (DIMACS), "p perceptron" or "p committee"` : 'no header line "p cnf …" or "p perceptron …" found');
}

export async function readInstanceFile(path: string): Promise<Instance> {
  return parseInstance(await readFile(path, 'latin1'), path);
}
