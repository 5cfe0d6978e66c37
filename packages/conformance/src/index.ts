// The conformance suite every solver plugin passes, built-in or third-party: its declared problems exist, its
// parameter schema is well formed and its defaults apply, it solves easy seeded instances of every problem it declares
// (verified here, not trusted), it stops when the deadline has passed, the same seed gives the same answer, and it
// never modifies the instance. Framework-agnostic: each check is a function that throws; `describeSolverConformance`
// wraps them for vitest/jest/mocha-style `describe` and `it`. The parity suite of kernel backends is kernel-parity.ts.
import {
  createSolveContext, PROBLEM_NAMES, resolveParams, Rng, verifyAnswerEnergy,
  type AnyInstance, type InstanceSpec, type ProblemName, type SolveContext, type SolveResult, type SolverPlugin,
} from '@densebench/core';
import { generate } from '@densebench/problems';

export { describeKernelParity, firstDifference, kernelParityChecks, type KernelParityCase, type KernelParityCheck } from './kernel-parity.js';

export interface ConformanceCheck {
  name: string;
  run(): Promise<void>;
}

export interface ConformanceOptions {
  /** Parameters for every solve (e.g. a smaller budget); the schema's defaults fill the rest. */
  params?: Record<string, unknown>;
  /** Overrides of the easy instance per problem. */
  easy?: Partial<Record<ProblemName, InstanceSpec>>;
}

/**
 * Easy instances per problem: far below every threshold, so that any working solver solves them in well under a
 * second. MNIST is a data set: "solved" there means a well-formed network whose claimed training errors are true.
 */
export const EASY_INSTANCES: Record<ProblemName, InstanceSpec> = {
  perceptron: { problem: 'perceptron', n: 51, alpha: 0.1, k: null, seed: 1 },
  'teacher-student': { problem: 'teacher-student', n: 51, alpha: 0.2, k: null, seed: 1 },
  committee: { problem: 'committee', n: 51, alpha: 0.1, k: 3, seed: 1 },
  'committee-teacher-student': { problem: 'committee-teacher-student', n: 51, alpha: 0.1, k: 3, seed: 1 },
  ksat: { problem: 'ksat', n: 50, alpha: 2, k: 3, seed: 1 },
  'planted-ksat': { problem: 'planted-ksat', n: 50, alpha: 2, k: 3, seed: 1 },
  mnist: { problem: 'mnist', n: 784, alpha: 0.05, k: null, seed: 1 },
};

/** Instances no solver can solve (far beyond capacity or satisfiability), for the deadline check. */
const HARD_INSTANCES: Partial<Record<ProblemName, InstanceSpec>> = {
  perceptron: { problem: 'perceptron', n: 101, alpha: 3, k: null, seed: 1 },
  committee: { problem: 'committee', n: 31, alpha: 3, k: 3, seed: 1 },
  ksat: { problem: 'ksat', n: 100, alpha: 8, k: 3, seed: 1 },
};

/** A context for one conformance call: seeded, with an optional deadline that has already passed; counts its polls. */
export function conformanceContext(seed: string, expired = false): SolveContext & { polls: number } {
  const { ctx } = createSolveContext({
    rng: new Rng(seed),
    deadline: expired ? performance.now() - 1 : Number.POSITIVE_INFINITY,
    onPoll() {
      counted.polls++;
    },
  });
  const counted = { ...ctx, polls: 0 };
  return counted;
}

/** The verified energy of an answer, or an error naming what is wrong with it. */
export function verifiedEnergy(instance: AnyInstance, result: SolveResult, where: string): number {
  if (typeof result !== 'object' || result === null) throw new Error(`${where}: solve() returned ${String(result)}`);
  if (!(typeof result.work === 'number' && result.work >= 0)) throw new Error(`${where}: work must be a non-negative number, got ${String(result.work)}`);
  const checked = verifyAnswerEnergy(instance, result);
  if (checked.verdict !== 'verified') throw new Error(`${where}: ${checked.message}`);
  return checked.energy;
}

function fail(message: string): never {
  throw new Error(message);
}

function snapshot(instance: AnyInstance): string {
  return JSON.stringify(instance, (_key, value: unknown) => (ArrayBuffer.isView(value) ? Array.from(value as unknown as ArrayLike<number>) : value));
}

/** The checks for one plugin, in order. */
export function conformanceChecks(plugin: SolverPlugin, options: ConformanceOptions = {}): ConformanceCheck[] {
  const params = (): Record<string, unknown> => resolveParams(plugin, options.params ?? {});
  const easy = (problem: ProblemName): InstanceSpec => options.easy?.[problem] ?? EASY_INSTANCES[problem];
  const solve = async (instance: AnyInstance, ctx: SolveContext): Promise<SolveResult> => plugin.solve(instance, params(), ctx);
  const checks: ConformanceCheck[] = [
    {
      name: 'declares known problems, a work unit and a version',
      async run() {
        if (plugin.problems.length === 0) fail('declares no problem');
        for (const p of plugin.problems) if (!(PROBLEM_NAMES as readonly string[]).includes(p)) fail(`declares unknown problem "${p}" (known: ${PROBLEM_NAMES.join(', ')})`);
        if (new Set(plugin.problems).size !== plugin.problems.length) fail('declares a problem twice');
        if (!/^\d+\.\d+\.\d+/.test(plugin.version)) fail(`version "${plugin.version}" is not semver`);
        if (!plugin.workUnit.trim()) fail('has an empty work unit');
      },
    },
    {
      name: 'has a parameter schema whose defaults validate, with a type and description per parameter',
      async run() {
        for (const [key, schema] of Object.entries(plugin.params.properties)) {
          if (!schema.description?.trim()) fail(`parameter "${key}" has no description`);
          if (!['number', 'integer', 'string', 'boolean'].includes(schema.type)) fail(`parameter "${key}" has type ${String(schema.type)}`);
        }
        const resolved = resolveParams(plugin, {});
        for (const [key, schema] of Object.entries(plugin.params.properties)) {
          if (schema.default !== undefined && resolved[key as keyof typeof resolved] !== schema.default) fail(`parameter "${key}": its default ${JSON.stringify(schema.default)} was not applied`);
        }
        // A resolved set is itself valid input (what the harness stores in records and plans).
        resolveParams(plugin, resolved);
      },
    },
  ];
  for (const problem of plugin.problems) {
    checks.push({
      name: `solves an easy ${problem} instance, and its answer verifies`,
      async run() {
        const { instance } = generate(easy(problem));
        const result = await solve(instance, conformanceContext('conformance'));
        const verified = verifiedEnergy(instance, result, `${plugin.name} on ${problem}`);
        if (instance.kind !== 'dataset' && verified !== 0) fail(`left ${verified} violated constraints on an easy ${problem} instance`);
        if (instance.kind === 'dataset' && verified >= instance.p) fail('misclassifies every training example of an easy data set');
      },
    });
  }
  checks.push(
    {
      name: 'gives the same answer for the same seed, and never modifies the instance',
      async run() {
        const { instance } = generate(easy(plugin.problems[0]!));
        const before = snapshot(instance);
        const first = await solve(instance, conformanceContext('same'));
        const second = await solve(instance, conformanceContext('same'));
        if (snapshot(instance) !== before) fail('modified the instance it was given');
        const answer = (r: SolveResult) => JSON.stringify({ a: r.assignment ? Array.from(r.assignment) : null, n: r.network ? Array.from(r.network.weights) : null, w: r.work });
        if (answer(first) !== answer(second)) fail('returned different answers (or work) for the same seed');
      },
    },
    {
      name: 'stops when the deadline has passed, with a well-formed answer or a time-limit error',
      async run() {
        const problem = plugin.problems.find((p) => HARD_INSTANCES[p]) ?? plugin.problems[0]!;
        const { instance } = generate(HARD_INSTANCES[problem] ?? easy(problem));
        const ctx = conformanceContext('deadline', true);
        let result: SolveResult;
        try {
          result = await solve(instance, ctx);
        } catch (error) {
          // A solver with nothing to answer yet (an external program not started) may say so; the harness records a timeout.
          if (!/time limit/i.test((error as Error).message)) throw error;
          if (ctx.polls === 0) fail('threw about the time limit without polling ctx.shouldStop()');
          return;
        }
        verifiedEnergy(instance, result, `${plugin.name} past its deadline`);
        if (HARD_INSTANCES[problem] && ctx.polls === 0) fail('never polled ctx.shouldStop() on an unsolvable instance');
      },
    },
  );
  return checks;
}

/** Test-framework glue: `describeSolverConformance(plugin, { describe, it })` in a vitest, jest or mocha test file. */
export function describeSolverConformance(
  plugin: SolverPlugin,
  framework: { describe: (name: string, body: () => void) => void; it: (name: string, body: () => Promise<void>, timeoutMs?: number) => void },
  options: ConformanceOptions = {},
): void {
  framework.describe(`${plugin.name} conforms to the plugin contract`, () => {
    for (const check of conformanceChecks(plugin, options)) framework.it(check.name, () => check.run(), 60_000);
  });
}
