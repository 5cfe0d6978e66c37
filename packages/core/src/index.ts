// @densebench/core: the plugin contract, and what plugins, the harness and the report share. The first part is what a
// plugin author uses (docs/plugins.md, "What a plugin can import"); the second is the result-set side (records,
// manifests, the statistics of the report), public for the harness, the report and tools that read result sets.

// ── For plugins ─────────────────────────────────────────────────────────────────────────────────────────────────────

// The plugin contract
export {
  assertPlugin, definePlugin, standaloneContext, TimeLimitError,
  type KernelStep, type ParamSchema, type ParamsSchema, type PluginKernel, type PluginParams, type ResultFor, type SolveContext, type SolveResult, type SolverPlugin,
} from './plugin.js';
export { createSolveContext, type SolveContextHandle, type SolveContextOptions } from './context.js';
export { isDecimalNumber, parseParamAssignments, resolveParams } from './params.js';

// Instances and answers
export {
  constraintsIn, PROBLEM_NAMES, variableCount,
  type AnyInstance, type Assignment, type CommitteeInstance, type Instance, type InstanceSpec, type KsatInstance, type PerceptronInstance, type ProblemName,
} from './instance.js';
export {
  networkErrors, networkFlipFlatness, networkNoiseFlatness, networkParameterCount, networkProblem,
  type DatasetInstance, type Network, type NoiseFlatnessPoint,
} from './network.js';

// Energies, verification and flatness
export { assignmentProblem, committeeEnergy, energy, ksatEnergy, overlap, perceptronEnergy } from './energy.js';
export { verifyAnswerEnergy, type AnswerToVerify, type VerifiedAnswerEnergy } from './verify.js';
export { flatnessCurve, negateRandomSubset, type FlatnessPoint } from './flatness.js';

// The driver of the ±1 solvers
export {
  BestConfiguration, geometricRamp, geometricSchedule, runSearch,
  type Search, type SearchOutcome, type SearchSettings, type SearchStop,
} from './search.js';

// Kernels with several backends
export { defineKernel, FASTEST_BACKEND, Kernel, registeredKernels, type BoundKernel, type KernelBackend } from './kernel-registry.js';

// Randomness, special functions, statistics
export { Rng, stateFromSeedText } from './rng.js';
export { erf, log2cosh, logErfc, logGaussianTail, onePlusErf, softplus } from './special.js';
export { binaryEntropy, crossingAlpha, ecdf, meanInterval, median, medianInterval, par, quantile, studentT975, wilsonInterval } from './stats.js';
export { bootstrapInterval, type BootstrapOptions } from './bootstrap.js';

// ── For the harness, the report and tools that read result sets ────────────────────────────────────────────────────

// Records and result sets
export { assertRunRecord, RUN_STATUSES, runRecordSchema, type RunRecord, type RunStatus } from './record.js';
export { decodeAnswer, encodeAnswer } from './answer.js';
export {
  assertLocalEntropyRecord, LOCAL_ENTROPY_FILE, localEntropyKey, localEntropyRecordSchema, PLANTED_REFERENCE,
  type LocalEntropyPointRecord, type LocalEntropyRecord,
} from './local-entropy-record.js';
export { assertManifest, manifestSchema, type MachineInfo, type Manifest, type ManifestPlugin } from './manifest.js';
export { RESULT_SET_NAME_RULE, resultSetNameProblem } from './result-set-name.js';
export { schemaChecker } from './schema.js';
export { describeError, fileReadError } from './errors.js';

// The report's statistics: success curves and α₅₀, ranking, costs to solution, finite-size fits
export {
  CHI2_1_95, fitSuccessCurve, fittedSuccessRate, successCounts, wilsonCrossingAlpha50,
  type SuccessCount, type SuccessCurveFit, type SuccessCurveMle, type SuccessCurveSeparated, type SuccessLink,
} from './success-fit.js';
export { rankByIntervals, type IntervalEstimate, type RankedEntry } from './ranking.js';
export {
  ertEstimate, expectedRunningTime, runCost, timeToTarget, tts99, tts99Estimate,
  type CostedRun, type CostEstimate, type CostMeasure, type CostOptions,
} from './time-to-solution.js';
export { finiteSizeCurve, fitFiniteSize, type FiniteSizeFit, type FiniteSizeTooFew, type SizePoint } from './finite-size.js';
