// The densebench perceptron format (documented in instances/README.md):
//   c <comment>                      any number of comment lines
//   p perceptron <N> <P>             header (a committee machine: p committee <N> <K> <P>)
//   <σ> <ξ_1…ξ_N>                    P lines: a label + or -, a space, then N characters + or -
// An answer (weights) is one line "w <N characters + or ->" (K·N characters for a committee).
import type { Assignment, CommitteeInstance, PerceptronInstance } from '@densebench/core';
import { stripByteOrderMark } from './byte-order-mark.js';
import { InstanceFormatError } from './dimacs.js';
import { clip, commentLines } from './format-text.js';

const PLUS = 43; // '+'
const MINUS = 45; // '-'

export function parsePerceptron(text: string, source = 'input'): PerceptronInstance | CommitteeInstance {
  const lines = stripByteOrderMark(text).split(/\r?\n/);
  let n = -1;
  let p = -1;
  let hidden = 0; // 0: a perceptron
  let headerLine = 0;
  let patterns = new Int8Array(0);
  let labels = new Int8Array(0);
  let mu = 0;
  let lineNo = 0;
  for (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (line === '' || line.startsWith('c')) continue;
    if (line.startsWith('p')) {
      if (n >= 0) throw new InstanceFormatError(source, lineNo, `second header line (first on line ${headerLine})`);
      const parts = line.split(/\s+/);
      const numbers = parts.slice(2);
      const shapeOk = (parts[1] === 'perceptron' && numbers.length === 2) || (parts[1] === 'committee' && numbers.length === 3);
      if (!shapeOk || !numbers.every((x) => /^\d+$/.test(x))) {
        throw new InstanceFormatError(source, lineNo, `expected header "p perceptron <N> <P>" or "p committee <N> <K> <P>", got "${clip(line)}"`);
      }
      n = Number(numbers[0]);
      if (parts[1] === 'committee') {
        hidden = Number(numbers[1]);
        if (hidden < 1) throw new InstanceFormatError(source, lineNo, 'K must be at least 1');
      }
      p = Number(numbers.at(-1));
      if (n < 1) throw new InstanceFormatError(source, lineNo, 'N must be at least 1');
      // Checked before allocating N·P entries: each pattern takes a line of at least N + 2 characters, so a header
      // promising more than the text can hold is wrong, and would otherwise ask for terabytes.
      const tooLarge = numbers.find((x) => !Number.isSafeInteger(Number(x)));
      if (tooLarge !== undefined) throw new InstanceFormatError(source, lineNo, `${clip(tooLarge)} is beyond the largest safe integer (${Number.MAX_SAFE_INTEGER})`);
      if (!Number.isSafeInteger(n * p) || n * p + 2 * p > text.length) {
        throw new InstanceFormatError(source, lineNo, `header declares ${p} patterns of N = ${n}, more than the ${text.length} characters of the input can hold`);
      }
      headerLine = lineNo;
      patterns = new Int8Array(n * p);
      labels = new Int8Array(p);
      continue;
    }
    if (n < 0) throw new InstanceFormatError(source, lineNo, 'pattern before the "p perceptron <N> <P>" header');
    if (mu >= p) throw new InstanceFormatError(source, lineNo, `more patterns than the ${p} declared on line ${headerLine}`);
    const match = /^([+-])\s+([+-]+)$/.exec(line);
    if (!match) throw new InstanceFormatError(source, lineNo, `expected "<label +/-> <N characters +/->", got "${clip(line)}"`);
    const signs = match[2]!;
    if (signs.length !== n) throw new InstanceFormatError(source, lineNo, `pattern has ${signs.length} entries, header on line ${headerLine} declares N = ${n}`);
    labels[mu] = match[1] === '+' ? 1 : -1;
    const row = mu * n;
    for (let i = 0; i < n; i++) patterns[row + i] = signs.charCodeAt(i) === PLUS ? 1 : -1;
    mu++;
  }
  if (n < 0) throw new InstanceFormatError(source, lineNo, 'no "p perceptron <N> <P>" header');
  if (mu !== p) throw new InstanceFormatError(source, lineNo, `header on line ${headerLine} declares ${p} patterns, found ${mu}`);
  return hidden > 0 ? { kind: 'committee', problem: 'committee', n, hidden, p, patterns, labels } : { kind: 'perceptron', problem: 'perceptron', n, p, patterns, labels };
}

function signString(values: Int8Array, start: number, length: number): string {
  const bytes = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) bytes[i] = values[start + i] === 1 ? PLUS : MINUS;
  return bytes.toString('latin1');
}

export function writePerceptron(instance: PerceptronInstance | CommitteeInstance, comments: readonly string[] = []): string {
  const out: string[] = commentLines(comments);
  out.push(instance.kind === 'committee' ? `p committee ${instance.n} ${instance.hidden} ${instance.p}` : `p perceptron ${instance.n} ${instance.p}`);
  for (let mu = 0; mu < instance.p; mu++) {
    out.push(`${instance.labels[mu] === 1 ? '+' : '-'} ${signString(instance.patterns, mu * instance.n, instance.n)}`);
  }
  return out.join('\n') + '\n';
}

export function formatWeightLine(weights: Assignment): string {
  return `w ${signString(weights, 0, weights.length)}`;
}

/** Reads a "w ++-…" line back into weights; throws naming the problem. */
export function parseWeightLine(line: string, n: number): Assignment {
  const match = /^w\s+([+-]+)\s*$/.exec(line.trim());
  if (!match) throw new Error(`expected a weight line "w <${n} characters +/->"`);
  if (match[1]!.length !== n) throw new Error(`weight line has ${match[1]!.length} entries, expected N = ${n}`);
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) out[i] = match[1]!.charCodeAt(i) === PLUS ? 1 : -1;
  return out;
}
