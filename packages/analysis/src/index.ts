// @densebench/analysis: what is computed on a result set after its runs, from its records (the runs themselves are the
// harness's). Today the local entropy around the configurations of a result set (`densebench local-entropy`).
export {
  DEFAULT_LOCAL_ENTROPY_SETTINGS, measureLocalEntropy, planLocalEntropy, type LocalEntropyJob, type LocalEntropySettings,
} from './local-entropy.js';
