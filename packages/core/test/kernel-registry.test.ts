// The kernel registry: a kernel names its backends, binds the fastest by default or one by name, and refuses duplicates
// and unknown names with errors that say what there is.
import { describe, expect, it } from 'vitest';
import { defineKernel, FASTEST_BACKEND, registeredKernels, type KernelBackend } from '../src/index.js';

/** A toy kernel on a counter: every backend adds `step` to it. */
type Counter = { value: number };
const adder = (name: string, priority: number): KernelBackend<Counter, (step: number) => number> => ({
  name,
  priority,
  bind: (state) => (step) => (state.value += step),
});

describe('a kernel in the registry', () => {
  const kernel = defineKernel('test: add', adder('ts', 0)).register(adder('fast', 2)).register(adder('faster-maybe', 1));

  it('lists its backends fastest first and binds the fastest unless one is named', () => {
    expect(kernel.backends).toEqual(['fast', 'faster-maybe', 'ts']);
    const state = { value: 1 };
    const fastest = kernel.bind(state);
    expect(fastest).toMatchObject({ kernel: 'test: add', backend: 'fast' });
    expect(fastest.op(2)).toBe(3);
    expect(kernel.bind(state, 'ts').op(1)).toBe(4);
    expect(kernel.bind(state, FASTEST_BACKEND).backend).toBe('fast');
  });

  it('refuses an unknown backend, a duplicate and a bad name, saying what there is', () => {
    expect(() => kernel.bind({ value: 0 }, 'gpu')).toThrow('kernel "test: add" has no backend "gpu" (backends: fast, faster-maybe, ts)');
    expect(() => kernel.register(adder('ts', 5))).toThrow('kernel "test: add": backend "ts" is already registered');
    expect(() => kernel.register(adder(FASTEST_BACKEND, 5))).toThrow(/cannot name a backend/);
    expect(() => kernel.register(adder('Fast', 5))).toThrow(/cannot name a backend/);
  });

  it('is registered once under its name', () => {
    expect(registeredKernels()).toContain(kernel);
    expect(() => defineKernel('test: add', adder('ts', 0))).toThrow('kernel "test: add" is already defined');
  });
});
