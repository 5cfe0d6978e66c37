// An external solver in any language is described by a JSON manifest (densebench-plugin.json): the program, how to
// call it and how to read its answer. This file reads and validates manifests and finds their programs; the plugin a
// manifest describes is external-plugin.ts's.
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROBLEM_NAMES, schemaChecker, type ParamSchema, type ProblemName } from '@densebench/core';
import { isKsat, type AnswerFormat } from '@densebench/problems';

export const PLUGIN_MANIFEST_FILE = 'densebench-plugin.json';
export interface ExternalManifest {
  $schema?: string;
  name: string;
  version: string;
  description: string;
  problems: ProblemName[];
  /**
   * Program and arguments. Placeholders: {instance} (the instance file), {output} (a file the program may write its
   * answer to), {seed} (a 31-bit integer from the run's seeded stream), {timeLimitS} (whole seconds left, at least 1).
   */
  command: string[];
  answer: { format: AnswerFormat; from: 'stdout' | 'file' };
  /** Optional: a regular expression on the program's standard output whose first group is the work done. */
  work?: { pattern: string; unit: string };
  /**
   * Optional: how the program says "unknown" when it prints no status at all (no "s" line, no result file): an exit
   * code among `exitCodes`, or standard output matching `pattern`. Such a run, before the deadline, is a give-up.
   */
  unknown?: { exitCodes?: number[]; pattern?: string };
  /** How to install the program, shown when it is missing (e.g. "apt-get install cadical"). */
  install?: string;
  /**
   * Optional: the program's parameters, declared like a plugin's (type, description, default, bounds, enum), so that
   * `--param` and `--grid` can set them; an argument of `command` uses one as {params.NAME}.
   */
  params?: { type: 'object'; properties: Record<string, ParamSchema> };
}

export const externalManifestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'version', 'description', 'problems', 'command', 'answer'],
  properties: {
    $schema: { type: 'string' },
    name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    version: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    problems: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: PROBLEM_NAMES.filter((p) => p !== 'mnist') } },
    command: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    answer: {
      type: 'object',
      additionalProperties: false,
      required: ['format', 'from'],
      properties: { format: { enum: ['sat-competition', 'minisat', 'weights'] }, from: { enum: ['stdout', 'file'] } },
    },
    work: {
      type: 'object',
      additionalProperties: false,
      required: ['pattern', 'unit'],
      properties: { pattern: { type: 'string', minLength: 1 }, unit: { type: 'string', minLength: 1 } },
    },
    unknown: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: {
        exitCodes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'integer', minimum: 0, maximum: 255 } },
        pattern: { type: 'string', minLength: 1 },
      },
    },
    install: { type: 'string' },
    params: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'properties'],
      properties: {
        type: { const: 'object' },
        properties: {
          type: 'object',
          propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['type', 'description'],
            properties: {
              type: { enum: ['number', 'integer', 'string', 'boolean'] },
              description: { type: 'string' },
              default: { type: ['number', 'string', 'boolean'] },
              minimum: { type: 'number' },
              maximum: { type: 'number' },
              exclusiveMinimum: { type: 'number' },
              exclusiveMaximum: { type: 'number' },
              enum: { type: 'array', minItems: 1, items: { type: ['number', 'string'] } },
            },
          },
        },
      },
    },
  },
} as const;

const checkManifest: (value: unknown, where: string) => asserts value is ExternalManifest = schemaChecker<ExternalManifest>(externalManifestSchema);

/** Reads and validates a manifest; errors name the file and the field at fault. */
export function readExternalManifest(path: string): ExternalManifest {
  let parsed: unknown;
  try {
    // An editor's UTF-8 byte-order mark is not JSON.
    parsed = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
  checkManifest(parsed, path);
  const manifest = parsed;
  if (manifest.answer.format === 'weights' && manifest.problems.some(isKsat)) throw new Error(`${path}: field "answer.format" "weights" answers perceptron problems, not ksat`);
  if (manifest.answer.format !== 'weights' && !manifest.problems.every(isKsat)) throw new Error(`${path}: field "answer.format" "${manifest.answer.format}" answers ksat and planted-ksat only`);
  if (manifest.answer.from === 'file' && !manifest.command.some((arg) => arg.includes('{output}'))) throw new Error(`${path}: field "answer.from" is "file" but no argument of "command" contains {output}`);
  if (!manifest.command.some((arg) => arg.includes('{instance}'))) throw new Error(`${path}: no argument of field "command" contains {instance}`);
  if (manifest.work) {
    const groups = compilePattern(manifest.work.pattern, path, 'work.pattern');
    if (groups === 0) throw new Error(`${path}: field "work.pattern" ${JSON.stringify(manifest.work.pattern)} has no capturing group (its first group is the work)`);
  }
  if (manifest.unknown?.pattern !== undefined) compilePattern(manifest.unknown.pattern, path, 'unknown.pattern');
  const declared = Object.keys(manifest.params?.properties ?? {});
  for (const [name, param] of Object.entries(manifest.params?.properties ?? {})) {
    if (param.default === undefined) throw new Error(`${path}: field "params.properties.${name}" needs a "default": the command needs a value when --param does not give one`);
  }
  for (const arg of manifest.command) {
    for (const [, name] of arg.matchAll(/\{params\.([^}]*)\}/g)) {
      if (!declared.includes(name!)) throw new Error(`${path}: field "command" uses {params.${name}}, which field "params.properties" does not declare (declared: ${declared.join(', ') || 'none'})`);
    }
  }
  return manifest;
}

/** Checks that a manifest's regular expression compiles; returns its number of capturing groups. */
function compilePattern(pattern: string, path: string, field: string): number {
  try {
    new RegExp(pattern, 'm');
  } catch (error) {
    throw new Error(`${path}: field "${field}": ${(error as Error).message}`, { cause: error });
  }
  // An alternative that matches the empty string makes exec() report every group.
  return new RegExp(`${pattern}|`, 'm').exec('')!.length - 1;
}

/**
 * The URL under which the harness (and its workers) load the plugin a manifest describes: the manifest's own file URL.
 * importPlugin recognises it by its .json ending and builds the plugin from the manifest.
 */
export function externalPluginUrl(manifestPath: string): string {
  return pathToFileURL(resolve(manifestPath)).href;
}

/** Whether a plugin URL names an external solver's manifest. */
export function isExternalPluginUrl(url: string): boolean {
  return url.startsWith('file:') && new URL(url).pathname.endsWith('.json');
}

/** The program of a manifest as found on PATH (or relative to the manifest), or undefined. */
export function findProgram(manifest: ExternalManifest, manifestPath: string): string | undefined {
  const program = manifest.command[0]!;
  if (program.includes('/')) {
    const path = isAbsolute(program) ? program : resolve(dirname(manifestPath), program);
    return isExecutableFile(path) ? path : undefined;
  }
  return (process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, program)).find(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
