// Deterministic instance generators. The sampling order is part of the contract (instances/README.md):
// changing it changes every instance hash.
import { Rng, type AnyInstance, type CommitteeInstance, type Instance, type InstanceSpec, type KsatInstance, type PerceptronInstance, type ProblemName } from '@densebench/core';
import { mnistTrainingSet } from './mnist.js';
import { instanceStreamText } from './secret.js';
import { seedText, specConstraintCount, specProblem } from './spec.js';

/** Test patterns drawn for the teacher–student generalization error. */
export const TEST_SET_SIZE = 10_000;

/** A generated instance plus what only the harness may see (the teacher). */
export interface GeneratedInstance<I extends AnyInstance = AnyInstance> {
  spec: InstanceSpec;
  instance: I;
  /** Teacher–student problems only (K·N weights for a committee teacher). */
  teacher: Int8Array | null;
}

/** Problems answered by ±1 variables (every one but the data sets). */
export type BinaryProblemName = Exclude<ProblemName, 'mnist'>;
export type BinaryInstanceSpec = InstanceSpec & { problem: BinaryProblemName };

/**
 * The instance of a spec. With a secret (see readSecret) every stream is keyed by it (instanceStreamText): the same spec
 * and secret give the same instance, and nobody without the secret can regenerate it. Null or undefined: the public
 * instance.
 */
export function generate(spec: BinaryInstanceSpec, secret?: string | null): GeneratedInstance<Instance>;
export function generate(spec: InstanceSpec, secret?: string | null): GeneratedInstance;
export function generate(spec: InstanceSpec, secret?: string | null): GeneratedInstance {
  const problem = specProblem(spec);
  if (problem) throw new Error(problem);
  // MNIST: the training split of the seed (mnist.ts); its test split stays with the harness.
  if (spec.problem === 'mnist') return { spec, instance: mnistTrainingSet(spec.seed, specConstraintCount(spec), secret), teacher: null };
  const rng = new Rng(instanceStreamText(seedText(spec), secret));
  const m = specConstraintCount(spec);
  switch (spec.problem) {
    case 'ksat':
      return { spec, instance: randomKsat(rng, spec.n, spec.k!, m), teacher: null };
    case 'planted-ksat': {
      // Not passed as a teacher (the harness would measure a test error against it); plantedAssignment regenerates σ*.
      const planted = randomSigns(rng, spec.n);
      return { spec, instance: plantedKsat(rng, planted, spec.k!, m), teacher: null };
    }
    case 'perceptron':
      return { spec, instance: randomLabels(rng, spec.n, m, 'perceptron'), teacher: null };
    case 'teacher-student': {
      const teacher = randomSigns(rng, spec.n);
      return { spec, instance: teacherLabels(rng, teacher, 1, m, 'teacher-student'), teacher };
    }
    case 'committee':
      return { spec, instance: asCommittee(randomLabels(rng, spec.n, m, 'perceptron'), spec.k!, 'committee'), teacher: null };
    case 'committee-teacher-student': {
      const teacher = randomSigns(rng, spec.n * spec.k!);
      return { spec, instance: teacherLabels(rng, teacher, spec.k!, m, 'committee-teacher-student'), teacher };
    }
  }
}

/** Fresh patterns labelled by the teacher, from their own stream (seed text + ":test", keyed by the secret if any). */
export function teacherTestSet(spec: InstanceSpec, teacher: Int8Array, size = TEST_SET_SIZE, secret?: string | null): PerceptronInstance | CommitteeInstance {
  const hidden = spec.problem === 'committee-teacher-student' ? spec.k! : 1;
  const rng = new Rng(instanceStreamText(`${seedText(spec)}:test`, secret));
  return teacherLabels(rng, teacher, hidden, size, spec.problem as 'teacher-student' | 'committee-teacher-student');
}

/**
 * The hidden solution σ* of a planted-ksat spec (+1: variable true), regenerated from the spec and the secret the
 * instance was generated with. For tests and analysis: solvers get the clauses only.
 */
export function plantedAssignment(spec: InstanceSpec, secret?: string | null): Int8Array {
  if (spec.problem !== 'planted-ksat') throw new Error(`only planted-ksat has a planted assignment, not ${spec.problem}`);
  const problem = specProblem(spec);
  if (problem) throw new Error(problem);
  // σ* is the first N draws of the instance's stream (instances/README.md).
  return randomSigns(new Rng(instanceStreamText(seedText(spec), secret)), spec.n);
}

function randomSigns(rng: Rng, n: number): Int8Array {
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.nextSign();
  return out;
}

/** Storage problem: for each pattern, N signs for ξ^μ then one sign for σ^μ. */
function randomLabels(rng: Rng, n: number, p: number, problem: 'perceptron'): PerceptronInstance {
  const patterns = new Int8Array(n * p);
  const labels = new Int8Array(p);
  for (let mu = 0; mu < p; mu++) {
    const row = mu * n;
    for (let i = 0; i < n; i++) patterns[row + i] = rng.nextSign();
    labels[mu] = rng.nextSign();
  }
  return { kind: 'perceptron', problem, n, p, patterns, labels };
}

function asCommittee(storage: PerceptronInstance, hidden: number, problem: 'committee'): CommitteeInstance {
  return { kind: 'committee', problem, n: storage.n, hidden, p: storage.p, patterns: storage.patterns, labels: storage.labels };
}

/**
 * For each pattern, N signs for ξ^μ; the label is the teacher's output: sign(W*·ξ) for a perceptron (hidden = 1),
 * sign(Σ_k sign(W*_k·ξ)) for a committee (N and K odd, never 0).
 */
function teacherLabels(rng: Rng, teacher: Int8Array, hidden: 1, p: number, problem: 'teacher-student'): PerceptronInstance;
function teacherLabels(rng: Rng, teacher: Int8Array, hidden: number, p: number, problem: 'teacher-student' | 'committee-teacher-student'): PerceptronInstance | CommitteeInstance;
function teacherLabels(rng: Rng, teacher: Int8Array, hidden: number, p: number, problem: 'teacher-student' | 'committee-teacher-student'): PerceptronInstance | CommitteeInstance {
  const n = teacher.length / hidden;
  const patterns = new Int8Array(n * p);
  const labels = new Int8Array(p);
  for (let mu = 0; mu < p; mu++) {
    const row = mu * n;
    for (let i = 0; i < n; i++) patterns[row + i] = rng.nextSign();
    let votes = 0;
    for (let k = 0; k < hidden; k++) {
      let field = 0;
      for (let i = 0; i < n; i++) field += patterns[row + i]! * teacher[k * n + i]!;
      votes += field > 0 ? 1 : -1;
    }
    labels[mu] = votes > 0 ? 1 : -1;
  }
  return problem === 'committee-teacher-student'
    ? { kind: 'committee', problem, n, hidden, p, patterns, labels }
    : { kind: 'perceptron', problem: 'teacher-student', n, p, patterns, labels };
}

/** Random K-SAT: M clauses drawn one after the other. */
function randomKsat(rng: Rng, n: number, k: number, m: number): KsatInstance {
  const clauseLiterals = new Int32Array(m * k);
  for (let c = 0; c < m; c++) drawClause(rng, n, k, clauseLiterals, c * k);
  return ksatInstance('ksat', n, k, clauseLiterals);
}

/**
 * Planted K-SAT: clauses drawn as for random K-SAT, each kept only if σ* satisfies it, until M are kept. A rejected
 * clause is overwritten by the next draw.
 */
function plantedKsat(rng: Rng, planted: Int8Array, k: number, m: number): KsatInstance {
  const n = planted.length;
  const clauseLiterals = new Int32Array(m * k);
  for (let kept = 0; kept < m; ) {
    const base = kept * k;
    drawClause(rng, n, k, clauseLiterals, base);
    for (let j = base; j < base + k; j++) {
      const literal = clauseLiterals[j]!;
      if (Math.sign(literal) === planted[Math.abs(literal) - 1]) {
        kept++;
        break;
      }
    }
  }
  return ksatInstance('planted-ksat', n, k, clauseLiterals);
}

/** One clause into literals[base, base + K): for each slot a variable uniform in 1..N, redrawn while it repeats one already in the clause, then its sign. */
function drawClause(rng: Rng, n: number, k: number, literals: Int32Array, base: number): void {
  for (let j = 0; j < k; j++) {
    let v: number;
    let repeated: boolean;
    do {
      v = rng.nextInt(n) + 1;
      repeated = false;
      for (let q = base; q < base + j; q++) if (Math.abs(literals[q]!) === v) repeated = true;
    } while (repeated);
    literals[base + j] = rng.nextSign() * v;
  }
}

function ksatInstance(problem: KsatInstance['problem'], n: number, k: number, clauseLiterals: Int32Array): KsatInstance {
  const m = clauseLiterals.length / k;
  const clauseStart = new Int32Array(m + 1);
  for (let c = 0; c <= m; c++) clauseStart[c] = c * k;
  return { kind: 'ksat', problem, n, m, clauseStart, clauseLiterals };
}
