import type { Instance } from '@densebench/core';
import { IncrementalCommittee } from './committee.js';
import type { IncrementalEnergy } from './incremental.js';
import { IncrementalKsat } from './ksat.js';
import { IncrementalPerceptron } from './perceptron.js';

export { type IncrementalEnergy, randomConfiguration } from './incremental.js';
export { IncrementalPerceptron, perceptronLayout, type PerceptronLayout } from './perceptron.js';
export { IncrementalCommittee, type CommitteeLayout } from './committee.js';
export { IncrementalKsat, ksatLayout, type KsatLayout } from './ksat.js';
export { metropolisSweep, metropolisSweepTs } from './metropolis.js';

/** The incremental energy of any instance (all +1 configuration). */
export function incrementalEnergy(instance: Instance): IncrementalEnergy {
  switch (instance.kind) {
    case 'perceptron':
      return new IncrementalPerceptron(instance);
    case 'committee':
      return new IncrementalCommittee(instance);
    case 'ksat':
      return new IncrementalKsat(instance);
  }
}
