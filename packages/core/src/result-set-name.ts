// A result set's name becomes one path segment twice: <out>/<name>/ for its runs and <reports>/<name>/ for its
// report. A name such as ".." or "a/b" would put either outside its folder (and the report writer clears charts/
// where it lands), so names are checked wherever they enter: --name, a study file, a manifest read from disk, merge.

const NAME_PATTERN = /^[A-Za-z0-9_+-][A-Za-z0-9._+-]{0,199}$/;

/** The rule a result-set name follows, for error messages. */
export const RESULT_SET_NAME_RULE = '1–200 letters, digits and . _ + -, not starting with "."';

/**
 * Why `name` cannot name a result set, or undefined when it can: a name is 1–200 characters of ASCII letters,
 * digits and . _ + -, and does not start with "." (so it is never "." or "..", nor a hidden folder).
 */
export function resultSetNameProblem(name: string): string | undefined {
  if (NAME_PATTERN.test(name)) return undefined;
  if (name.length === 0) return 'it is empty';
  if (name.length > 200) return `it has ${name.length} characters, more than 200`;
  if (name.startsWith('.')) return 'it starts with "."';
  const bad = [...name].find((c) => !/[A-Za-z0-9._+-]/.test(c))!;
  return `it contains ${JSON.stringify(bad)}; use ${RESULT_SET_NAME_RULE}`;
}
