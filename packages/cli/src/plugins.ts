import { parseParamAssignments, resolveParams, type ParamsSchema } from '@densebench/core';
import { describePlugins, resolvePluginUrl, type PluginInfo } from '@densebench/harness';
import { BUILTIN_PLUGINS } from './builtins.js';

/** A plugin of a study: where its module is, its metadata (obtained in a worker process), its resolved params. */
export interface SelectedPlugin {
  /**
   * The name its runs are recorded under: the plugin's own, or for one combination of a parameter grid the plugin's name
   * with the combination, e.g. `rmc[y=3]` (variantName).
   */
  name: string;
  /** The grid values of this variant (absent for a plugin run with its params only). */
  variant?: Record<string, unknown>;
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
  /** A parameter grid: every combination of these values runs as its own variant (study files' "grid"). */
  grid?: Record<string, readonly unknown[]>;
}

/** The label of one combination of a grid: `rmc[y=3]`, `rmc[y=3,beta=2]` (keys in the order the grid gives them). */
export function variantName(plugin: string, values: Record<string, unknown>): string {
  return `${plugin}[${Object.entries(values).map(([key, value]) => `${key}=${String(value)}`).join(',')}]`;
}

/**
 * Parses `--grid` items, `plugin.key=v1,v2,…` (that plugin) or `key=v1,v2,…` (every selected plugin that has `key`),
 * into per-plugin grids; the plugin names are checked by the caller.
 */
export function parseGridItems(items: readonly string[]): { plugin: string | null; key: string; values: string[] }[] {
  return items.map((item) => {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error(`--grid "${item}": expected key=v1,v2,… or plugin.key=v1,v2,…`);
    const left = item.slice(0, eq).trim();
    const values = item.slice(eq + 1).split(',').map((v) => v.trim());
    if (values.some((v) => v === '')) throw new Error(`--grid "${item}": empty value (a stray comma?)`);
    if (new Set(values).size !== values.length) throw new Error(`--grid "${item}": a value is given twice`);
    const dot = left.indexOf('.');
    return dot > 0 ? { plugin: left.slice(0, dot), key: left.slice(dot + 1), values } : { plugin: null, key: left, values };
  });
}

/** Every combination of a grid, in the grid's key order (the last key varies fastest). */
function combinations(grid: Record<string, readonly unknown[]>): Record<string, unknown>[] {
  let out: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(grid)) out = out.flatMap((partial) => values.map((value) => ({ ...partial, [key]: value })));
  return out;
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
export async function selectPlugins(entries: readonly PluginEntry[], paramItems: readonly string[], options: SelectOptions & { gridItems?: readonly string[] } = {}): Promise<SelectedPlugin[]> {
  const urls = entries.map(({ ref }) => resolvePluginUrl(ref, BUILTIN_PLUGINS));
  if (options.confirmed) {
    urls.forEach((url, i) => {
      if (!isBuiltinUrl(url) && !options.confirmed!.has(url)) {
        throw new Error(`plugin "${entries[i]!.ref}" (${url}) comes from the result set, not from this command: pass --plugin ${entries[i]!.ref} to load it`);
      }
    });
  }
  const infos = await describePlugins(urls);
  const loaded: Pick<SelectedPlugin, 'url' | 'ref' | 'plugin'>[] = [];
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
  // Grids: the study file's, then --grid (plugin.key=… for one plugin, key=… for every plugin that has the key).
  const grids = new Map<string, Record<string, readonly unknown[]>>(loaded.map((p, i) => [p.plugin.name, { ...(entries[i]!.grid ?? {}) }]));
  for (const { plugin, key, values } of parseGridItems(options.gridItems ?? [])) {
    const takers = plugin !== null ? loaded.filter((p) => p.plugin.name === plugin) : loaded.filter((p) => key in p.plugin.params.properties);
    if (plugin !== null && takers.length === 0) throw new Error(`--grid ${plugin}.${key}: no selected plugin is named "${plugin}" (selected: ${loaded.map((p) => p.plugin.name).join(', ')})`);
    if (takers.length === 0) throw new Error(`--grid ${key}: no selected plugin has a parameter "${key}"`);
    for (const p of takers) grids.get(p.plugin.name)![key] = values;
  }
  const selected: SelectedPlugin[] = [];
  loaded.forEach((p, i) => {
    const base = given.get(p.plugin.name)!;
    const grid = grids.get(p.plugin.name)!;
    const ns = entries[i]!.ns ? { ns: entries[i]!.ns } : {};
    for (const key of Object.keys(grid)) {
      if (!(key in p.plugin.params.properties)) throw new Error(`grid of ${p.plugin.name}: it has no parameter "${key}" (parameters: ${Object.keys(p.plugin.params.properties).join(', ') || 'none'})`);
      if (key in base) throw new Error(`${p.plugin.name}: parameter "${key}" is given a value and a grid; keep one`);
      if (!Array.isArray(grid[key]) || grid[key]!.length === 0) throw new Error(`grid of ${p.plugin.name}: "${key}" needs a non-empty list of values`);
    }
    if (Object.keys(grid).length === 0) {
      selected.push({ ...p, name: p.plugin.name, params: resolveParams(p.plugin, base), ...ns });
      return;
    }
    for (const values of combinations(grid)) {
      const params = resolveParams(p.plugin, { ...base, ...values });
      // The label shows each value as resolved (a command-line "3" as the number 3).
      const resolved = Object.fromEntries(Object.keys(values).map((key) => [key, params[key]]));
      selected.push({ ...p, name: variantName(p.plugin.name, resolved), variant: resolved, params, ...ns });
    }
  });
  const names = new Set<string>();
  for (const p of selected) {
    if (names.has(p.name)) throw new Error(`the grid gives two variants the label ${p.name}: give each value once`);
    names.add(p.name);
  }
  return selected;
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
