// Deterministic instance generators. The sampling order is part of the contract (instances/README.md):
// changing it changes every instance hash.
import { Rng, type KsatInstance, type PerceptronInstance, type Instance } from '@densebench/core';
import { constraintCount, seedText, specProblem, type InstanceSpec } from './spec.js';

/** Test patterns drawn for the teacher–student generalization error. */
export const TEST_SET_SIZE = 10_000;

/** A generated instance plus what only the harness may see (the teacher). */
export interface GeneratedInstance {
  spec: InstanceSpec;
  instance: Instance;
  /** Teacher–student only. */
  teacher: Int8Array | null;
}

export function generate(spec: InstanceSpec): GeneratedInstance {
  const problem = specProblem(spec);
  if (problem) throw new Error(problem);
  const rng = new Rng(seedText(spec));
  switch (spec.problem) {
    case 'ksat':
      return { spec, instance: randomKsat(rng, spec.n, spec.k!, constraintCount(spec.n, spec.alpha)), teacher: null };
    case 'perceptron':
      return { spec, instance: randomPerceptron(rng, spec.n, constraintCount(spec.n, spec.alpha)), teacher: null };
    case 'teacher-student': {
      const teacher = randomSigns(rng, spec.n);
      const instance = teacherPerceptron(rng, teacher, constraintCount(spec.n, spec.alpha), 'teacher-student');
      return { spec, instance, teacher };
    }
  }
}

/** Fresh patterns labelled by the teacher, from their own stream (seed text + ":test"). */
export function teacherTestSet(spec: InstanceSpec, teacher: Int8Array, size = TEST_SET_SIZE): PerceptronInstance {
  return teacherPerceptron(new Rng(`${seedText(spec)}:test`), teacher, size, 'teacher-student');
}

function randomSigns(rng: Rng, n: number): Int8Array {
  const out = new Int8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.nextSign();
  return out;
}

/** Storage problem: for each pattern, N signs for ξ^μ then one sign for σ^μ. */
function randomPerceptron(rng: Rng, n: number, p: number): PerceptronInstance {
  const patterns = new Int8Array(n * p);
  const labels = new Int8Array(p);
  for (let mu = 0; mu < p; mu++) {
    const row = mu * n;
    for (let i = 0; i < n; i++) patterns[row + i] = rng.nextSign();
    labels[mu] = rng.nextSign();
  }
  return { kind: 'perceptron', problem: 'perceptron', n, p, patterns, labels };
}

/** For each pattern, N signs for ξ^μ; σ^μ = sign(W*·ξ^μ) (N odd, never 0). */
function teacherPerceptron(rng: Rng, teacher: Int8Array, p: number, problem: 'teacher-student'): PerceptronInstance {
  const n = teacher.length;
  const patterns = new Int8Array(n * p);
  const labels = new Int8Array(p);
  for (let mu = 0; mu < p; mu++) {
    const row = mu * n;
    let field = 0;
    for (let i = 0; i < n; i++) {
      const xi = rng.nextSign();
      patterns[row + i] = xi;
      field += xi * teacher[i]!;
    }
    labels[mu] = field > 0 ? 1 : -1;
  }
  return { kind: 'perceptron', problem, n, p, patterns, labels };
}

/** For each clause and each of its K slots: a variable uniform in 1..N, redrawn while it repeats one already in the clause, then its sign. */
function randomKsat(rng: Rng, n: number, k: number, m: number): KsatInstance {
  const clauseStart = new Int32Array(m + 1);
  const clauseLiterals = new Int32Array(m * k);
  for (let c = 0; c < m; c++) {
    const base = c * k;
    clauseStart[c] = base;
    for (let j = 0; j < k; j++) {
      let v: number;
      let repeated: boolean;
      do {
        v = rng.nextInt(n) + 1;
        repeated = false;
        for (let q = base; q < base + j; q++) if (Math.abs(clauseLiterals[q]!) === v) repeated = true;
      } while (repeated);
      clauseLiterals[base + j] = rng.nextSign() * v;
    }
  }
  clauseStart[m] = m * k;
  return { kind: 'ksat', problem: 'ksat', n, m, clauseStart, clauseLiterals };
}
