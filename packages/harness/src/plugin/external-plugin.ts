// The plugin an external solver's manifest describes (external-manifest.ts): its solve() writes the instance file,
// runs the program once (external-process.ts), reads its answer in the manifest's format (@densebench/problems's
// parseAnswer) and its work, and tells a timeout, a give-up, a crash and an error apart. The harness verifies the answer
// like any other plugin's.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { definePlugin, TimeLimitError, type AnyInstance, type SolveResult, type SolverPlugin } from '@densebench/core';
import { parseAnswer, writeInstance, type ExternalAnswer } from '@densebench/problems';
import { findProgram, PLUGIN_MANIFEST_FILE, readExternalManifest, type ExternalManifest } from './external-manifest.js';
import { ProgramCrashError, runProgram, type ProgramRun } from './external-process.js';
import { processMemoryMeterOf } from './process-memory.js';

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
      processMemoryMeterOf(ctx)?.useProcessMemory();
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
        processMemoryMeterOf(ctx)?.addProcessPeak(run.peakMemoryBytes);
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
          if (text !== undefined) answer = parseAnswer(manifest.answer.format, text, instance.n, manifest.answer.from === 'stdout' ? `${manifest.name} output` : `${manifest.name} answer file`);
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
  return externalPlugin(readExternalManifest(manifestPath), manifestPath);
}
