import { createSolveContext } from './context.js';
import { Rng } from './rng.js';
import type { AnyInstance, Assignment, Instance, ProblemName } from './instance.js';
import type { Network } from './network.js';

/** JSON Schema (draft-07 subset) of a plugin's parameters: an object whose properties carry defaults. */
export interface ParamsSchema {
  type: 'object';
  properties: Record<string, ParamSchema>;
  required?: string[];
  additionalProperties?: boolean;
}
export interface ParamSchema {
  type: 'number' | 'integer' | 'string' | 'boolean';
  description: string;
  default?: number | string | boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: readonly (string | number)[];
}

/** What a solver gets besides the instance and its parameters. */
export interface SolveContext {
  /** Seeded generator for the solver's own randomness (independent of the instance's). */
  readonly rng: Rng;
  /** Aborted when the run's time limit is reached (only observable between synchronous chunks of work). */
  readonly signal: AbortSignal;
  /** Time limit as a `performance.now()` timestamp. */
  readonly deadline: number;
  /** True once the deadline has passed; cheap enough to poll every few thousand iterations. */
  shouldStop(): boolean;
  /** Reports progress: work done so far (in the plugin's work unit) and the current energy. Kept as the run's trace. */
  progress(work: number, energy: number): void;
  /** Debug message, kept with the run's record when the run fails. */
  log(message: string): void;
}

/**
 * What a solver returns: `assignment` for the ±1 problems, `network` for the data sets. The harness re-computes the
 * energy of the answer (training errors for a network); it never trusts `energy`.
 */
export interface SolveResult {
  assignment?: Assignment;
  network?: Network;
  /**
   * The solver's claim that the instance has no solution, instead of an answer (e.g. a CDCL solver's UNSATISFIABLE).
   * The harness cannot check a proof: such a run is recorded as unsolved, with the claim in its message.
   */
  unsatisfiable?: boolean;
  /**
   * The solver exhausted its own budget with no answer to give (e.g. a SAT solver's "s UNKNOWN" at its own limits),
   * instead of an answer: recorded unsolved (a timeout if it comes after the deadline).
   */
  gaveUp?: boolean;
  /** Work done, in the plugin's `workUnit` (e.g. sweeps). */
  work: number;
  /** The energy the solver believes `assignment` has; a mismatch with the verified energy marks the run `invalid`. */
  energy?: number;
  /** Small solver-specific facts about the run (e.g. the restart that succeeded). */
  info?: Record<string, number | string | boolean>;
}

/**
 * Thrown by a solver that stopped for its time limit with no answer to give (e.g. an external program that gave up at
 * its own limit): the harness records the run as a timeout, not an error.
 */
export class TimeLimitError extends Error {
  constructor(message = 'time limit reached') {
    super(message);
    this.name = 'TimeLimitError';
  }
}

/** A plugin of the ±1 problems only must return an assignment. */
export type ResultFor<I extends AnyInstance> = [I] extends [Instance] ? SolveResult & { assignment: Assignment } : SolveResult;

/** One timed call of a kernel's inner step; returns the work it did, in the kernel's unit (e.g. attempted flips). */
export interface KernelStep {
  run(): number;
  /** A value that depends on everything the steps computed (e.g. the current energy), read after timing so the work cannot be optimised away. */
  checksum(): number;
}

/**
 * A plugin's resolved parameters, as `solve` receives them: any object type, an interface as well as a type alias
 * (`definePlugin<MyParams>`). The default of SolverPlugin's and PluginKernel's `P`, so that a plugin typed with its own
 * params is still a SolverPlugin.
 */
export type PluginParams = object;

/**
 * A plugin's inner step exposed to the kernel benchmarks (`densebench kernels`): the harness generates the seeded
 * instance, calls `prepare` outside the timed region, then times `run()` repeatedly.
 */
export interface PluginKernel<P extends PluginParams = PluginParams, I extends AnyInstance = AnyInstance> {
  /** Short name, e.g. 'perceptron sweep'. */
  readonly name: string;
  /** Unit of the work `run()` returns, e.g. 'attempted flips'. */
  readonly unit: string;
  readonly problem: ProblemName;
  readonly alpha: number;
  /** Clause size (K-SAT only). */
  readonly k?: number;
  /** Sizes N to benchmark. */
  readonly sizes: readonly number[];
  prepare(instance: I, params: P, rng: Rng): KernelStep;
}

/**
 * A solver. `I` is the kind of instance its `solve` accepts: the ±1 problems by default; a plugin that also learns
 * data sets declares `AnyInstance`. The harness only gives a plugin the problems it lists.
 */
export interface SolverPlugin<P extends PluginParams = PluginParams, I extends AnyInstance = AnyInstance> {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly problems: readonly ProblemName[];
  /** Unit of `SolveResult.work`, e.g. 'sweeps' or 'iterations'. */
  readonly workUnit: string;
  readonly params: ParamsSchema;
  solve(instance: I, params: P, ctx: SolveContext): ResultFor<I> | Promise<ResultFor<I>>;
  /** Optional check run once before a sweep starts (e.g. that an external program is installed); throws to refuse. */
  preflight?(): void;
  /** Inner steps for the kernel benchmarks, so their throughput is a number comparable across commits. */
  readonly kernels?: readonly PluginKernel<P, I>[];
}

/** Identity function that gives a plugin object its type. Export the result as the module's default export. */
export function definePlugin<P extends PluginParams, I extends AnyInstance = Instance>(plugin: SolverPlugin<P, I>): SolverPlugin<P, I> {
  return plugin;
}

const PLUGIN_NAME = /^[a-z][a-z0-9-]*$/;

/** Checks the shape of a loaded plugin module's default export; throws an error that names the faulty field. */
export function assertPlugin(value: unknown, source: string): asserts value is SolverPlugin {
  const fail = (what: string): never => {
    throw new Error(`plugin from ${source}: ${what}`);
  };
  if (typeof value !== 'object' || value === null) fail('the module has no default export object (use `export default definePlugin({...})`)');
  const p = value as Record<string, unknown>;
  if (typeof p.name !== 'string' || !PLUGIN_NAME.test(p.name)) fail(`"name" must be a lowercase identifier like "my-solver", got ${JSON.stringify(p.name)}`);
  if (typeof p.version !== 'string' || p.version === '') fail('"version" must be a non-empty string');
  if (typeof p.description !== 'string') fail('"description" must be a string');
  if (typeof p.workUnit !== 'string' || p.workUnit === '') fail('"workUnit" must be a non-empty string');
  if (!Array.isArray(p.problems) || p.problems.length === 0) fail('"problems" must be a non-empty array');
  if (typeof p.solve !== 'function') fail('"solve" must be a function');
  const params = p.params as Record<string, unknown> | undefined;
  if (typeof params !== 'object' || params === null || params.type !== 'object' || typeof params.properties !== 'object') {
    fail('"params" must be a JSON Schema object with "type": "object" and "properties"');
  }
}

/**
 * A SolveContext for calling a plugin's `solve` outside the harness (scripts, tests): a generator seeded by `seed`,
 * an optional time limit in ms from now (its `signal` is aborted once it has passed), and progress and log messages
 * dropped.
 */
export function standaloneContext(seed: string, timeLimitMs = Number.POSITIVE_INFINITY): SolveContext {
  return createSolveContext({ rng: new Rng(seed), deadline: performance.now() + timeLimitMs }).ctx;
}
