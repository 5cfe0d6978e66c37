// The local entropy around the configurations of a result set (study 3): around every solved run's answer and around
// the planted configuration of each instance (a teacher–student instance's teacher, a planted K-SAT assignment), by BP
// with an external field (packages/bp/src/local-entropy.ts; Baldassi et al., PRL 115, 128101, 2015, and J. Stat. Mech.
// 023301, 2016). A planted configuration is distributed as a typical solution, so it stands for the equilibrium
// picture; the solvers' answers say whether they land in the rare dense regions (S(d) close to H₂(d)) or not.
import {
  decodeAnswer, localEntropyKey, PLANTED_REFERENCE, type Instance, type KsatInstance, type LocalEntropyRecord, type PerceptronInstance, type RunRecord,
} from '@densebench/core';
import { localEntropyCurve, type FactorAccuracy } from '@densebench/bp';
import { measureFlatness, secretMatching } from '@densebench/harness';
import { generate, instanceHash, plantedAssignment, type BinaryInstanceSpec } from '@densebench/problems';

export interface LocalEntropySettings {
  gammas: readonly number[];
  accuracy: FactorAccuracy;
  epsilon: number;
  maxSweeps: number;
  damping: number;
}

export const DEFAULT_LOCAL_ENTROPY_SETTINGS: LocalEntropySettings = {
  // d ≈ 1/(1 + e^{2γ}) where the neighbourhood is flat: these reach from d ≈ 0.38 down to d ≈ 0.0025.
  gammas: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3],
  accuracy: 'gaussian',
  epsilon: 1e-6,
  maxSweeps: 2000,
  damping: 0.5,
};

/** One configuration to measure: a run's answer (runId set) or an instance's planted configuration. */
export interface LocalEntropyJob {
  key: string;
  runId: string | null;
  reference: string;
  spec: BinaryInstanceSpec;
  instanceHash: string;
  answer: string | null;
  /** The secret the run's instance was keyed with (its record's secretId), or null for a public instance. */
  secretId: string | null;
}

/** Problems whose instances the estimator handles (single-layer perceptrons and CNF formulas). */
const ESTIMATED_PROBLEMS = new Set(['perceptron', 'teacher-student', 'ksat', 'planted-ksat']);
const PLANTED_PROBLEMS = new Set(['teacher-student', 'planted-ksat']);

/**
 * What to measure in a result set, in record order: each solved run with a stored answer (at most `perPoint` per
 * plugin and (problem, N, K, α), when given) and, once per instance met, its planted configuration. Keys already in
 * `done` are left out, so an interrupted computation resumes where it stopped.
 */
export function planLocalEntropy(records: readonly RunRecord[], options: { plugins?: readonly string[]; perPoint?: number; done?: ReadonlySet<string> } = {}): { jobs: LocalEntropyJob[]; skipped: string[] } {
  const jobs: LocalEntropyJob[] = [];
  const skipped = new Set<string>();
  const taken = new Map<string, number>();
  const plantedSeen = new Set<string>();
  for (const r of records) {
    if (options.plugins && !options.plugins.includes(r.plugin)) continue;
    // A run whose instance could not be generated has nothing to measure.
    if (r.instanceHash === null) continue;
    if (!ESTIMATED_PROBLEMS.has(r.problem)) {
      skipped.add(`${r.problem}: no local-entropy estimator for it`);
      continue;
    }
    const spec = { problem: r.problem, n: r.n, alpha: r.alpha, k: r.k, seed: r.seed } as BinaryInstanceSpec;
    const place = `${r.problem}|${r.n}|${r.k}|${r.alpha}`;
    if (PLANTED_PROBLEMS.has(r.problem)) {
      const planted = { runId: null, reference: PLANTED_REFERENCE, problem: r.problem, n: r.n, alpha: r.alpha, k: r.k, seed: r.seed };
      const key = localEntropyKey(planted);
      if (!plantedSeen.has(key)) {
        plantedSeen.add(key);
        if (!options.done?.has(key)) jobs.push({ key, runId: null, reference: PLANTED_REFERENCE, spec, instanceHash: r.instanceHash, answer: null, secretId: r.secretId ?? null });
      }
    }
    if (r.status !== 'solved') continue;
    if (r.answer === undefined || r.answer === null) {
      skipped.add(`${r.plugin}: solved runs without a stored answer (recorded before answers were kept)`);
      continue;
    }
    const count = taken.get(`${r.plugin}|${place}`) ?? 0;
    if (options.perPoint !== undefined && count >= options.perPoint) continue;
    taken.set(`${r.plugin}|${place}`, count + 1);
    if (!options.done?.has(r.id)) jobs.push({ key: r.id, runId: r.id, reference: r.plugin, spec, instanceHash: r.instanceHash, answer: r.answer, secretId: r.secretId ?? null });
  }
  return { jobs, skipped: [...skipped] };
}

let cached: { key: string; instance: Instance; teacher: Int8Array | null; hash: string; secret: string | null } | undefined;

/** Regenerates a job's instance (the last one is kept: jobs on one instance come together) and checks its hash. */
function instanceOf(job: LocalEntropyJob): { instance: Instance; teacher: Int8Array | null; secret: string | null } {
  const key = JSON.stringify([job.spec, job.secretId]);
  if (cached?.key !== key) {
    const secret = secretMatching(job.secretId, `run ${job.key}`);
    const generated = generate(job.spec, secret);
    cached = { key, instance: generated.instance, teacher: generated.teacher, hash: instanceHash(generated.instance), secret };
  }
  const hash = cached.hash;
  if (hash !== job.instanceHash) throw new Error(`${job.key}: the instance regenerated with hash ${hash}, the record says ${job.instanceHash}: the generator changed`);
  return cached;
}

/** Measures one job: S(d) around its configuration at every γ of the settings. */
export function measureLocalEntropy(job: LocalEntropyJob, settings: LocalEntropySettings): LocalEntropyRecord {
  const { instance, teacher, secret } = instanceOf(job);
  const reference = job.answer !== null ? decodeAnswer(job.answer, job.spec.n) : job.spec.problem === 'planted-ksat' ? plantedAssignment(job.spec, secret) : teacher;
  if (!reference) throw new Error(`${job.key}: no planted configuration for ${job.spec.problem}`);
  const start = performance.now();
  const curve = localEntropyCurve(instance as PerceptronInstance | KsatInstance, reference, settings.gammas, settings);
  const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
  return {
    schema: 1,
    runId: job.runId,
    reference: job.reference,
    problem: job.spec.problem,
    n: job.spec.n,
    alpha: job.spec.alpha,
    k: job.spec.k,
    seed: job.spec.seed,
    instanceHash: job.instanceHash,
    estimator: { accuracy: settings.accuracy, epsilon: settings.epsilon, maxSweeps: settings.maxSweeps, damping: settings.damping },
    points: curve.map((p) => ({ gamma: p.gamma, distance: finite(p.distance), localEntropy: finite(p.localEntropy), converged: p.converged && Number.isFinite(p.localEntropy) })),
    // With the harness's draws: an answer's curve equals its run record's; the planted one joins the comparison.
    flatness: measureFlatness(instance, reference, job.instanceHash),
    elapsedMs: Math.round(performance.now() - start),
  };
}
