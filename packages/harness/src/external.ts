// External solvers in any language: a JSON manifest (densebench-plugin.json) declares a program, how to call it and
// how to read its answer. The harness writes the instance file, runs the program in its own process group with a
// per-run environment tag (process-tree.ts), kills the group and every tagged process — at the deadline, and when the
// program exits, so nothing it started outlives its run — parses the answer and verifies it like any other plugin's.
// The run's peak memory is the program's (and its descendants') resident memory, polled from /proc while it runs.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { definePlugin, PROBLEM_NAMES, schemaChecker, TimeLimitError, type AnyInstance, type ParamSchema, type ProblemName, type SolveContext, type SolveResult, type SolverPlugin } from '@densebench/core';
import { isKsat, parseWeightLine, writeInstance } from '@densebench/problems';
import { runMemoryOf } from './memory.js';
import { watchProcessMemory } from './proc-memory.js';
import { killTagged, newProcessTag, RUN_TAG_ENV } from './process-tree.js';

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
  /**
   * Optional: how the program says "unknown" when it prints no status at all (no "s" line, no result file): an exit
   * code among `exitCodes`, or standard output matching `pattern`. Such a run, before the deadline, is a give-up.
   */
  unknown?: { exitCodes?: number[]; pattern?: string };
  /** How to install the program, shown when it is missing (e.g. "apt-get install cadical"). */
  install?: string;
  /**
   * Optional: the program's parameters, declared like a plugin's (type, description, default, bounds, enum), so that
   * `--param` and `--grid` can set them; an argument of `command` uses one as {params.NAME}.
   */
  params?: { type: 'object'; properties: Record<string, ParamSchema> };
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
    unknown: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        exitCodes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'integer', minimum: 0, maximum: 255 } },
        pattern: { type: 'string', minLength: 1 },
      },
    },
    install: { type: 'string' },
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'properties'],
      properties: {
        type: { const: 'object' },
        properties: {
          type: 'object',
          propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'description'],
            properties: {
              type: { enum: ['number', 'integer', 'string', 'boolean'] },
              description: { type: 'string' },
              default: { type: ['number', 'string', 'boolean'] },
              minimum: { type: 'number' },
              maximum: { type: 'number' },
              exclusiveMinimum: { type: 'number' },
              exclusiveMaximum: { type: 'number' },
              enum: { type: 'array', minItems: 1, items: { type: ['number', 'string'] } },
            },
          },
        },
      },
    },
  },
} as const;

const checkManifest: (value: unknown, where: string) => asserts value is ExternalManifest = schemaChecker<ExternalManifest>(externalManifestSchema);

/** Reads and validates a manifest; errors name the file and the field at fault. */
export function readManifest(path: string): ExternalManifest {
  let parsed: unknown;
  try {
    // An editor's UTF-8 byte-order mark is not JSON.
    parsed = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
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
    const groups = compilePattern(manifest.work.pattern, path, 'work.pattern');
    if (groups === 0) throw new Error(`${path}: field "work.pattern" ${JSON.stringify(manifest.work.pattern)} has no capturing group (its first group is the work)`);
  }
  if (manifest.unknown?.pattern !== undefined) compilePattern(manifest.unknown.pattern, path, 'unknown.pattern');
  const declared = Object.keys(manifest.params?.properties ?? {});
  for (const [name, param] of Object.entries(manifest.params?.properties ?? {})) {
    if (param.default === undefined) throw new Error(`${path}: field "params.properties.${name}" needs a "default": the command needs a value when --param does not give one`);
  }
  for (const arg of manifest.command) {
    for (const [, name] of arg.matchAll(/\{params\.([^}]*)\}/g)) {
      if (!declared.includes(name!)) throw new Error(`${path}: field "command" uses {params.${name}}, which field "params.properties" does not declare (declared: ${declared.join(', ') || 'none'})`);
    }
  }
  return manifest;
}

/** Checks that a manifest's regular expression compiles; returns its number of capturing groups. */
function compilePattern(pattern: string, path: string, field: string): number {
  try {
    new RegExp(pattern, 'm');
  } catch (error) {
    throw new Error(`${path}: field "${field}": ${(error as Error).message}`, { cause: error });
  }
  // An alternative that matches the empty string makes exec() report every group.
  return new RegExp(`${pattern}|`, 'm').exec('')!.length - 1;
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

interface ProgramRun {
  stdout: string;
  stderrTail: string;
  code: number | null;
  /** The signal that ended the program, null when it exited by itself. */
  signal: NodeJS.Signals | null;
  /** densebench killed the program: at its deadline, or because the run was aborted. */
  killedAtDeadline: boolean;
  /** From the start to the exit of the program, ms. */
  ranMs: number;
  /** The time the program had when it started, ms (Infinity for an unbounded run). */
  budgetMs: number;
  /** Processes of the run still alive when the program exited (killed then), as far as /proc shows them. */
  strays: number;
  /** Peak resident memory of the program and its descendants, bytes (null where it could not be measured). */
  peakMemoryBytes: number | null;
}

const STDERR_TAIL = 2000;
/** How long output pipes may stay open after the program exited and its processes were killed. */
const PIPE_GRACE_MS = 500;
/** The most a program that stopped with no answer may leave of its time and still count as having run out of it. */
const UNKNOWN_NEAR_DEADLINE_MS = 5000;

/**
 * Whether a program that stopped with no answer (or by SIGXCPU) ran out of time rather than failing: it stopped with
 * less than min(5 s, 10 %) of its budget left, or it ran its {timeLimitS} (whole seconds, rounded down from the
 * budget) less min(5 s, 10 %) of that. A program that fails at once is neither, whatever the limit: an error, not a
 * timeout. (Less than 10 % left implies it ran more than 90 % of its budget.)
 */
function ranOutOfTime(run: ProgramRun, toldMs: number | undefined): boolean {
  const margin = (ms: number): number => Math.min(UNKNOWN_NEAR_DEADLINE_MS, 0.1 * ms);
  if (run.budgetMs - run.ranMs < margin(run.budgetMs)) return true;
  return toldMs !== undefined && run.ranMs >= toldMs - margin(toldMs);
}

/** A program ended by a signal densebench did not send (SIGSEGV, SIGABRT, the out-of-memory killer's SIGKILL…). */
export class ProgramCrashError extends Error {
  constructor(
    readonly program: string,
    readonly signal: NodeJS.Signals,
    detail = '',
  ) {
    const hint = signal === 'SIGKILL' ? ' (not by densebench: the kernel\'s out-of-memory killer sends SIGKILL)' : '';
    super(`${program} was killed by ${signal}${hint}${detail}`);
    this.name = 'ProgramCrashError';
  }
}

/**
 * Runs a command in its own process group, with RUN_TAG_ENV set to a fresh tag. At the deadline or on abort, and
 * again when the program exits, the group and every process carrying the tag are killed: a child that left the group
 * (setsid) or outlived the program (re-parented to init) does not survive the run. Output written by such a child
 * after the program exited is not read.
 */
function runProgram(command: string[], ctx: SolveContext): Promise<ProgramRun> {
  return new Promise((resolvePromise, reject) => {
    const runTag = newProcessTag();
    const startedAt = performance.now();
    const child = spawn(command[0]!, command.slice(1), { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [RUN_TAG_ENV]: runTag } });
    const memory = child.pid === undefined ? undefined : watchProcessMemory(child.pid);
    const out: Buffer[] = [];
    let stderrTail = '';
    let killedAtDeadline = false;
    let exit: { code: number | null; signal: NodeJS.Signals | null; ranMs: number; strays: number } | undefined;
    let settled = false;
    // Tagged processes first (they include the group's members), then the group: without /proc the group is all.
    const killRun = (): number => {
      const strays = killTagged(RUN_TAG_ENV, runTag);
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is empty.
      }
      return strays;
    };
    const stop = (): void => {
      if (exit) return;
      killedAtDeadline = true;
      killRun();
    };
    // setTimeout fires at once for delays past 2³¹ − 1 ms (≈ 24.8 days): no timer for an unbounded deadline.
    const delay = ctx.deadline - performance.now();
    const timer = delay < 2 ** 31 - 1 ? setTimeout(stop, Math.max(0, delay)) : undefined;
    ctx.signal.addEventListener('abort', stop, { once: true });
    if (ctx.signal.aborted) stop();
    const finish = (): void => {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', stop);
    };
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.on('error', (error) => {
      finish();
      memory?.stop();
      if (child.pid !== undefined) killRun();
      if (!settled) reject(error);
      settled = true;
    });
    let pipeGrace: NodeJS.Timeout | undefined;
    // The program is gone but its descendants may still hold the output pipes open: kill them so that 'close' comes.
    // One that escaped both the group and the tag (setsid after exec'ing with a scrubbed environment) is cut off.
    child.on('exit', (code, signal) => {
      const ranMs = performance.now() - startedAt;
      finish();
      exit = { code, signal, ranMs, strays: killRun() };
      pipeGrace = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
      }, PIPE_GRACE_MS).unref();
    });
    child.on('close', (code, signal) => {
      finish();
      clearTimeout(pipeGrace);
      const peakMemoryBytes = memory?.stop() ?? null;
      const ended = exit ?? { code, signal, ranMs: performance.now() - startedAt, strays: killRun() };
      if (settled) return;
      settled = true;
      resolvePromise({
        stdout: Buffer.concat(out).toString('utf8'), stderrTail, code: ended.code, signal: ended.signal, killedAtDeadline,
        ranMs: ended.ranMs, budgetMs: ctx.deadline - startedAt, strays: ended.strays, peakMemoryBytes,
      });
    });
  });
}

/**
 * The work a program reports through the manifest's work pattern (1 program run without one, or when it does not
 * match): a finite number ≥ 0, else an error naming the field and quoting the matched text.
 */
function readWork(manifest: ExternalManifest, manifestPath: string, stdout: string): number {
  if (!manifest.work) return 1;
  const match = new RegExp(manifest.work.pattern, 'm').exec(stdout);
  if (!match) return 1;
  const text = (match[1] ?? '').trim();
  const work = DECIMAL.test(text) ? Number(text) : Number.NaN;
  const problem = Number.isNaN(work) ? 'is not a number' : !Number.isFinite(work) ? 'is not finite' : work < 0 ? 'is negative' : undefined;
  if (problem) {
    throw new Error(`${manifest.name}: field "work" of ${manifestPath}: the pattern matched ${JSON.stringify(match[0])}, whose first group ${JSON.stringify(text)} ${problem}`);
  }
  return work;
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a program that printed no status declared, through the manifest's "unknown" field, that it does not know. */
function saysUnknown(manifest: ExternalManifest, run: ProgramRun): boolean {
  const { exitCodes, pattern } = manifest.unknown ?? {};
  if (exitCodes && run.code !== null && exitCodes.includes(run.code)) return true;
  return pattern !== undefined && new RegExp(pattern, 'm').test(run.stdout);
}

function substitute(arg: string, values: Record<string, string>, params: Record<string, unknown>): string {
  return arg
    .replace(/\{(instance|output|seed|timeLimitS)\}/g, (_, key: string) => values[key]!)
    .replace(/\{params\.([A-Za-z][A-Za-z0-9_]*)\}/g, (_, key: string) => String(params[key]));
}

/** The plugin a manifest describes: its solve() runs the program once per call. */
export function externalPlugin(manifest: ExternalManifest, manifestPath: string): SolverPlugin {
  const missing = (): string =>
    `${manifest.name}: program "${manifest.command[0]}" not found on PATH${manifest.install ? ` (install it: ${manifest.install})` : ''} — from ${manifestPath}`;
  return definePlugin<Record<string, unknown>, AnyInstance>({
    name: manifest.name,
    version: manifest.version,
    description: manifest.description,
    problems: manifest.problems,
    workUnit: manifest.work?.unit ?? 'program runs',
    params: { type: 'object', properties: manifest.params?.properties ?? {} },
    preflight() {
      if (!findProgram(manifest, manifestPath)) throw new Error(missing());
    },
    async solve(instance, params, ctx): Promise<SolveResult> {
      // The run's memory is its program's, null when the program does not run.
      runMemoryOf(ctx)?.useProcessMemory();
      if (instance.kind === 'dataset') throw new Error(`${manifest.name}: external programs answer ±1 problems, not data sets`);
      if (ctx.shouldStop()) throw new TimeLimitError('time limit reached before the program started');
      const program = findProgram(manifest, manifestPath);
      if (!program) throw new Error(missing());
      // The host's private scratch directory when there is one: it removes it even after a SIGKILL of the worker.
      const dir = mkdtempSync(join(process.env.DENSEBENCH_SCRATCH_DIR || tmpdir(), `densebench-${manifest.name}-`));
      try {
        const instancePath = join(dir, instance.kind === 'ksat' ? 'instance.cnf' : 'instance.txt');
        const outputPath = join(dir, 'answer.txt');
        writeFileSync(instancePath, writeInstance(instance), 'latin1');
        // Whole seconds left, at least 1; an unbounded run (outside the harness) gets a year.
        const timeLimitS = Math.min(31_536_000, Math.max(1, Math.floor((ctx.deadline - performance.now()) / 1000)));
        const values = { instance: instancePath, output: outputPath, seed: String(ctx.rng.nextUint32() >>> 1), timeLimitS: String(timeLimitS) };
        const run = await runProgram([program, ...manifest.command.slice(1).map((arg) => substitute(arg, values, params))], ctx);
        runMemoryOf(ctx)?.addProcessPeak(run.peakMemoryBytes);
        if (run.killedAtDeadline) throw new TimeLimitError(`time limit reached: the process group of ${manifest.command[0]} was killed`);
        const stderr = run.stderrTail.trim() ? `\nstderr (last lines):\n${run.stderrTail.trim()}` : '';
        const outOfTime = ranOutOfTime(run, manifest.command.some((arg) => arg.includes('{timeLimitS}')) ? timeLimitS * 1000 : undefined);
        if (run.signal !== null) {
          // A CPU-time limit the program set itself (setrlimit) ends it with SIGXCPU.
          if (run.signal === 'SIGXCPU' && outOfTime) throw new TimeLimitError(`time limit reached: ${manifest.command[0]} was stopped by SIGXCPU at its CPU time limit`);
          throw new ProgramCrashError(manifest.command[0]!, run.signal, stderr);
        }
        let text: string | undefined;
        try {
          text = manifest.answer.from === 'stdout' ? run.stdout : readFileSync(outputPath, 'utf8');
        } catch {
          text = undefined;
        }
        let answer: ExternalAnswer = { kind: 'none' };
        try {
          if (text !== undefined) answer = PARSERS[manifest.answer.format](text, instance.n, manifest.answer.from === 'stdout' ? `${manifest.name} output` : `${manifest.name} answer file`);
        } catch (error) {
          throw new Error(`${(error as Error).message} (exit code ${run.code})${stderr}`, { cause: error });
        }
        const work = readWork(manifest, manifestPath, run.stdout);
        const info = { exitCode: run.code ?? -1, program, ...(run.strays > 0 ? { straysKilled: run.strays } : {}) };
        if (answer.kind === 'unsatisfiable') return { unsatisfiable: true, work, info };
        if (answer.kind === 'unknown' || answer.kind === 'none') {
          // Given {timeLimitS}, a program stops itself just before the deadline: that is a timeout, not a give-up.
          if (outOfTime) throw new TimeLimitError(`time limit reached: ${manifest.name} gave no answer within it (exit code ${run.code})`);
          if (answer.kind === 'unknown' || saysUnknown(manifest, run)) return { gaveUp: true, work, info };
          const declare = ` (if that is how it says "unknown", declare it in field "unknown" of ${manifestPath})`;
          if (text === undefined) throw new Error(`${manifest.name} exited with code ${run.code} and wrote no answer file${declare}${stderr}`);
          throw new Error(`${manifest.name} gave no answer (exit code ${run.code})${declare}${stderr}`);
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
