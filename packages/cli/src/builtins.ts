import { fileURLToPath } from 'node:url';
import { externalPluginUrl, type BuiltinPlugins } from '@densebench/harness';
import { NATIVE_PLUGIN_MANIFESTS } from '@densebench/native-ref';

/** Manifests of the external SAT solvers shipped with densebench (plugins/external/<name>/densebench-plugin.json). */
const external = (name: string): string => externalPluginUrl(fileURLToPath(new URL(`../../../plugins/external/${name}/densebench-plugin.json`, import.meta.url)));

/** Plugins shipped with densebench, loaded through the same door as third-party ones (a module URL). */
export const BUILTIN_PLUGINS: BuiltinPlugins = {
  sa: import.meta.resolve('@densebench/plugin-sa'),
  fbp: import.meta.resolve('@densebench/plugin-fbp'),
  rbp: import.meta.resolve('@densebench/plugin-rbp'),
  rmc: import.meta.resolve('@densebench/plugin-rmc'),
  lesa: import.meta.resolve('@densebench/plugin-lesa'),
  sgd: import.meta.resolve('@densebench/plugin-sgd'),
  rsgd: import.meta.resolve('@densebench/plugin-rsgd'),
  'entropy-sgd': import.meta.resolve('@densebench/plugin-entropy-sgd'),
  fms: import.meta.resolve('@densebench/plugin-fms'),
  minisat: external('minisat'),
  picosat: external('picosat'),
  cadical: external('cadical'),
  // C twins of sa, fms and fbp (plugins/native-ref): speed baselines, built by `pnpm install` where a C compiler exists.
  'native-sa': externalPluginUrl(NATIVE_PLUGIN_MANIFESTS['native-sa']),
  'native-fms': externalPluginUrl(NATIVE_PLUGIN_MANIFESTS['native-fms']),
  'native-fbp': externalPluginUrl(NATIVE_PLUGIN_MANIFESTS['native-fbp']),
};
