import type { Instance } from '@densebench/core';
import { IncrementalCommittee } from './committee.js';
import type { IncrementalEnergy } from './incremental.js';
import { IncrementalKsat } from './ksat.js';
import { IncrementalPerceptron } from './perceptron.js';

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
