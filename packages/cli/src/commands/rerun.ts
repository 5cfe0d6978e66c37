import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { createPool, machineInfo, resolvePluginUrl, ResultStore, runId, runOne, secretMatching, type RunSpec } from '@densebench/harness';
import { BUILTIN_PLUGINS } from '../builtins.js';
import { formatSeconds } from '../format.js';
import { selectPlugins, type SelectedPlugin } from '../plugins.js';

export function rerunOptions(y: Argv) {
  return y
    .positional('results', { type: 'string', demandOption: true, describe: 'result set directory' })
    .option('id', { type: 'string', array: true, demandOption: true, describe: 'run id(s) to re-run, as in runs.jsonl (repeatable)' })
    .option('plugin', { alias: 'p', type: 'string', array: true, default: [] as string[], describe: 'a plugin that is not built in, named again (a path or package): the result set names it, but densebench loads only code you name' });
}

/**
 * Re-runs recorded runs with the same plugin, params, instance, solver seed and time limit, and compares the
 * verified energy. Exits with 1 when one differs (expected only for solvers that depend on timing).
 */
export async function rerunCommand(args: Awaited<ReturnType<typeof rerunOptions>['argv']>): Promise<void> {
  const store = new ResultStore(resolve(args.results));
  const manifest = store.readManifest();
  const records = store.records();
  const machine = machineInfo();
  const named = new Set((args.plugin as string[]).map((ref) => resolvePluginUrl(ref, BUILTIN_PLUGINS)));
  const plugins = new Map<string, SelectedPlugin>();
  const pool = createPool({ workers: 1 });
  let differing = 0;
  try {
    for (const id of args.id as string[]) {
      const recorded = records.find((r) => r.id === id);
      if (!recorded) throw new Error(`no run "${id}" in ${store.runsPath} (ids look like ${records[0]?.id ?? 'sa/perceptron/n201/a0.3/s1'})`);
      let plugin = plugins.get(recorded.plugin);
      if (!plugin) {
        // A result set is data anyone can write: only a built-in plugin, or one named again with --plugin, is loaded.
        const entry = manifest?.plan.plugins.find((p) => p.name === recorded.plugin);
        const ref = entry?.ref ?? recorded.plugin;
        // A variant of a parameter grid (rmc[y=3]) is its plugin (rmc) with the recorded params.
        const expected = entry?.variant?.plugin ?? recorded.plugin;
        const [selected] = await selectPlugins([{ ref, params: {} }], [], { confirmed: named });
        plugin = selected!;
        if (plugin.plugin.name !== expected) throw new Error(`${id}: ${ref} is now the plugin "${plugin.plugin.name}", not "${expected}"`);
        plugins.set(recorded.plugin, plugin);
      }
      if (plugin.plugin.version !== recorded.pluginVersion) process.stderr.write(`warning: ${plugin.plugin.name} is now version ${plugin.plugin.version}; the run was made with ${recorded.pluginVersion}\n`);
      const secret = secretMatching(recorded.secretId ?? null, `run ${id}`);
      const spec = { problem: recorded.problem, n: recorded.n, alpha: recorded.alpha, k: recorded.k, seed: recorded.seed };
      const run: RunSpec = { id: runId(recorded.plugin, spec), plugin: recorded.plugin, params: recorded.params, instance: spec };
      const again = (await runOne(pool, run, { url: plugin.url, version: plugin.plugin.version, workUnit: plugin.plugin.workUnit }, recorded.timeLimitS, machine, { secret }))!;
      if (again.instanceHash !== recorded.instanceHash) throw new Error(`${id}: the instance regenerated with hash ${again.instanceHash}, the record says ${recorded.instanceHash}: the generator changed`);
      const same = again.status === recorded.status && again.energy === recorded.energy;
      if (!same) differing++;
      process.stdout.write(
        `${id}\n  recorded: ${recorded.status}, energy ${recorded.energy ?? '—'}, work ${recorded.work ?? '—'} ${recorded.workUnit}, ${formatSeconds(recorded.wallTimeMs / 1000)}\n` +
          `  now:      ${again.status}, energy ${again.energy ?? '—'}, work ${again.work ?? '—'} ${again.workUnit}, ${formatSeconds(again.wallTimeMs / 1000)}\n` +
          `  ${same ? 'reproduced' : 'NOT reproduced'}\n`,
      );
    }
  } finally {
    await pool.destroy();
  }
  if (differing > 0) process.exitCode = 1;
}
