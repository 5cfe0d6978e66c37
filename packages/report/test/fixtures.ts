// Run records that exercise every chart of the report, shared by the browser and PNG tests.
import { assertLocalEntropyRecord, assertRunRecord, PLANTED_REFERENCE, type LocalEntropyRecord, type RunRecord, type RunStatus } from '@densebench/core';

function record(plugin: string, problem: RunRecord['problem'], alpha: number, seed: number, status: RunStatus, extra: Partial<RunRecord> = {}): RunRecord {
  const solved = status === 'solved';
  const n = problem === 'mnist' ? 784 : 201;
  return {
    schema: 1, id: `${plugin}|${problem}|${n}|null|${alpha}|${seed}`, plugin, pluginVersion: '1.0.0', params: {}, problem, n, alpha, k: null, seed,
    instanceHash: (seed + 1).toString(16).padStart(64, '0'), status, energy: solved ? 0 : 4, wallTimeMs: 100 * (seed + 1) * (1 + alpha),
    work: 1000 * (seed + 1), workUnit: 'sweeps', timeLimitS: 10, testError: null, teacherOverlap: null, message: null, info: null, trace: null,
    harnessVersion: '0.1.0', node: 'v20', cpu: 'Test CPU', commit: null, startedAt: '2026-01-01T00:00:00.000Z', ...extra,
  };
}

/** Runs that exercise every chart: success, time, TTS₉₉, anytime, flip flatness, test error with the theory line, noise flatness. */
export function fixtureRecords(): RunRecord[] {
  const out: RunRecord[] = [];
  for (const plugin of ['sa', 'fbp']) {
    for (const alpha of [0.3, 0.5, 0.7]) {
      for (let seed = 0; seed < 4; seed++) {
        const solved = seed < (plugin === 'fbp' ? 4 : 4 - Math.round(alpha * 5));
        // An energy trace (work, energy), as ctx.progress reports it: the anytime chart.
        const trace: [number, number][] = [[10, 30], [100, 10 + seed], [500, solved ? 1 : 6]];
        out.push(record(plugin, 'perceptron', alpha, seed, solved ? 'solved' : 'unsolved', { flatness: [[0.01, 0.01 * alpha], [0.1, 0.1 * alpha]], trace }));
        out.push(record(plugin, 'teacher-student', alpha * 2, seed, solved ? 'solved' : 'unsolved', { testError: 0.4 - 0.1 * alpha + 0.01 * seed, teacherOverlap: 0.3 + 0.2 * alpha }));
      }
    }
  }
  // A second size for the perceptron, so that the α₅₀-vs-N chart is drawn.
  for (const plugin of ['sa', 'fbp']) {
    for (const alpha of [0.3, 0.5, 0.7]) {
      for (let seed = 0; seed < 4; seed++) {
        const solved = seed < (plugin === 'fbp' ? 4 - Math.round(alpha * 2) : 4 - Math.round(alpha * 6));
        out.push({ ...record(plugin, 'perceptron', alpha, seed, solved ? 'solved' : 'unsolved'), n: 401, id: `${plugin}|perceptron|401|${alpha}|${seed}` });
      }
    }
  }
  for (const plugin of ['sgd', 'entropy-sgd']) {
    for (const alpha of [2.5, 5]) {
      for (let seed = 0; seed < 2; seed++) {
        out.push(record(plugin, 'mnist', alpha, seed, 'unsolved', { energy: 50, testError: 0.1 / alpha, flatness: [[0.1, 0.02], [1, 0.3]], flatnessMeasure: 'noise' }));
      }
    }
  }
  for (const r of out) assertRunRecord(r);
  return out;
}


/**
 * Local-entropy curves at teacher–student α = 0.6 around sa's and fbp's answers and the planted teacher, two instances
 * each: fbp follows H₂(d) closely (a dense region), sa and the teacher fall away from it; at γ = 3 only one of sa's
 * two curves converged, and none of the teacher's.
 */
export function fixtureLocalEntropy(): LocalEntropyRecord[] {
  const out: LocalEntropyRecord[] = [];
  const gammas = [0.5, 1, 2, 3];
  for (const reference of ['sa', 'fbp', PLANTED_REFERENCE]) {
    for (let seed = 0; seed < 2; seed++) {
      const points = gammas.map((gamma, i) => {
        const distance = (reference === 'fbp' ? 0.25 : 0.3) / (1 + 2 * i) + 0.002 * seed;
        const h = -distance * Math.log(distance) - (1 - distance) * Math.log(1 - distance);
        const converged = !(gamma === 3 && (reference === PLANTED_REFERENCE || seed === 1));
        return { gamma, distance, localEntropy: (reference === 'fbp' ? 0.95 : 0.7) * h, converged };
      });
      out.push({
        schema: 1, runId: reference === PLANTED_REFERENCE ? null : `${reference}|teacher-student|201|null|0.6|${seed}`, reference, problem: 'teacher-student', n: 201, alpha: 0.6, k: null, seed,
        instanceHash: (seed + 1).toString(16).padStart(64, '0'), estimator: { accuracy: 'gaussian', epsilon: 1e-6, maxSweeps: 2000, damping: 0.5 }, points, elapsedMs: 10,
        // fbp's references stay flatter than sa's and the teacher's.
        flatness: [[0.01, (reference === 'fbp' ? 0.01 : 0.04) + 0.01 * seed], [0.1, (reference === 'fbp' ? 0.1 : 0.2) + 0.01 * seed]],
      });
    }
  }
  for (const r of out) assertLocalEntropyRecord(r, r.reference);
  return out;
}
