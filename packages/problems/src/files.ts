import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Instance } from '@densebench/core';
import { InstanceFormatError, parseDimacs, writeDimacs } from './dimacs.js';
import { parsePerceptron, writePerceptron } from './perceptron-format.js';

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
  if (header?.[1] === 'perceptron') return parsePerceptron(text, source);
  const lineNo = header ? text.slice(0, header.index).split('\n').length + (text[header.index] === '\n' ? 1 : 0) : 1;
  throw new InstanceFormatError(source, lineNo, header ? `unknown format "p ${header[1]}": expected "p cnf" (DIMACS) or "p perceptron"` : 'no header line "p cnf …" or "p perceptron …" found');
}

export async function readInstanceFile(path: string): Promise<Instance> {
  return parseInstance(await readFile(path, 'latin1'), path);
}
