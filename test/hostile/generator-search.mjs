// Fixture (hostile): knows the public generator. From the instance's N and P it tries every public spec (seeds 1..200,
// α = P/N and every α on a 0.001 grid that gives P constraints) with `generate` from @densebench/problems until the
// patterns and labels match, then returns the hidden teacher (test error 0). If nothing matches (keyed instances,
// DENSEBENCH_SECRET), it falls back to a random ±1 vector from its seeded stream.
import { constraintCount, generate } from '@densebench/problems';

function candidateAlphas(n, p) {
  const alphas = new Set([p / n]);
  for (let milli = 1; milli <= 10 * 1000; milli++) {
    const alpha = milli / 1000;
    if (constraintCount(n, alpha) === p) alphas.add(alpha);
  }
  return [...alphas];
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

export default {
  name: 'hostile-generator-search', version: '0.0.1', description: 'searches public specs for the instance and returns its teacher', problems: ['teacher-student', 'perceptron'], workUnit: 'specs tried',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    const { n, p, problem } = instance;
    let tried = 0;
    for (let seed = 1; seed <= 200; seed++) {
      for (const alpha of candidateAlphas(n, p)) {
        tried++;
        let generated;
        try {
          generated = generate({ problem, n, alpha, k: null, seed });
        } catch {
          continue;
        }
        const g = generated.instance;
        if (g.p === p && same(g.labels, instance.labels) && same(g.patterns, instance.patterns)) {
          return { assignment: generated.teacher, work: tried, info: { seed, alpha } };
        }
      }
    }
    const guess = new Int8Array(n);
    for (let i = 0; i < n; i++) guess[i] = ctx.rng.nextFloat() < 0.5 ? -1 : 1;
    return { assignment: guess, work: tried, info: { found: false } };
  },
};
