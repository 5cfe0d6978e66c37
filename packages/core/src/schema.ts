import { Ajv, type ValidateFunction } from 'ajv';
import { formatAjvErrors } from './params.js';

const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * A checker for one JSON Schema, compiled on first use. It throws an error naming the field(s) at fault,
 * prefixed by `where` (a file and line, say).
 */
export function schemaChecker<T>(schema: object): (value: unknown, where: string) => asserts value is T {
  let validate: ValidateFunction | undefined;
  return (value, where) => {
    validate ??= ajv.compile(schema);
    if (!validate(value)) {
      // An anyOf failure also reports each branch; the branch errors say more than "must match a schema in anyOf".
      const errors = validate.errors ?? [];
      const specific = errors.filter((e) => e.keyword !== 'anyOf');
      throw new Error(formatAjvErrors(specific.length ? specific : errors, where));
    }
  };
}
