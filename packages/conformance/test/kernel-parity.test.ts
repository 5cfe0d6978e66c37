// The kernel parity suite must catch what it claims to catch: a backend that returns, writes or draws differently
// from the reference fails at the first call where it does, naming the value.
import { describe, expect, it } from 'vitest';
import { Kernel, type KernelBackend, type Rng } from '@densebench/core';
import { firstDifference, kernelParityChecks, type KernelParityCase } from '../src/index.js';

type Walk = { position: Int32Array; steps: number };
type Step = (rng: Rng) => number;

/** A random walk: each call moves by ±1 and returns the new position. `flaw` breaks it from the third call on. */
function walker(name: string, flaw?: 'returns' | 'writes' | 'draws'): KernelBackend<Walk, Step> {
  return {
    name,
    priority: flaw ? 1 : 0,
    bind: (walk) => (rng) => {
      walk.steps++;
      const step = rng.nextSign();
      if (flaw === 'draws' && walk.steps >= 3) rng.nextUint32();
      walk.position[0]! += step + (flaw === 'writes' && walk.steps >= 3 ? 1 : 0);
      return walk.position[0]! + (flaw === 'returns' && walk.steps >= 3 ? 1 : 0);
    },
  };
}

const walks: KernelParityCase<Walk, Step>[] = [
  { name: 'ten steps', state: () => ({ position: new Int32Array(1), steps: 0 }), calls: 10, call: (step, _call, rng) => step(rng), snapshot: (w) => ({ position: w.position }) },
];

describe('the kernel parity suite', () => {
  it('passes a faithful backend and says where each flawed one leaves the reference', () => {
    const kernel = new Kernel('walk', walker('ts')).register(walker('same')).register(walker('returns', 'returns')).register(walker('writes', 'writes')).register(walker('draws', 'draws'));
    const outcome = (name: string): string => {
      const check = kernelParityChecks(kernel, walks).find((c) => c.name.startsWith(`${name} `))!;
      try {
        check.run();
        return 'passed';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(outcome('same')).toBe('passed');
    expect(outcome('returns')).toMatch(/^kernel "walk", backend returns against ts, ten steps, call 3: returned: -?\d+ ≠ -?\d+$/);
    expect(outcome('writes')).toMatch(/call 3: returned: .* ≠ /);
    expect(outcome('draws')).toMatch(/call 3: generator\[\d\]: /);
  });

  it('compares typed arrays element for element and names the first difference', () => {
    expect(firstDifference({ a: Int32Array.of(1, 2, 3) }, { a: Int32Array.of(1, 2, 3) })).toBe('');
    expect(firstDifference({ a: Int32Array.of(1, 2, 3) }, { a: Int32Array.of(1, 5, 3) }, 'state')).toBe('state.a[1]: 2 ≠ 5');
    expect(firstDifference({ a: Int8Array.of(1) }, { a: Int8Array.of(1, 1) })).toBe('a: length 1 ≠ 2');
    expect(firstDifference({ e: 0 }, { e: 1 })).toBe('e: 0 ≠ 1');
  });
});
