// The suite must catch what it claims to catch: each broken plugin below fails exactly the check aimed at its flaw.
import { describe, expect, it } from 'vitest';
import { definePlugin, energy, type Instance, type SolveContext, type SolverPlugin } from '@densebench/core';
import { conformanceChecks } from '../src/index.js';

/** A correct little solver for the ±1 perceptron: random restarts of greedy single flips, polling the deadline. */
function greedy(instance: Instance, ctx: SolveContext): Int8Array {
  const n = instance.n;
  const w = Int8Array.from({ length: n }, () => ctx.rng.nextSign());
  let e = energy(instance, w);
  for (let pass = 0; pass < 200 && e > 0 && !ctx.shouldStop(); pass++) {
    for (let i = 0; i < n; i++) {
      w[i] = -w[i]!;
      const next = energy(instance, w);
      if (next <= e) e = next;
      else w[i] = -w[i]!;
    }
  }
  return w;
}

const good = definePlugin<{ passes: number }>({
  name: 'greedy', version: '1.0.0', description: 'greedy flips', problems: ['perceptron'], workUnit: 'passes',
  params: { type: 'object', properties: { passes: { type: 'integer', minimum: 1, default: 200, description: 'passes' } } },
  solve(instance, _params, ctx) {
    const assignment = greedy(instance, ctx);
    return { assignment, work: 1, energy: energy(instance, assignment) };
  },
});

async function failures(plugin: SolverPlugin): Promise<string[]> {
  const failed: string[] = [];
  for (const check of conformanceChecks(plugin)) {
    try {
      await check.run();
    } catch (error) {
      failed.push(`${check.name}: ${(error as Error).message}`);
    }
  }
  return failed;
}

describe('conformanceChecks', () => {
  it('passes a correct plugin', async () => {
    expect(await failures(good)).toEqual([]);
  });

  it.each([
    ['an unknown problem', { problems: ['perceptron', 'sudoku'] }, /declares known problems[^]*unknown problem "sudoku"/],
    ['a parameter without a description', { params: { type: 'object', properties: { passes: { type: 'integer', default: 3, description: '' } } } }, /parameter "passes" has no description/],
    ['a default outside its own bounds', { params: { type: 'object', properties: { passes: { type: 'integer', minimum: 5, default: 3, description: 'p' } } } }, /parameter schema[^]*passes/],
  ] as const)('catches %s', async (_, change, pattern) => {
    const failed = await failures({ ...good, ...change } as unknown as SolverPlugin);
    expect(failed.join('\n')).toMatch(pattern);
  });

  it('catches a solver that fails easy instances, lies about its energy, or answers with the wrong length', async () => {
    // All +1, or all −1 if that happened to solve it (then every pattern is violated by its opposite: N is odd).
    const wrong = (instance: Instance) => new Int8Array(instance.n).fill(energy(instance, new Int8Array(instance.n).fill(1)) === 0 ? -1 : 1);
    const lazy = { ...good, solve: (instance: Instance) => ({ assignment: wrong(instance), work: 0 }) };
    expect((await failures(lazy)).join('\n')).toMatch(/solves an easy perceptron instance[^]*left \d+ violated constraints/);
    const liar = { ...good, solve: (instance: Instance) => ({ assignment: wrong(instance), work: 0, energy: 0 }) };
    expect((await failures(liar)).join('\n')).toMatch(/claimed energy 0, the verified energy is \d+/);
    const short = { ...good, solve: (instance: Instance) => ({ assignment: new Int8Array(instance.n - 1).fill(1), work: 0 }) };
    expect((await failures(short)).join('\n')).toMatch(/assignment has length 50, expected 51/);
  });

  it('catches a solver that ignores its seed, one that modifies the instance, and one that never polls the deadline', async () => {
    const unseeded = { ...good, solve: (instance: Instance, _p: unknown, ctx: SolveContext) => ({ assignment: greedy(instance, ctx), work: Math.random() }) };
    expect((await failures(unseeded as SolverPlugin)).join('\n')).toMatch(/different answers \(or work\) for the same seed/);
    const vandal = {
      ...good,
      solve: (instance: Instance, _p: unknown, ctx: SolveContext) => {
        const assignment = greedy(instance, ctx);
        // Scratch use of the instance's own buffer, left dirty.
        if (instance.kind === 'perceptron') (instance.patterns as Int8Array)[0] = 0;
        return { assignment, work: 1 };
      },
    };
    expect((await failures(vandal as SolverPlugin)).join('\n')).toMatch(/modified the instance/);
    const deaf = { ...good, solve: (instance: Instance) => ({ assignment: new Int8Array(instance.n).fill(1), work: 0 }) };
    expect((await failures(deaf)).join('\n')).toMatch(/never polled ctx.shouldStop\(\)/);
  });
});
