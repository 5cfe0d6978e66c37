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
  const misread = notDecimal(plugin, given);
  if (misread.length > 0 || !validate(resolved)) {
    const known = Object.keys(plugin.params.properties).join(', ');
    const lines = misread.length > 0 ? misread.join('\n') : formatAjvErrors(validate.errors, `plugin ${plugin.name} param`);
    throw new Error(`${lines}\n(parameters of ${plugin.name}: ${known || 'none'})`);
  }
  // ajv's coercion turns "1e400" into Infinity, which JSON would record as null.
  for (const [key, value] of Object.entries(resolved)) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new Error(`plugin ${plugin.name} param: field "${key}" must be a finite number, got ${typeof given[key] === 'string' ? JSON.stringify(given[key]) : String(value)}`);
    }
  }
  // Keys in schema order, so equal parameters serialize identically in records and plan hashes.
  const ordered: Record<string, unknown> = {};
  for (const key of Object.keys(plugin.params.properties)) if (key in resolved) ordered[key] = resolved[key];
  return ordered as P;
}

const DECIMAL_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether `text` (trimmed) is a number in decimal notation: digits with an optional point and exponent ("4", "0.3",
 * ".5", "1e-3", "-2"). Number() and ajv's coercion also take "0x10", "0b1", "0o7", "Infinity" and "" (as 0): a
 * study must not run at α = 16 because someone typed 0x10.
 */
export function isDecimalNumber(text: string): boolean {
  return DECIMAL_NUMBER.test(text.trim());
}

/** Strings given for numeric parameters that are not decimal numbers, one message each. */
function notDecimal(plugin: Pick<SolverPlugin, 'name' | 'params'>, given: Record<string, unknown>): string[] {
  const messages: string[] = [];
  for (const [key, value] of Object.entries(given)) {
    if (typeof value !== 'string' || !Object.hasOwn(plugin.params.properties, key)) continue;
    const type = plugin.params.properties[key]!.type;
    if ((type === 'number' || type === 'integer') && !isDecimalNumber(value)) {
      messages.push(`plugin ${plugin.name} param: field "${key}" must be a decimal number, got ${JSON.stringify(value)}`);
    }
  }
  return messages;
}

/**
 * Parses `key=value` strings (from `--param`) into an object; values stay strings for the schema to coerce.
 * A key given twice with different values is an error rather than a silent last-one-wins.
 */
export function parseParamAssignments(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq < 0) throw new Error(`--param "${item}": expected key=value`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (key === '') throw new Error(`--param "${item}": the name before "=" is empty (expected key=value)`);
    // Assigned into plain objects downstream, "__proto__" would change a prototype instead of naming a parameter.
    if (key === '__proto__' || key.endsWith('.__proto__')) throw new Error(`--param "${item}": "${key}" is not a parameter name`);
    if (Object.hasOwn(out, key) && out[key] !== value) {
      throw new Error(`--param ${key} is given twice, as ${JSON.stringify(out[key])} and as ${JSON.stringify(value)}: keep one`);
    }
    out[key] = value;
  }
  return { ...out };
}
