// Every built-in plugin passes the conformance suite third-party plugins run (@densebench/conformance).
import { describe, it } from 'vitest';
import { describeSolverConformance } from '@densebench/conformance';
import { importPlugin } from '@densebench/harness';
import { BUILTIN_PLUGINS } from '../packages/cli/src/builtins.js';

for (const [name, url] of Object.entries(BUILTIN_PLUGINS)) {
  const plugin = await importPlugin(url);
  if (plugin.name !== name) throw new Error(`built-in "${name}" loads a plugin named "${plugin.name}"`);
  describeSolverConformance(plugin, { describe, it });
}
