// External solvers in any language: a JSON manifest (densebench-plugin.json) declares a program, how to call it and
// how to read its answer. The harness writes the instance file, runs the program in its own process group, kills the
// whole group at the deadline, parses the answer and verifies it like any other plugin's. The run's peak memory is the
// program's (and its descendants') resident memory, polled from /proc while it runs.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { definePlugin, PROBLEM_NAMES, schemaChecker, TimeLimitError, type AnyInstance, type ProblemName, type SolveContext, type SolveResult, type SolverPlugin } from '@densebench/core';
import { isKsat, parseWeightLine, writeInstance } from '@densebench/problems';
import { runMemoryOf } from './memory.js';
import { watchProcessMemory } from './proc-memory.js';

export const PLUGIN_MANIFEST_FILE = 'densebench-plugin.json';

export type AnswerFormat = 'sat-competition' | 'minisat' | 'weights';

export interface ExternalManifest {
  $schema?: string;
  name: string;
  version: string;
  description: string;
  problems: ProblemName[];
  /**
   * Program and arguments. Placeholders: {instance} (the instance file), {output} (a file the program may write its
   * answer to), {seed} (a 31-bit integer from the run's seeded stream), {timeLimitS} (whole seconds left, at least 1).
   */
  command: string[];
  answer: { format: AnswerFormat; from: 'stdout' | 'file' };
  /** Optional: a regular expression on the program's standard output whose first group is the work done. */
  work?: { pattern: string; unit: string };
  /** How to install the program, shown when it is missing (e.g. "apt-get install cadical"). */
  install?: string;
}

export const externalManifestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'version', 'description', 'problems', 'command', 'answer'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    problems: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: PROBLEM_NAMES.filter((p) => p !== 'mnist') } },
    command: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    answer: {
      type: 'object',
      additionalProperties: false,
      required: ['format', 'from'],
      properties: { format: { enum: ['sat-competition', 'minisat', 'weights'] }, from: { enum: ['stdout', 'file'] } },
    },
    work: {
      type: 'object',
      additionalProperties: false,
      required: ['pattern', 'unit'],
      properties: { pattern: { type: 'string', minLength: 1 }, unit: { type: 'string', minLength: 1 } },
    },
    install: { type: 'string' },
  },
} as const;

const checkManifest: (value: unknown, where: string) => asserts value is ExternalManifest = schemaChecker<ExternalManifest>(externalManifestSchema);

/** Reads and validates a manifest; errors name the file and the field at fault. */
export function readManifest(path: string): ExternalManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
  checkManifest(parsed, path);
  const manifest = parsed;
  if (manifest.answer.format === 'weights' && manifest.problems.some(isKsat)) throw new Error(`${path}: field "answer.format" "weights" answers perceptron problems, not ksat`);
  if (manifest.answer.format !== 'weights' && !manifest.problems.every(isKsat)) throw new Error(`${path}: field "answer.format" "${manifest.answer.format}" answers ksat and planted-ksat only`);
  if (manifest.answer.from === 'file' && !manifest.command.some((arg) => arg.includes('{output}'))) throw new Error(`${path}: field "answer.from" is "file" but no argument of "command" contains {output}`);
  if (!manifest.command.some((arg) => arg.includes('{instance}'))) throw new Error(`${path}: no argument of field "command" contains {instance}`);
  if (manifest.work) {
    try {
      new RegExp(manifest.work.pattern, 'm');
    } catch (error) {
      throw new Error(`${path}: field "work.pattern": ${(error as Error).message}`, { cause: error });
    }
  }
  return manifest;
}

/**
 * The URL under which the harness (and its workers) load the plugin a manifest describes: the manifest's own file URL.
 * importPlugin recognises it by its .json ending and builds the plugin from the manifest.
 */
export function externalPluginUrl(manifestPath: string): string {
  return pathToFileURL(resolve(manifestPath)).href;
}

/** Whether a plugin URL names an external solver's manifest. */
export function isExternalPluginUrl(url: string): boolean {
  return url.startsWith('file:') && new URL(url).pathname.endsWith('.json');
}

/** The program of a manifest as found on PATH (or relative to the manifest), or undefined. */
export function findProgram(manifest: ExternalManifest, manifestPath: string): string | undefined {
  const program = manifest.command[0]!;
  if (program.includes('/')) {
    const path = isAbsolute(program) ? program : resolve(dirname(manifestPath), program);
    return isExecutableFile(path) ? path : undefined;
  }
  return (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, program)).find(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A parsed answer: an assignment, or the program's claim that there is none. */
export type ExternalAnswer = { kind: 'assignment'; assignment: Int8Array } | { kind: 'unsatisfiable' } | { kind: 'unknown' };

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
  if (status === undefined) return { kind: 'unknown' };
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
  if (first === 'INDET' || first === '') return { kind: 'unknown' };
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
  return { kind: 'unknown' };
}

const PARSERS: Record<AnswerFormat, (text: string, n: number, source: string) => ExternalAnswer> = {
  'sat-competition': parseSatCompetition,
  minisat: parseMinisat,
  weights: parseWeights,
};

interface ProgramRun {
  stdout: string;
  stderrTail: string;
  code: number | null;
  killedAtDeadline: boolean;
  /** Peak resident memory of the program and its descendants, bytes (null where it could not be measured). */
  peakMemoryBytes: number | null;
}

const STDERR_TAIL = 2000;
/** An UNKNOWN answer this close to the deadline (or past it) means the program ran out of time. */
const UNKNOWN_NEAR_DEADLINE_MS = 5000;

/** Runs a command in its own process group; at the deadline (or on abort) the whole group is killed. */
function runProgram(command: string[], ctx: SolveContext): Promise<ProgramRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command[0]!, command.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const memory = child.pid === undefined ? undefined : watchProcessMemory(child.pid);
    const out: Buffer[] = [];
    let stderrTail = '';
    let killedAtDeadline = false;
    const killGroup = (): void => {
      killedAtDeadline = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    // setTimeout fires at once for delays past 2³¹ − 1 ms (≈ 24.8 days): no timer for an unbounded deadline.
    const delay = ctx.deadline - performance.now();
    const timer = delay < 2 ** 31 - 1 ? setTimeout(killGroup, Math.max(0, delay)) : undefined;
    ctx.signal.addEventListener('abort', killGroup, { once: true });
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      memory?.stop();
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', killGroup);
      const peakMemoryBytes = memory?.stop() ?? null;
      resolvePromise({ stdout: Buffer.concat(out).toString('utf8'), stderrTail, code, killedAtDeadline, peakMemoryBytes });
    });
  });
}

function substitute(arg: string, values: Record<string, string>): string {
  return arg.replace(/\{(instance|output|seed|timeLimitS)\}/g, (_, key: string) => values[key]!);
}

/** The plugin a manifest describes: its solve() runs the program once per call. */
export function externalPlugin(manifest: ExternalManifest, manifestPath: string): SolverPlugin {
  const missing = (): string =>
    `${manifest.name}: program "${manifest.command[0]}" not found on PATH${manifest.install ? ` (install it: ${manifest.install})` : ''} — from ${manifestPath}`;
  return definePlugin<Record<string, never>, AnyInstance>({
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    problems: manifest.problems,
    workUnit: manifest.work?.unit ?? 'program runs',
    params: { type: 'object', properties: {} },
    preflight() {
      if (!findProgram(manifest, manifestPath)) throw new Error(missing());
    },
    async solve(instance, _params, ctx): Promise<SolveResult> {
      // The run's memory is its program's, null when the program does not run.
      runMemoryOf(ctx)?.useProcessMemory();
      if (instance.kind === 'dataset') throw new Error(`${manifest.name}: external programs answer ±1 problems, not data sets`);
      if (ctx.shouldStop()) throw new TimeLimitError('time limit reached before the program started');
      const program = findProgram(manifest, manifestPath);
      if (!program) throw new Error(missing());
      const dir = mkdtempSync(join(tmpdir(), `densebench-${manifest.name}-`));
      try {
        const instancePath = join(dir, instance.kind === 'ksat' ? 'instance.cnf' : 'instance.txt');
        const outputPath = join(dir, 'answer.txt');
        writeFileSync(instancePath, writeInstance(instance), 'latin1');
        const values = {
          instance: instancePath,
          output: outputPath,
          seed: String(ctx.rng.nextUint32() >>> 1),
          // Whole seconds left, at least 1; an unbounded run (outside the harness) gets a year.
          timeLimitS: String(Math.min(31_536_000, Math.max(1, Math.floor((ctx.deadline - performance.now()) / 1000)))),
        };
        const run = await runProgram([program, ...manifest.command.slice(1).map((arg) => substitute(arg, values))], ctx);
        runMemoryOf(ctx)?.addProcessPeak(run.peakMemoryBytes);
        if (run.killedAtDeadline) throw new TimeLimitError(`time limit reached: the process group of ${manifest.command[0]} was killed`);
        const stderr = run.stderrTail.trim() ? `\nstderr (last lines):\n${run.stderrTail.trim()}` : '';
        let text: string;
        try {
          text = manifest.answer.from === 'stdout' ? run.stdout : readFileSync(outputPath, 'utf8');
        } catch {
          throw new Error(`${manifest.name} exited with code ${run.code} and wrote no answer file${stderr}`);
        }
        let answer: ExternalAnswer;
        try {
          answer = PARSERS[manifest.answer.format](text, instance.n, manifest.answer.from === 'stdout' ? `${manifest.name} output` : `${manifest.name} answer file`);
        } catch (error) {
          throw new Error(`${(error as Error).message} (exit code ${run.code})${stderr}`, { cause: error });
        }
        const match = manifest.work ? new RegExp(manifest.work.pattern, 'm').exec(run.stdout) : null;
        const work = match ? Number(match[1]) : 1;
        const info = { exitCode: run.code ?? -1, program };
        if (answer.kind === 'unsatisfiable') return { unsatisfiable: true, work, info };
        if (answer.kind === 'unknown') {
          // Given {timeLimitS}, a program stops itself just before the deadline: that is a timeout, not a failure.
          const left = ctx.deadline - performance.now();
          if (left < UNKNOWN_NEAR_DEADLINE_MS) throw new TimeLimitError(`time limit reached: ${manifest.name} gave no answer within it (exit code ${run.code})`);
          throw new Error(`${manifest.name} gave no answer (exit code ${run.code})${stderr}`);
        }
        // "SATISFIABLE" claims a model: a wrong one is then recorded invalid, not merely unsolved.
        return { assignment: answer.assignment, work, info, ...(manifest.answer.format === 'weights' ? {} : { energy: 0 }) };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  });
}

/** The plugin of the manifest at `path` (a densebench-plugin.json file, or a directory holding one). */
export function loadExternalPlugin(path: string): SolverPlugin {
  const manifestPath = path.endsWith('.json') ? path : join(path, PLUGIN_MANIFEST_FILE);
  return externalPlugin(readManifest(manifestPath), manifestPath);
}
