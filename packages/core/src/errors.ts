/**
 * One line of text for anything a command, a plugin or a worker may throw. `throw 'x'`, `throw { code: 3 }`
 * and `Promise.reject(1n)` are legal JavaScript; printing them with `String(value)` gives `[object Object]`
 * or throws (a revoked proxy, an object without a prototype), so the boundary renders them here instead.
 */

/**
 * Describes a thrown value in at most `maxLength` characters (plus a `… (N more characters)` marker):
 * an Error as `name: message` (just `message` when the name is plain `Error`), a string as itself, and
 * anything else as JSON that survives BigInt, functions, symbols and circular references, or as a
 * description of its type when even that fails. Never throws.
 */
export function describeError(value: unknown, maxLength = 2000): string {
  let text: string;
  try {
    text = isError(value) ? describeErrorObject(value) : typeof value === 'string' ? value : render(value);
  } catch {
    text = typeDescription(value);
  }
  return truncate(text, maxLength);
}

/**
 * The error to throw when reading `path` failed: it names the path and says what is wrong in words ("is a
 * directory, not an instance file") rather than Node's bare "EISDIR: illegal operation on a directory, read".
 * `what` is the kind of file expected, with its article ("an instance file"). The original error is the cause.
 */
export function fileReadError(path: string, error: unknown, what = 'a file'): Error {
  const code = (error as { code?: unknown } | null)?.code;
  let reason: string;
  switch (code) {
    case 'EISDIR':
      reason = `is a directory, not ${what}`;
      break;
    case 'ENOENT':
      reason = `no such file (expected ${what})`;
      break;
    case 'ENOTDIR':
      reason = `a part of the path is not a directory (expected ${what})`;
      break;
    case 'EACCES':
    case 'EPERM':
      reason = 'permission denied';
      break;
    case 'ERR_FS_FILE_TOO_LARGE':
      reason = `too large to read as ${what}`;
      break;
    default:
      reason = `cannot read ${what} (${describeError(error, 300)})`;
  }
  return new Error(`${path}: ${reason}`, { cause: error });
}

function isError(value: unknown): value is Error {
  // An Error from another realm (a vm context) fails instanceof but keeps its internal [[ErrorData]] tag.
  return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function describeErrorObject(error: Error): string {
  const name = typeof error.name === 'string' ? error.name : '';
  const message = typeof error.message === 'string' ? error.message : render(error.message);
  if (name === '' || name === 'Error') return message === '' ? 'Error' : message;
  return message === '' ? name : `${name}: ${message}`;
}

function render(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'bigint':
      return `${value}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return functionLabel(value);
    case 'number':
      return String(value); // JSON would print NaN and Infinity as null
    default:
      break;
  }
  const json = JSON.stringify(value, jsonReplacer());
  return typeof json === 'string' ? json : typeDescription(value);
}

/** JSON.stringify's replacer runs with `this` bound to the holder; the chain of holders is the current path. */
function jsonReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = [];
  return function (this: unknown, _key: string, value: unknown): unknown {
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'function') return functionLabel(value);
    if (typeof value === 'symbol') return value.toString();
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null) return value;
    while (ancestors.length > 0 && ancestors[ancestors.length - 1] !== this) ancestors.pop();
    if (ancestors.includes(value)) return '[Circular]';
    ancestors.push(value);
    if (isError(value)) return describeErrorObject(value);
    if (value instanceof Map) return { Map: [...value.entries()] };
    if (value instanceof Set) return { Set: [...value.values()] };
    return value;
  };
}

function functionLabel(fn: Function): string {
  return fn.name ? `[Function ${fn.name}]` : '[Function (anonymous)]';
}

function typeDescription(value: unknown): string {
  try {
    if (value === null) return 'null';
    if (typeof value !== 'object') return `(a value of type ${typeof value})`;
    const constructorName = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof constructorName === 'string' && constructorName !== ''
      ? `(an object of class ${constructorName} that cannot be printed)`
      : '(an object that cannot be printed)';
  } catch {
    return '(a value that cannot be printed)';
  }
}

function truncate(text: string, maxLength: number): string {
  const limit = Math.max(0, Math.floor(maxLength));
  if (text.length <= limit) return text;
  // Do not split a surrogate pair: a lone half would print as a replacement character.
  let cut = limit;
  const last = text.charCodeAt(cut - 1);
  if (cut > 0 && last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut)}… (${text.length - cut} more characters)`;
}
