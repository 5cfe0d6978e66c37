import { parseParamAssignments, resolveParams, type SolverPlugin } from '@densebench/core';
import { loadPlugin, type LoadedPlugin } from '@densebench/harness';
import { BUILTIN_PLUGINS } from './builtins.js';

export interface SelectedPlugin extends LoadedPlugin {
  /** How the plugin was named (built-in name, package or path). */
  ref: string;
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

/**
 * Loads the plugins of a study and resolves their parameters: the entry's own params, then `--param key=value`
 * (every selected plugin that declares `key`) or `--param plugin.key=value` (that plugin only). A key no selected
 * plugin declares is an error.
 */
export async function selectPlugins(entries: readonly PluginEntry[], paramItems: readonly string[], problem?: string): Promise<SelectedPlugin[]> {
  const loaded: (LoadedPlugin & { ref: string })[] = [];
  for (const { ref } of entries) {
    const plugin = { ...(await loadPlugin(ref, BUILTIN_PLUGINS)), ref };
    const same = loaded.find((p) => p.plugin.name === plugin.plugin.name);
    if (same) {
      throw new Error(same.url === plugin.url ? `plugin "${plugin.plugin.name}" is selected twice` : `two plugins are named "${plugin.plugin.name}": ${same.url} and ${plugin.url}`);
    }
    const builtin = BUILTIN_PLUGINS[plugin.plugin.name];
    if (builtin && builtin !== plugin.url) throw new Error(`plugin ${plugin.url} is named "${plugin.plugin.name}", the name of a built-in plugin: rename it`);
    if (problem && !(plugin.plugin.problems as readonly string[]).includes(problem)) {
      throw new Error(`plugin "${plugin.plugin.name}" does not solve ${problem} (it solves: ${plugin.plugin.problems.join(', ')})`);
    }
    // Before any run starts: e.g. an external solver whose program is not installed.
    plugin.plugin.preflight?.();
    loaded.push(plugin);
  }
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

export function describeParams(plugin: SolverPlugin): string[] {
  return Object.entries(plugin.params.properties).map(([key, schema]) => {
    const bounds = [schema.minimum !== undefined ? `≥ ${schema.minimum}` : '', schema.exclusiveMinimum !== undefined ? `> ${schema.exclusiveMinimum}` : '', schema.maximum !== undefined ? `≤ ${schema.maximum}` : '', schema.enum ? `one of ${schema.enum.join('|')}` : '']
      .filter(Boolean)
      .join(', ');
    const fallback = schema.default === undefined ? 'default set by the plugin' : `default ${JSON.stringify(schema.default)}`;
    return `${key} (${schema.type}${bounds ? `, ${bounds}` : ''}; ${fallback}): ${schema.description}`;
  });
}
