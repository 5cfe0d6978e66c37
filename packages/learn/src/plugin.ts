// The plugin shell every gradient learner shares: the problems they learn, their work unit, the common parameters,
// solve() through the shared loop, and the kernel benchmarks. A learner plugin supplies its own parameters and step.
import { definePlugin, type AnyInstance, type ParamSchema, type SolverPlugin } from '@densebench/core';
import { learnerKernels, type LearnerFactory } from './kernels.js';
import { runLearner } from './loop.js';
import { COMMON_LEARNER_SCHEMA, learnerSettings, type CommonLearnerParams } from './settings.js';
import { learningTask } from './task.js';

export interface LearnerPluginSpec<P extends CommonLearnerParams> {
  name: string;
  version: string;
  description: string;
  /** The learner's own parameters, after the common ones. */
  params: Record<string, ParamSchema>;
  make: LearnerFactory<P>;
}

export function defineLearnerPlugin<P extends CommonLearnerParams>(spec: LearnerPluginSpec<P>): SolverPlugin<P, AnyInstance> {
  return definePlugin<P, AnyInstance>({
    name: spec.name,
    version: spec.version,
    description: spec.description,
    problems: ['perceptron', 'teacher-student', 'committee', 'committee-teacher-student', 'mnist'],
    workUnit: 'example gradients',
    params: { type: 'object', properties: { ...COMMON_LEARNER_SCHEMA, ...spec.params } },
    solve(instance, params, ctx) {
      const task = learningTask(instance, { hidden: params.hidden, binary: params.binaryNetwork });
      const settings = learnerSettings(task, params);
      return runLearner(task, spec.make(task, settings, params, ctx.rng), settings, params, ctx);
    },
    kernels: learnerKernels(spec.make),
  });
}
