// JSON has no NaN or ±Infinity: JSON.stringify writes them as null, and a record holding one then fails validation
// when read back. Finding them before writing lets the error name the field instead of the line that will not load.

/** A non-finite number inside a JSON-like value: where it is (a dotted path, '' for the value itself) and what it is. */
export interface NonFiniteNumber {
  path: string;
  value: number;
}

/**
 * The first NaN, Infinity or -Infinity in a JSON-like value (plain objects and arrays, walked in JSON.stringify's
 * order), or undefined when there is none.
 */
export function firstNonFiniteNumber(value: unknown): NonFiniteNumber | undefined {
  return search(value, '', new Set());
}

/**
 * The dotted path ("trace.0.1", "info.gap") of the first non-finite number in a JSON-like value, '' when `value`
 * itself is one, or undefined when it holds none: compare with undefined, not by truthiness.
 */
export function nonFiniteNumberPath(value: unknown): string | undefined {
  return firstNonFiniteNumber(value)?.path;
}

function search(value: unknown, path: string, ancestors: Set<object>): NonFiniteNumber | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value };
  if (typeof value !== 'object' || value === null || ancestors.has(value)) return undefined;
  ancestors.add(value);
  try {
    const keys = Array.isArray(value) ? value.keys() : Object.keys(value);
    for (const key of keys) {
      const found = search((value as Record<string | number, unknown>)[key], path === '' ? String(key) : `${path}.${key}`, ancestors);
      if (found) return found;
    }
    return undefined;
  } finally {
    ancestors.delete(value);
  }
}
