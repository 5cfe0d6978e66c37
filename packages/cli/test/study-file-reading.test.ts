// Reading a study file: a byte-order mark is skipped, and a path that is not a readable file is named with what is wrong.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStudyConfig } from '../src/config.js';

const dir = mkdtempSync(join(tmpdir(), 'densebench-study-'));

describe('loadStudyConfig', () => {
  it('skips a UTF-8 byte-order mark, as Windows editors write one', async () => {
    const path = join(dir, 'bom.json');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"name":"s","alpha":"0.3:0.4","seeds":2}')]));
    expect(await loadStudyConfig(path)).toEqual({ name: 's', alpha: '0.3:0.4', seeds: 2 });
  });

  it('names the path and says what is wrong when it is not a readable file', async () => {
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    await expect(loadStudyConfig(folder)).rejects.toThrow(`${folder}: is a directory, not a study file`);
    const missing = join(dir, 'missing.json');
    await expect(loadStudyConfig(missing)).rejects.toThrow(`${missing}: no such file (expected a study file)`);
    const moduleFolder = join(dir, 'folder.mjs');
    mkdirSync(moduleFolder);
    await expect(loadStudyConfig(moduleFolder)).rejects.toThrow(`${moduleFolder}: is a directory, not a study module`);
    await expect(loadStudyConfig(join(dir, 'missing.mjs'))).rejects.toThrow(`${join(dir, 'missing.mjs')}: no such file (expected a study module)`);
  });

  it('names a study module that fails to load and what it threw', async () => {
    const path = join(dir, 'throws.mjs');
    writeFileSync(path, 'throw { reason: "not ready" };\n');
    await expect(loadStudyConfig(path)).rejects.toThrow(`${path}: the study module failed to load: {"reason":"not ready"}`);
  });
});
