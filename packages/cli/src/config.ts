// Study files: a whole sweep described in one file (densebench.config.json, or a .js/.mjs module exporting it),
// validated against a JSON Schema, so that a study lives in git rather than in a long command line.
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeError, fileReadError, PROBLEM_NAMES, resultSetNameProblem, schemaChecker, type ProblemName } from '@densebench/core';
import { stripByteOrderMark } from '@densebench/problems';

export interface StudyConfig {
  name?: string;
  description?: string;
  problem?: ProblemName;
  n?: number | number[] | string;
  alpha?: number | number[] | string;
  k?: number;
  seeds?: number | number[] | string;
  timeout?: number;
  workers?: number;
  memory?: number;
  /** A plugin by name, or with its parameters and the sizes it runs at (a subset of n; all of them by default). */
  plugins?: (string | { plugin: string; params?: Record<string, unknown>; n?: number[]; grid?: Record<string, (number | string | boolean)[]> })[];
  /**
   * After the sweep, measure the local entropy around the solutions and planted configurations (as `densebench
   * local-entropy` does): true for the defaults, or the couplings γ and a cap on the answers per plugin and point.
   */
  localEntropy?: boolean | { gammas?: number[]; perPoint?: number };
}

const listOf = (item: object) => ({ anyOf: [item, { type: 'array', items: item, minItems: 1 }, { type: 'string', minLength: 1 }] });

export const studyConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string' }, // one path segment: checked by resultSetNameProblem in loadStudyConfig, naming the value
    description: { type: 'string' },
    problem: { enum: PROBLEM_NAMES },
    n: listOf({ type: 'integer', minimum: 1 }),
    alpha: listOf({ type: 'number', exclusiveMinimum: 0 }),
    k: { type: 'integer', minimum: 1 },
    seeds: listOf({ type: 'integer', minimum: 0 }),
    timeout: { type: 'number', exclusiveMinimum: 0 },
    workers: { type: 'integer', minimum: 1 },
    memory: { type: 'integer', minimum: 16 },
    plugins: {
      type: 'array',
      minItems: 1,
      items: {
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'object', additionalProperties: false, required: ['plugin'], properties: {
              plugin: { type: 'string', minLength: 1 },
              params: { type: 'object' },
              n: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } },
              grid: { type: 'object', minProperties: 1, additionalProperties: { type: 'array', minItems: 1, uniqueItems: true, items: { type: ['number', 'string', 'boolean'] } } },
            },
          },
        ],
      },
    },
    localEntropy: {
      anyOf: [
        { type: 'boolean' },
        { type: 'object', additionalProperties: false, properties: { gammas: { type: 'array', minItems: 1, items: { type: 'number', exclusiveMinimum: 0 } }, perPoint: { type: 'integer', minimum: 1 } } },
      ],
    },
  },
} as const;

const checkStudyConfig: (value: unknown, where: string) => asserts value is StudyConfig = schemaChecker<StudyConfig>(studyConfigSchema);

/** Reads and validates a study file; errors name the file and the field. */
export async function loadStudyConfig(path: string): Promise<StudyConfig> {
  const absolute = resolve(path);
  let value: unknown;
  if (['.js', '.mjs'].includes(extname(absolute))) {
    // import() of a directory or a missing file fails with a resolver message that does not say which.
    let isDirectory: boolean;
    try {
      isDirectory = statSync(absolute).isDirectory();
    } catch (error) {
      throw fileReadError(path, error, 'a study module');
    }
    if (isDirectory) throw new Error(`${path}: is a directory, not a study module`);
    try {
      value = ((await import(pathToFileURL(absolute).href)) as { default?: unknown }).default;
    } catch (error) {
      throw new Error(`${path}: the study module failed to load: ${describeError(error, 1000)}`, { cause: error });
    }
  } else {
    let text: string;
    try {
      text = stripByteOrderMark(readFileSync(absolute, 'utf8'));
    } catch (error) {
      throw fileReadError(path, error, 'a study file');
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
    }
  }
  checkStudyConfig(value, path);
  const nameProblem = value.name === undefined ? undefined : resultSetNameProblem(value.name);
  if (nameProblem) throw new Error(`${path}: field "name" ${JSON.stringify(value.name)} cannot name a result set: ${nameProblem}`);
  return value;
}

/**
 * A list-valued setting as the text the command-line parsers take ("201,401", "0.3:0.8"): a study file's number,
 * array or string, or a command-line option given several times (--alpha 0.3 --alpha 0.5 arrives as an array).
 */
export function listSetting(value: number | string | readonly (number | string)[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : String(value);
}
