// Finding a plugin and loading it into a SolverPlugin: a built-in name, an installed package or a path resolves to a
// module URL (the host does this, without running plugin code), and importPlugin loads the module, or builds the plugin
// of an external solver's manifest. The worker imports what it runs here; `densebench kernels` loads in-process.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assertPlugin, type SolverPlugin } from '@densebench/core';
import { externalPluginUrl, isExternalPluginUrl, PLUGIN_MANIFEST_FILE } from './external-manifest.js';
import { loadExternalPlugin } from './external-plugin.js';

/** A plugin module located on disk, with its loaded definition. */
export interface LoadedPlugin {
  /** file: URL of the module, so that a worker can import the same file. */
  url: string;
  plugin: SolverPlugin;
}

/** Built-in plugins: name → file URL of their module (the CLI fills this from its dependencies). */
export type BuiltinPlugins = Readonly<Record<string, string>>;

function entryOfDirectory(dir: string): string {
  const pkgPath = join(dir, 'package.json');
  if (existsSync(pkgPath)) {
    const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { main?: string; exports?: unknown };
    const exp = pkg.exports as Record<string, unknown> | string | undefined;
    const dot = typeof exp === 'string' ? exp : (exp?.['.'] as Record<string, string> | string | undefined);
    const fromExports = typeof dot === 'string' ? dot : dot?.['import'] ?? dot?.['default'];
    const main = fromExports ?? pkg.main ?? 'index.js';
    return join(dir, main);
  }
  return join(dir, 'index.js');
}

/**
 * Finds a plugin module: a built-in name, then an installed package densebench-plugin-<name> or
 * @scope/densebench-plugin-<name>, then a path (a module, a package directory, or an external solver's
 * densebench-plugin.json or the directory holding it). The error lists what was tried.
 */
export function resolvePluginUrl(ref: string, builtins: BuiltinPlugins, cwd = process.cwd()): string {
  const builtin = builtins[ref];
  if (builtin) return builtin;
  const tried: string[] = [`built-in plugins (${Object.keys(builtins).sort().join(', ')})`];
  const looksLikePath = ref.startsWith('.') || ref.startsWith('/') || ref.endsWith('.js') || ref.endsWith('.mjs');
  if (!looksLikePath) {
    const require = createRequire(join(cwd, 'package.json'));
    const packageName = ref.startsWith('@') ? ref.replace(/\/(?!densebench-plugin-)/, '/densebench-plugin-') : `densebench-plugin-${ref}`;
    for (const candidate of [...new Set([packageName, ref])]) {
      try {
        return pathToFileURL(require.resolve(candidate)).href;
      } catch {
        tried.push(`package "${candidate}" from ${cwd}`);
      }
    }
  }
  const path = resolve(cwd, ref);
  if (existsSync(path)) {
    // An external solver: a manifest, or a directory with a manifest and no package.json.
    if (path.endsWith('.json')) return externalPluginUrl(path);
    if (statSync(path).isDirectory() && existsSync(join(path, PLUGIN_MANIFEST_FILE)) && !existsSync(join(path, 'package.json'))) return externalPluginUrl(join(path, PLUGIN_MANIFEST_FILE));
    return pathToFileURL(statSync(path).isDirectory() ? entryOfDirectory(path) : path).href;
  }
  tried.push(`path ${path}`);
  throw new Error(`unknown plugin "${ref}". Tried:\n  - ${tried.join('\n  - ')}`);
}

const cache = new Map<string, Promise<SolverPlugin>>();

/** Imports a plugin module by file URL and checks its default export; a manifest's URL gives its external plugin. */
export function importPlugin(url: string): Promise<SolverPlugin> {
  let loaded = cache.get(url);
  if (!loaded) {
    loaded = isExternalPluginUrl(url)
      ? Promise.resolve().then(() => loadExternalPlugin(fileURLToPath(url)))
      : import(url).then((module: { default?: unknown }) => {
          assertPlugin(module.default, url);
          return module.default;
        });
    cache.set(url, loaded);
  }
  return loaded;
}

export async function loadPlugin(ref: string, builtins: BuiltinPlugins, cwd?: string): Promise<LoadedPlugin> {
  const url = resolvePluginUrl(ref, builtins, cwd);
  return { url, plugin: await importPlugin(url) };
}
