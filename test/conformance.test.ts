// Every built-in plugin passes the conformance suite third-party plugins run (@densebench/conformance).
import { describe, it } from 'vitest';
import { describeSolverConformance } from '@densebench/conformance';
import { importPlugin } from '@densebench/harness';
import { BUILTIN_PLUGINS } from '../packages/cli/src/builtins.js';

for (const [name, url] of Object.entries(BUILTIN_PLUGINS)) {
  const plugin = await importPlugin(url);
  if (plugin.name !== name) throw new Error(`built-in "${name}" loads a plugin named "${plugin.name}"`);
  // An external solver that is not installed is skipped on a developer's machine, never in CI (CI=true).
  let missing: string | undefined;
  try {
    plugin.preflight?.();
  } catch (error) {
    missing = (error as Error).message;
  }
  if (missing && process.env.CI !== 'true') describe.skip(`${name} conforms to the plugin contract (skipped: ${missing})`, () => {});
  else describeSolverConformance(plugin, { describe, it });
}
