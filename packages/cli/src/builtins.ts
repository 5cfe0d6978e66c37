import { EXTERNAL_PLUGIN_MANIFESTS } from '@densebench/external-plugins';
import { externalPluginUrl, type BuiltinPlugins } from '@densebench/harness';
import { NATIVE_PLUGIN_MANIFESTS } from '@densebench/native-ref';

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
  // External SAT solvers from Debian (plugins/external).
  minisat: externalPluginUrl(EXTERNAL_PLUGIN_MANIFESTS.minisat),
  picosat: externalPluginUrl(EXTERNAL_PLUGIN_MANIFESTS.picosat),
  cadical: externalPluginUrl(EXTERNAL_PLUGIN_MANIFESTS.cadical),
  // C twins of sa, fms and fbp (plugins/native-ref): speed baselines, built by `pnpm install` where a C compiler exists.
  'native-sa': externalPluginUrl(NATIVE_PLUGIN_MANIFESTS['native-sa']),
  'native-fms': externalPluginUrl(NATIVE_PLUGIN_MANIFESTS['native-fms']),
  'native-fbp': externalPluginUrl(NATIVE_PLUGIN_MANIFESTS['native-fbp']),
};
