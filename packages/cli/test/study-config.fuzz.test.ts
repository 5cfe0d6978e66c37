// Property-based test of loadStudyConfig on arbitrary file contents: a study file is read as exactly the JSON it holds
// (after a byte-order mark), or refused with an Error that starts with the file's path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadStudyConfig } from '../src/config.js';

const path = join(mkdtempSync(join(tmpdir(), 'densebench-study-fuzz-')), 'study.json');

const setting = fc.oneof(fc.double({ noNaN: true }), fc.string({ maxLength: 12 }), fc.array(fc.integer({ min: -2, max: 500 }), { maxLength: 3 }), fc.constantFrom('0.3:0.8', '201,401', '0x10'));
const studyish = fc
  .record(
    {
      name: fc.oneof(fc.stringMatching(/^[\w.+-]{1,12}$/), fc.string({ maxLength: 8 })),
      problem: fc.constantFrom('perceptron', 'ksat', 'nope'),
      alpha: setting,
      n: setting,
      seeds: setting,
      k: fc.integer({ min: -1, max: 5 }),
      plugins: fc.array(fc.oneof(fc.constantFrom('sa', ''), fc.record({ plugin: fc.constantFrom('sa', 'fbp'), params: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 })) })), { maxLength: 2 }),
      extra: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  )
  .map((study) => JSON.stringify(study));
const content = fc.tuple(fc.oneof({ weight: 3, arbitrary: studyish }, { weight: 1, arbitrary: fc.string({ maxLength: 60 }) }, { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? '') }), fc.boolean());

describe('loadStudyConfig on arbitrary file contents', () => {
  it('returns exactly the JSON of the file, or throws a plain Error starting with the path', async () => {
    await fc.assert(
      fc.asyncProperty(content, async ([text, bom]) => {
        writeFileSync(path, (bom ? '\uFEFF' : '') + text);
        let study: unknown;
        try {
          study = await loadStudyConfig(path);
        } catch (error) {
          expect((error as Error).constructor).toBe(Error);
          expect((error as Error).message.startsWith(`${path}: `), (error as Error).message).toBe(true);
          return;
        }
        expect(study).toEqual(JSON.parse(Buffer.from(text, 'utf8').toString('utf8')));
      }),
      { numRuns: 300 },
    );
  });
});
