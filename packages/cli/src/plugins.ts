import { parseParamAssignments, resolveParams, type ParamsSchema } from '@densebench/core';
import { describePlugins, resolvePluginUrl, type PluginInfo } from '@densebench/harness';
import { BUILTIN_PLUGINS } from './builtins.js';

/** A plugin of a study: where its module is, its metadata (obtained in a worker process), its resolved params. */
export interface SelectedPlugin {
  /** file: URL of the module (or of an external solver's manifest). */
  url: string;
  /** How the plugin was named (built-in name, package or path). */
  ref: string;
  plugin: PluginInfo;
  params: Record<string, unknown>;
  /** The sizes it runs at, when the study restricts them. */
  ns?: number[];
}

/** A plugin as a study names it, with parameters (and possibly sizes) from the study file. */
export interface PluginEntry {
  ref: string;
  params: Record<string, unknown>;
  ns?: number[];
}

export interface SelectOptions {
  /** Refuse a plugin that does not solve this problem. */
  problem?: string;
  /**
   * The module URLs of the plugins outside densebench (paths, packages) that may be loaded. Set when the plugins come
   * from a result set (--resume, rerun): a crafted manifest must not make densebench run code the user did not name.
   */
  confirmed?: ReadonlySet<string>;
}

/** Whether a module URL is one of densebench's own plugins. */
export function isBuiltinUrl(url: string): boolean {
  return Object.values(BUILTIN_PLUGINS).includes(url);
}

/**
 * Locates the plugins of a study, reads their metadata in worker processes (the harness never imports plugin code) and
 * resolves their parameters: the entry's own params, then `--param key=value` (every selected plugin that declares
 * `key`) or `--param plugin.key=value` (that plugin only). A key no selected plugin declares is an error.
 */
export async function selectPlugins(entries: readonly PluginEntry[], paramItems: readonly string[], options: SelectOptions = {}): Promise<SelectedPlugin[]> {
  const urls = entries.map(({ ref }) => resolvePluginUrl(ref, BUILTIN_PLUGINS));
  if (options.confirmed) {
    urls.forEach((url, i) => {
      if (!isBuiltinUrl(url) && !options.confirmed!.has(url)) {
        throw new Error(`plugin "${entries[i]!.ref}" (${url}) comes from the result set, not from this command: pass --plugin ${entries[i]!.ref} to load it`);
      }
    });
  }
  const infos = await describePlugins(urls);
  const loaded: (Omit<SelectedPlugin, 'params' | 'ns'>)[] = [];
  infos.forEach((plugin, i) => {
    const url = urls[i]!;
    const same = loaded.find((p) => p.plugin.name === plugin.name);
    if (same) {
      throw new Error(same.url === url ? `plugin "${plugin.name}" is selected twice` : `two plugins are named "${plugin.name}": ${same.url} and ${url}`);
    }
    const builtin = BUILTIN_PLUGINS[plugin.name];
    if (builtin && builtin !== url) throw new Error(`plugin ${url} is named "${plugin.name}", the name of a built-in plugin: rename it`);
    if (options.problem && !plugin.problems.includes(options.problem)) {
      throw new Error(`plugin "${plugin.name}" does not solve ${options.problem} (it solves: ${plugin.problems.join(', ')})`);
    }
    // Before any run starts: e.g. an external solver whose program is not installed.
    if (plugin.unavailable !== null) throw new Error(plugin.unavailable);
    loaded.push({ url, ref: entries[i]!.ref, plugin });
  });
  const given = new Map<string, Record<string, unknown>>(loaded.map((p, i) => [p.plugin.name, { ...entries[i]!.params }]));
  for (const [key, value] of Object.entries(parseParamAssignments(paramItems))) {
    const dot = key.indexOf('.');
    const scoped = dot > 0 ? loaded.find((p) => p.plugin.name === key.slice(0, dot)) : undefined;
    if (scoped) {
      given.get(scoped.plugin.name)![key.slice(dot + 1)] = value;
      continue;
    }
    const takers = loaded.filter((p) => key in p.plugin.params.properties);
    if (takers.length === 0) {
      const known = loaded.map((p) => `${p.plugin.name}: ${Object.keys(p.plugin.params.properties).join(', ') || 'none'}`).join('; ');
      throw new Error(`--param ${key}: no selected plugin has a parameter "${key}" (${known})`);
    }
    for (const p of takers) given.get(p.plugin.name)![key] = value;
  }
  return loaded.map((p, i) => ({ ...p, params: resolveParams(p.plugin, given.get(p.plugin.name)!), ...(entries[i]!.ns ? { ns: entries[i]!.ns } : {}) }));
}

export function describeParams(plugin: { params: ParamsSchema }): string[] {
  return Object.entries(plugin.params.properties).map(([key, schema]) => {
    const bounds = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : '', schema.exclusiveMinimum !== undefined ? `> ${schema.exclusiveMinimum}` : '', schema.maximum !== undefined ? `≤ ${schema.maximum}` : '', schema.enum ? `one of ${schema.enum.join('|')}` : '']
      .filter(Boolean)
      .join(', ');
    const fallback = schema.default === undefined ? 'default set by the plugin' : `default ${JSON.stringify(schema.default)}`;
    return `${key} (${schema.type}${bounds ? `, ${bounds}` : ''}; ${fallback}): ${schema.description}`;
  });
}
