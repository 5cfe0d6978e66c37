// The external SAT solvers densebench ships as built-in plugins: one manifest each (docs/plugins.md, "External
// solvers"), for the programs of the Debian packages minisat, picosat and cadical.
import { fileURLToPath } from 'node:url';

/** Paths of the manifests of the built-in external plugins minisat, picosat and cadical. */
export const EXTERNAL_PLUGIN_MANIFESTS = {
  minisat: fileURLToPath(new URL('../minisat/densebench-plugin.json', import.meta.url)),
  picosat: fileURLToPath(new URL('../picosat/densebench-plugin.json', import.meta.url)),
  cadical: fileURLToPath(new URL('../cadical/densebench-plugin.json', import.meta.url)),
} as const;
