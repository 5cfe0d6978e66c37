// DIMACS CNF (as used by the SAT competitions and SATLIB). The reader accepts comment lines, clauses split
// across lines or several per line, and the SATLIB trailer (a line "%" followed by "0"), after which it stops.
import type { Assignment, KsatInstance } from '@densebench/core';
import { stripByteOrderMark } from './byte-order-mark.js';
import { clip, commentLines } from './format-text.js';

export class InstanceFormatError extends Error {
  constructor(readonly source: string, readonly line: number, message: string) {
    super(`${source}:${line}: ${message}`);
    this.name = 'InstanceFormatError';
  }
}

/** The largest variable index a formula may use: literals are stored as 32-bit integers. */
export const MAX_VARIABLES = 2 ** 31 - 1;

export function parseDimacs(text: string, source = 'input'): KsatInstance {
  const lines = stripByteOrderMark(text).split(/\r?\n/);
  let n = -1;
  let m = -1;
  let headerLine = 0;
  const starts: number[] = [0];
  const literals: number[] = [];
  let open = false; // a clause has literals not yet closed by 0
  let lineNo = 0;
  for (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (line === '' || line.startsWith('c')) continue;
    if (line.startsWith('%')) break;
    if (line.startsWith('p')) {
      if (n >= 0) throw new InstanceFormatError(source, lineNo, `second header line (first on line ${headerLine})`);
      const parts = line.split(/\s+/);
      if (parts.length !== 4 || parts[1] !== 'cnf' || !/^\d+$/.test(parts[2]!) || !/^\d+$/.test(parts[3]!)) {
        throw new InstanceFormatError(source, lineNo, `expected header "p cnf <variables> <clauses>", got "${clip(line)}"`);
      }
      n = Number(parts[2]);
      m = Number(parts[3]);
      // Literals are stored as Int32: a larger variable index would wrap around silently.
      if (n > MAX_VARIABLES) throw new InstanceFormatError(source, lineNo, `${clip(parts[2]!)} variables is more than the ${MAX_VARIABLES} a literal can name`);
      if (!Number.isSafeInteger(m)) throw new InstanceFormatError(source, lineNo, `${clip(parts[3]!)} clauses is more than any file can hold`);
      headerLine = lineNo;
      continue;
    }
    if (n < 0) throw new InstanceFormatError(source, lineNo, 'clause before the "p cnf" header');
    for (const token of line.split(/\s+/)) {
      if (!/^-?\d+$/.test(token)) throw new InstanceFormatError(source, lineNo, `"${clip(token)}" is not an integer literal`);
      const lit = Number(token);
      if (lit === 0) {
        if (starts.length - 1 >= m) throw new InstanceFormatError(source, lineNo, `more clauses than the ${m} declared on line ${headerLine}`);
        starts.push(literals.length);
        open = false;
      } else {
        if (Math.abs(lit) > n) throw new InstanceFormatError(source, lineNo, `literal ${lit} names a variable beyond the ${n} declared on line ${headerLine}`);
        literals.push(lit);
        open = true;
      }
    }
  }
  if (n < 0) throw new InstanceFormatError(source, lineNo, 'no "p cnf <variables> <clauses>" header');
  if (open) {
    // A last clause without its terminating 0 is accepted, as most solvers do.
    if (starts.length - 1 >= m) throw new InstanceFormatError(source, lineNo, `more clauses than the ${m} declared on line ${headerLine}`);
    starts.push(literals.length);
  }
  const found = starts.length - 1;
  if (found !== m) throw new InstanceFormatError(source, lineNo, `header on line ${headerLine} declares ${m} clauses, found ${found}`);
  return { kind: 'ksat', problem: 'ksat', n, m, clauseStart: Int32Array.from(starts), clauseLiterals: Int32Array.from(literals) };
}

export function writeDimacs(instance: KsatInstance, comments: readonly string[] = []): string {
  const out: string[] = commentLines(comments);
  out.push(`p cnf ${instance.n} ${instance.m}`);
  const { clauseStart, clauseLiterals } = instance;
  for (let c = 0; c < instance.m; c++) {
    const lits: number[] = [];
    for (let j = clauseStart[c]!; j < clauseStart[c + 1]!; j++) lits.push(clauseLiterals[j]!);
    lits.push(0);
    out.push(lits.join(' '));
  }
  return out.join('\n') + '\n';
}

/** SAT-competition model lines: "v 1 -2 3 … 0", wrapped at about 80 characters. */
export function formatModelLines(assignment: Assignment): string {
  const lines: string[] = [];
  let current = 'v';
  for (let i = 0; i < assignment.length; i++) {
    const lit = String(assignment[i] === 1 ? i + 1 : -(i + 1));
    if (current.length + 1 + lit.length > 80) {
      lines.push(current);
      current = 'v';
    }
    current += ` ${lit}`;
  }
  lines.push(`${current} 0`);
  return lines.join('\n');
}
