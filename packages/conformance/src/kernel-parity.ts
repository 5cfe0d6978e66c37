// The parity suite of the kernel registry (core's defineKernel): every backend of a kernel must leave exactly the state
// its reference leaves, call for call — the same return values, the same state (every typed array element for
// element) and the same generator — from the same state and the same seed. tfjs runs its core test suite against each
// backend; this is the same idea for densebench's kernels. Framework-agnostic like conformanceChecks: each check is a
// function that throws; `describeKernelParity` wraps them for vitest/jest/mocha-style `describe` and `it`.
import { Rng, type Kernel } from '@densebench/core';

/** One seeded trajectory on which a kernel's backends are compared with its reference. */
export interface KernelParityCase<S, Op> {
  /** What the case is, e.g. 'perceptron N = 301, α = 0.6'. */
  readonly name: string;
  /** A fresh state, equal on every call (built from seeded data): each backend gets its own. */
  state(): S;
  /** Calls compared. */
  readonly calls: number;
  /** Makes call number `call` of the operation (bound to the case's state); what it returns is compared. */
  call(op: Op, call: number, rng: Rng): unknown;
  /** Everything the kernel may change, as plain values and typed arrays (compared element for element). */
  snapshot(state: S): unknown;
}

export interface KernelParityCheck {
  name: string;
  run(): void;
}

const SEED = 'densebench:kernel-parity';

/** The first place where two snapshots differ ('' when they are equal), e.g. 'stabilities[17]: 3 ≠ 1'. */
export function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && !(a instanceof DataView) && !(b instanceof DataView)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return `${path || 'value'}: length ${x.length} ≠ ${y.length}`;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `${path}[${i}]: ${x[i]} ≠ ${y[i]}`;
    return '';
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    if (Array.isArray(a) !== Array.isArray(b)) return `${path || 'value'}: an array and an object`;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
      if (found) return found;
    }
    return '';
  }
  return Object.is(a, b) ? '' : `${path || 'value'}: ${String(a)} ≠ ${String(b)}`;
}

function generatorWords(rng: Rng): Int32Array {
  const words = new Int32Array(4);
  rng.saveState(words);
  return words;
}

/** One check per backend other than the reference and per case. */
export function kernelParityChecks<S, Op>(kernel: Kernel<S, Op>, cases: readonly KernelParityCase<S, Op>[]): KernelParityCheck[] {
  const reference = kernel.reference;
  const checks: KernelParityCheck[] = [];
  for (const name of kernel.backends) {
    if (name === reference.name) continue;
    const backend = kernel.backend(name);
    for (const parityCase of cases) {
      checks.push({
        name: `${name} leaves the state ${reference.name} leaves, call for call: ${parityCase.name}`,
        run() {
          const expected = parityCase.state();
          const actual = parityCase.state();
          const expectedOp = reference.bind(expected);
          const actualOp = backend.bind(actual);
          const expectedRng = new Rng(SEED);
          const actualRng = new Rng(SEED);
          for (let call = 0; call < parityCase.calls; call++) {
            const where = `kernel "${kernel.name}", backend ${name} against ${reference.name}, ${parityCase.name}, call ${call + 1}`;
            const difference =
              firstDifference(parityCase.call(expectedOp, call, expectedRng), parityCase.call(actualOp, call, actualRng), 'returned') ||
              firstDifference(parityCase.snapshot(expected), parityCase.snapshot(actual), 'state') ||
              firstDifference(generatorWords(expectedRng), generatorWords(actualRng), 'generator');
            if (difference) throw new Error(`${where}: ${difference}`);
          }
        },
      });
    }
  }
  return checks;
}

/** Test-framework glue: `describeKernelParity(kernel, cases, { describe, it })` in a vitest, jest or mocha test file. */
export function describeKernelParity<S, Op>(
  kernel: Kernel<S, Op>,
  cases: readonly KernelParityCase<S, Op>[],
  framework: { describe: (name: string, body: () => void) => void; it: (name: string, body: () => void, timeoutMs?: number) => void },
): void {
  framework.describe(`kernel "${kernel.name}" (backends: ${kernel.backends.join(', ')})`, () => {
    const checks = kernelParityChecks(kernel, cases);
    if (checks.length === 0) framework.it(`has only its reference backend, ${kernel.reference.name}`, () => {});
    for (const check of checks) framework.it(check.name, () => check.run(), 60_000);
  });
}
