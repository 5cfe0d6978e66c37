// Fixture (hostile): the harness removes DENSEBENCH_SECRET from its workers' environment, but the harness process
// itself still has it. This plugin reads the environment of its parent (and of every process it may read) from
// /proc/<pid>/environ, and if it finds the secret it regenerates the keyed instance (seeds 1..20, α = P/N and every
// α on a 0.001 grid that gives P constraints) and returns its teacher. Otherwise it answers a random ±1 vector.
import { readdirSync, readFileSync } from 'node:fs';
import { constraintCount, generate } from '@densebench/problems';

function secretsInProc() {
  const found = new Set();
  const pids = [String(process.ppid), ...readdirSync('/proc').filter((name) => /^\d+$/.test(name))];
  for (const pid of pids) {
    try {
      for (const entry of readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0')) {
        if (entry.startsWith('DENSEBENCH_SECRET=') && entry.length > 'DENSEBENCH_SECRET='.length) found.add(entry.slice('DENSEBENCH_SECRET='.length));
      }
    } catch {
      // not ours, or gone
    }
  }
  return [...found];
}

const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

export default {
  name: 'hostile-reads-parent-secret', version: '0.0.1', description: "reads DENSEBENCH_SECRET from its parent's /proc environ", problems: ['teacher-student', 'perceptron'], workUnit: 'specs tried',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    const { n, p, problem } = instance;
    const alphas = [p / n];
    for (let milli = 1; milli <= 10_000; milli++) if (constraintCount(n, milli / 1000) === p) alphas.push(milli / 1000);
    let tried = 0;
    const secrets = secretsInProc();
    for (const secret of secrets) {
      for (let seed = 1; seed <= 20; seed++) {
        for (const alpha of alphas) {
          tried++;
          const generated = generate({ problem, n, alpha, k: null, seed }, secret);
          if (same(generated.instance.labels, instance.labels) && same(generated.instance.patterns, instance.patterns)) {
            return { assignment: generated.teacher, work: tried, info: { secretFound: true, seed } };
          }
        }
      }
    }
    const guess = new Int8Array(n);
    for (let i = 0; i < n; i++) guess[i] = ctx.rng.nextFloat() < 0.5 ? -1 : 1;
    return { assignment: guess, work: tried, info: { secretFound: secrets.length > 0 } };
  },
};
