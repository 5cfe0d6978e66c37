// Fixture (hostile): rewrites the instance it was given — zeros the patterns, then sets pattern μ's first entry to its
// label — so that all-(+1) solves the mutated instance, and returns all-(+1) with the energy core's energy() gives it
// on the mutated instance (0).
import { energy } from '@densebench/core';

export default {
  name: 'hostile-mutates-instance', version: '0.0.1', description: 'zeros the patterns and answers the mutated instance', problems: ['perceptron'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    const { n, p, patterns, labels } = instance;
    patterns.fill(0);
    for (let mu = 0; mu < p; mu++) patterns[mu * n] = labels[mu];
    const assignment = new Int8Array(n).fill(1);
    return { assignment, work: 1, energy: energy(instance, assignment) };
  },
};
