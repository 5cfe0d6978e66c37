import type { BuiltinPlugins } from '@densebench/harness';

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
};
