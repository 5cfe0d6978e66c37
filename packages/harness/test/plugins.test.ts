// Plugin discovery: built-in name, then installed package densebench-plugin-<name> (or @scope/densebench-plugin-<name>),
// then the package <name> itself, then a path; the error lists every place tried, in that order.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolvePluginUrl } from '../src/index.js';

function pluginPackage(dir: string, name: string, main = 'index.js'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module', main }));
  writeFileSync(join(dir, main), 'export default {};\n');
  return pathToFileURL(join(dir, main)).href;
}

describe('resolvePluginUrl', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'densebench-discovery-'));
  writeFileSync(join(cwd, 'package.json'), '{ "name": "study" }');
  const prefixed = pluginPackage(join(cwd, 'node_modules', 'densebench-plugin-foo'), 'densebench-plugin-foo');
  const plain = pluginPackage(join(cwd, 'node_modules', 'foo'), 'foo');
  const scoped = pluginPackage(join(cwd, 'node_modules', '@acme', 'densebench-plugin-bar'), '@acme/densebench-plugin-bar', 'main.js');
  const plainOnly = pluginPackage(join(cwd, 'node_modules', 'baz'), 'baz');
  const local = pluginPackage(join(cwd, 'foo'), 'local-foo', 'solver.js');
  const builtins = { foo: 'file:///builtin/foo.js' };

  it('prefers a built-in, then densebench-plugin-<name>, then the package itself, then a path', () => {
    expect(resolvePluginUrl('foo', builtins, cwd)).toBe('file:///builtin/foo.js');
    expect(resolvePluginUrl('foo', {}, cwd)).toBe(prefixed);
    expect(resolvePluginUrl('baz', {}, cwd)).toBe(plainOnly);
    expect(resolvePluginUrl('@acme/bar', {}, cwd)).toBe(scoped);
    expect(resolvePluginUrl('./foo', builtins, cwd)).toBe(local);
    expect(plain).not.toBe(prefixed);
  });

  it('says where it looked, in order, when nothing matches', () => {
    expect(() => resolvePluginUrl('nope', builtins, cwd)).toThrow(
      [
        'unknown plugin "nope". Tried:',
        '  - built-in plugins (foo)',
        `  - package "densebench-plugin-nope" from ${cwd}`,
        `  - package "nope" from ${cwd}`,
        `  - path ${join(cwd, 'nope')}`,
      ].join('\n'),
    );
  });
});
