// Energies computed from the definitions, independently of every solver: the harness re-verifies each answer with these.
import { variableCount, type Assignment, type CommitteeInstance, type Instance, type KsatInstance, type PerceptronInstance } from './instance.js';

/** Checks that an assignment has the instance's length and only ±1 entries; returns a message or undefined. */
export function assignmentProblem(instance: Instance, assignment: unknown): string | undefined {
  if (!(assignment instanceof Int8Array)) return 'assignment must be an Int8Array of ±1 entries';
  const expected = variableCount(instance);
  if (assignment.length !== expected) return `assignment has length ${assignment.length}, expected ${expected}`;
  for (let i = 0; i < assignment.length; i++) {
    const v = assignment[i]!;
    if (v !== 1 && v !== -1) return `assignment[${i}] = ${v}, expected +1 or -1`;
  }
  return undefined;
}

/** E(W) = #{μ : σ^μ (W·ξ^μ) ≤ 0}, the number of misclassified patterns (a zero pre-activation counts as an error). */
export function perceptronEnergy(instance: PerceptronInstance, weights: Assignment): number {
  const { n, p, patterns, labels } = instance;
  let errors = 0;
  for (let mu = 0; mu < p; mu++) {
    let field = 0;
    const row = mu * n;
    for (let i = 0; i < n; i++) field += patterns[row + i]! * weights[i]!;
    if (labels[mu]! * field <= 0) errors++;
  }
  return errors;
}

/** Number of clauses with no true literal. */
export function ksatEnergy(instance: KsatInstance, assignment: Assignment): number {
  const { m, clauseStart, clauseLiterals } = instance;
  let unsatisfied = 0;
  for (let c = 0; c < m; c++) {
    let satisfied = false;
    for (let j = clauseStart[c]!; j < clauseStart[c + 1]!; j++) {
      const lit = clauseLiterals[j]!;
      const value = assignment[Math.abs(lit) - 1]!;
      if ((lit > 0 && value === 1) || (lit < 0 && value === -1)) { satisfied = true; break; }
    }
    if (!satisfied) unsatisfied++;
  }
  return unsatisfied;
}

/** Misclassified patterns of a committee machine: output sign(Σ_k sign(W_k·ξ^μ)) ≠ σ^μ (a zero sum counts as an error). */
export function committeeEnergy(instance: CommitteeInstance, weights: Assignment): number {
  const { n, hidden, p, patterns, labels } = instance;
  let errors = 0;
  for (let mu = 0; mu < p; mu++) {
    const row = mu * n;
    let votes = 0;
    for (let k = 0; k < hidden; k++) {
      let field = 0;
      const base = k * n;
      for (let i = 0; i < n; i++) field += patterns[row + i]! * weights[base + i]!;
      votes += field > 0 ? 1 : field < 0 ? -1 : 0;
    }
    if (labels[mu]! * votes <= 0) errors++;
  }
  return errors;
}

/** Number of violated constraints of any instance. */
export function energy(instance: Instance, assignment: Assignment): number {
  switch (instance.kind) {
    case 'ksat':
      return ksatEnergy(instance, assignment);
    case 'committee':
      return committeeEnergy(instance, assignment);
    case 'perceptron':
      return perceptronEnergy(instance, assignment);
  }
}

/** Overlap R = W·W* / N between a student and a teacher. */
export function overlap(a: Assignment, b: Assignment): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum / a.length;
}
