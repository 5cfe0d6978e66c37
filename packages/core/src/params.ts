import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { ParamsSchema, SolverPlugin } from './plugin.js';

const ajv = new Ajv({ allErrors: true, useDefaults: true, coerceTypes: true, strict: false });
const validators = new WeakMap<ParamsSchema, ValidateFunction>();

function validatorFor(schema: ParamsSchema): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile({ additionalProperties: false, ...schema });
    validators.set(schema, validate);
  }
  return validate;
}

/** Human-readable ajv errors, each naming the field at fault. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined, what: string): string {
  return (errors ?? [])
    .map((e) => {
      const field = e.instancePath ? e.instancePath.slice(1).replaceAll('/', '.') : '';
      if (e.keyword === 'additionalProperties') return `${what}: unknown field "${[field, e.params.additionalProperty].filter(Boolean).join('.')}"`;
      if (e.keyword === 'required') return `${what}: missing field "${[field, e.params.missingProperty].filter(Boolean).join('.')}"`;
      return `${what}: field "${field || '(root)'}" ${e.message ?? 'is invalid'}${e.keyword === 'enum' ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`;
    })
    .join('\n');
}

/**
 * Validates user-given parameters against a plugin's schema, converts strings from the command line to the
 * declared types, and fills in defaults. Throws with one line per field at fault.
 */
export function resolveParams<P extends object = Record<string, unknown>>(plugin: Pick<SolverPlugin, 'name' | 'params'>, given: Record<string, unknown>): P {
  const resolved: Record<string, unknown> = structuredClone(given);
  const validate = validatorFor(plugin.params);
  if (!validate(resolved)) {
    const known = Object.keys(plugin.params.properties).join(', ');
    throw new Error(`${formatAjvErrors(validate.errors, `plugin ${plugin.name} param`)}\n(parameters of ${plugin.name}: ${known || 'none'})`);
  }
  // Keys in schema order, so equal parameters serialize identically in records and plan hashes.
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(plugin.params.properties)) if (key in resolved) ordered[key] = resolved[key];
  return ordered as P;
}

/** Parses `key=value` strings (from `--param`) into an object; values stay strings for the schema to coerce. */
export function parseParamAssignments(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error(`--param "${item}": expected key=value`);
    out[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
  }
  return out;
}
