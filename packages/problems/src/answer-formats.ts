// What external solvers print as their answer, read into one discriminated union (ExternalAnswer): the SAT competition's
// output, MiniSat's result file, and a weight line of the perceptron format (perceptron-format.ts). An external plugin's
// manifest names one of these formats (AnswerFormat); parseAnswer reads it.
import { parseWeightLine } from './perceptron-format.js';

/** The answer formats an external solver's manifest can declare. */
export type AnswerFormat = 'sat-competition' | 'minisat' | 'weights';

/**
 * A parsed answer: an assignment, the program's claim that there is none, its statement that it does not know
 * ("s UNKNOWN", MiniSat's "INDET"), or no status at all.
 */
export type ExternalAnswer = { kind: 'assignment'; assignment: Int8Array } | { kind: 'unsatisfiable' } | { kind: 'unknown' } | { kind: 'none' };

/** An answer that could not be read; `line` is the 1-based line at fault. */
export class AnswerFormatError extends Error {
  constructor(source: string, line: number, text: string, reason: string) {
    super(`${source}, line ${line}: ${reason}: ${JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text)}`);
    this.name = 'AnswerFormatError';
  }
}

function literalsInto(assignment: Int8Array, tokens: string[], source: string, lineNo: number, line: string): boolean {
  for (const token of tokens) {
    if (!/^-?\d+$/.test(token)) throw new AnswerFormatError(source, lineNo, line, `"${token}" is not a literal`);
    const literal = Number(token);
    if (literal === 0) return true;
    const variable = Math.abs(literal);
    if (variable > assignment.length) throw new AnswerFormatError(source, lineNo, line, `variable ${variable} exceeds N = ${assignment.length}`);
    assignment[variable - 1] = literal > 0 ? 1 : -1;
  }
  return false;
}

/**
 * SAT-competition output: "c" comments, one "s SATISFIABLE | UNSATISFIABLE | UNKNOWN" line, "v" lines of literals
 * ending with 0. Variables the model leaves out are set true (any value satisfies a complete model's clauses).
 */
export function parseSatCompetition(text: string, n: number, source = 'output'): ExternalAnswer {
  const assignment = new Int8Array(n).fill(1);
  let status: string | undefined;
  let terminated = false;
  let sawValues = false;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('c')) continue;
    if (line.startsWith('s ')) {
      if (status !== undefined) throw new AnswerFormatError(source, i + 1, line, 'a second "s" line');
      status = line.slice(2).trim();
      if (!['SATISFIABLE', 'UNSATISFIABLE', 'UNKNOWN'].includes(status)) throw new AnswerFormatError(source, i + 1, line, 'unknown status');
    } else if (line.startsWith('v ') || line === 'v') {
      if (terminated) throw new AnswerFormatError(source, i + 1, line, 'values after the terminating 0');
      sawValues = true;
      terminated = literalsInto(assignment, line.slice(1).trim().split(/\s+/).filter(Boolean), source, i + 1, line);
    } else {
      throw new AnswerFormatError(source, i + 1, line, 'not a "c", "s" or "v" line');
    }
  }
  if (status === undefined) return { kind: 'none' };
  if (status === 'UNSATISFIABLE') return { kind: 'unsatisfiable' };
  if (status === 'UNKNOWN') return { kind: 'unknown' };
  if (!sawValues) throw new AnswerFormatError(source, lines.length, '', '"s SATISFIABLE" without "v" lines');
  if (!terminated) throw new AnswerFormatError(source, lines.length, '', 'the "v" lines do not end with 0');
  return { kind: 'assignment', assignment };
}

/** MiniSat's result file: "SAT" then the literals ending with 0, or "UNSAT", or "INDET". */
export function parseMinisat(text: string, n: number, source = 'result file'): ExternalAnswer {
  const lines = text.split('\n').map((l) => l.trim());
  const first = lines[0] ?? '';
  if (first === 'UNSAT') return { kind: 'unsatisfiable' };
  if (first === 'INDET') return { kind: 'unknown' };
  if (first === '') return { kind: 'none' };
  if (first !== 'SAT') throw new AnswerFormatError(source, 1, first, 'expected SAT, UNSAT or INDET');
  const assignment = new Int8Array(n).fill(1);
  const values = lines.slice(1).join(' ').split(/\s+/).filter(Boolean);
  if (!literalsInto(assignment, values, source, 2, lines[1] ?? '')) throw new AnswerFormatError(source, 2, lines[1] ?? '', 'the literals do not end with 0');
  return { kind: 'assignment', assignment };
}

/** A weights answer: "c" comments and one line "w ++-…" (the perceptron format's weight line). */
export function parseWeights(text: string, n: number, source = 'output'): ExternalAnswer {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('c')) continue;
    try {
      return { kind: 'assignment', assignment: parseWeightLine(line, n) };
    } catch (error) {
      throw new AnswerFormatError(source, i + 1, line, (error as Error).message);
    }
  }
  return { kind: 'none' };
}

const PARSERS: Record<AnswerFormat, (text: string, n: number, source: string) => ExternalAnswer> = {
  'sat-competition': parseSatCompetition,
  minisat: parseMinisat,
  weights: parseWeights,
};

/** Reads an answer in the given format for N = `n` variables; `source` names where the text came from in errors. */
export function parseAnswer(format: AnswerFormat, text: string, n: number, source: string): ExternalAnswer {
  return PARSERS[format](text, n, source);
}
