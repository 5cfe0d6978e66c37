import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileReadError, type AnyInstance, type DatasetInstance, type Instance } from '@densebench/core';
import { stripByteOrderMark } from './byte-order-mark.js';
import { InstanceFormatError, parseDimacs, writeDimacs } from './dimacs.js';
import { parsePerceptron, writePerceptron } from './perceptron-format.js';

/** A short description of an instance's size, e.g. "N = 201, 60 patterns". */
export function describeInstance(instance: AnyInstance): string {
  switch (instance.kind) {
    case 'dataset':
      return `${instance.problem}: ${instance.p} training examples of dimension ${instance.n}, ${instance.classes} classes`;
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

/**
 * Instance identity: SHA-256 (hex) of its canonical text. Equal data ⇔ equal hash, whatever file it came from.
 * A data set hashes a header line, then its inputs (float32, little-endian) and labels (one byte each).
 */
export function instanceHash(instance: AnyInstance): string {
  if (instance.kind === 'dataset') return datasetHash(instance);
  return createHash('sha256').update(canonicalText(instance), 'latin1').digest('hex');
}

function datasetHash(data: DatasetInstance): string {
  const hash = createHash('sha256').update(`densebench dataset ${data.problem} n=${data.n} p=${data.p} classes=${data.classes}\n`, 'latin1');
  const inputs = Buffer.from(data.inputs.buffer, data.inputs.byteOffset, data.inputs.byteLength);
  // Float32Array is host-endian; every platform Node runs on is little-endian, which the check below makes explicit.
  if (new Uint8Array(new Float32Array([1]).buffer)[3] !== 0x3f) throw new Error('instanceHash assumes a little-endian machine');
  return hash.update(inputs).update(Buffer.from(data.labels.buffer, data.labels.byteOffset, data.labels.byteLength)).digest('hex');
}

export function writeInstance(instance: Instance, comments: readonly string[] = []): string {
  return instance.kind === 'ksat' ? writeDimacs(instance, comments) : writePerceptron(instance, comments);
}

/** Parses DIMACS CNF or the perceptron format, told apart by the header line. */
export function parseInstance(text: string, source = 'input'): Instance {
  text = stripByteOrderMark(text);
  const header = /^\s*p\s+(\S+)/m.exec(text);
  if (header?.[1] === 'cnf') return parseDimacs(text, source);
  if (header?.[1] === 'perceptron' || header?.[1] === 'committee') return parsePerceptron(text, source);
  const lineNo = header ? text.slice(0, header.index).split('\n').length + (text[header.index] === '\n' ? 1 : 0) : 1;
  throw new InstanceFormatError(source, lineNo, header ? `unknown format "p ${header[1]}": expected "p cnf" (DIMACS), "p perceptron" or "p committee"` : 'no header line "p cnf …" or "p perceptron …" found');
}

/** Reads and parses an instance file (a leading UTF-8 byte-order mark is skipped); errors name the path. */
export async function readInstanceFile(path: string): Promise<Instance> {
  let text: string;
  try {
    text = await readFile(path, 'latin1');
  } catch (error) {
    throw fileReadError(path, error, 'an instance file');
  }
  return parseInstance(text, path);
}
