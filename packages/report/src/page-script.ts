// The report page's own script, as the text of one inline <script>. tsconfig.browser.json compiles src/page/main.ts
// and the modules it imports to CommonJS under dist/browser/; here they are linked under a minimal `require`, the way
// chart.js's UMD bundle is inlined beside it: the page's CSP allows inline scripts only, so nothing is loaded by URL.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The compiled modules, from src/ or dist/ alike (both sit next to dist/ in the package). */
const BROWSER_DIR = fileURLToPath(new URL('../dist/browser/', import.meta.url));
const ENTRY = 'page/main.js';

let pageScriptSource: string | undefined;

/** A module path relative to dist/browser/ ("charts/index.js") from the one requiring it and the specifier it gives. */
function resolveModule(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** The entry module and every module it requires, by path relative to dist/browser/, each require given that path. */
function browserModules(): Map<string, string> {
  if (!existsSync(`${BROWSER_DIR}${ENTRY}`)) throw new Error(`the report page's script is not built (no ${BROWSER_DIR}${ENTRY}): run pnpm build`);
  const modules = new Map<string, string>();
  const pending = [ENTRY];
  while (pending.length) {
    const name = pending.pop()!;
    if (modules.has(name)) continue;
    const text = readFileSync(`${BROWSER_DIR}${name}`, 'utf8').replace(/\brequire\("([^"]+)"\)/g, (_call, specifier: string) => {
      if (!specifier.startsWith('.')) throw new Error(`${name} requires ${specifier}: the report page can run only its own modules (src/page, src/charts and src/format.ts)`);
      const required = resolveModule(name, specifier);
      pending.push(required);
      return `require(${JSON.stringify(required)})`;
    });
    modules.set(name, text);
  }
  return modules;
}

/** The page's script: its modules as functions of (exports, require), then the entry run. */
export function pageScript(): string {
  if (pageScriptSource === undefined) {
    const table = [...browserModules()].map(([name, text]) => `${JSON.stringify(name)}: function (exports, require) {\n${text}\n}`);
    pageScriptSource = `(() => {
const modules = {
${table.join(',\n')}
};
const loaded = {};
const require = (name) => {
  if (!(name in loaded)) modules[name](loaded[name] = {}, require);
  return loaded[name];
};
require(${JSON.stringify(ENTRY)});
})();`.replace(/<\/(script)/gi, '<\\/$1');
  }
  return pageScriptSource;
}
