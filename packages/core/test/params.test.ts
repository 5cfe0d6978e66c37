import { describe, expect, it } from 'vitest';
import { parseParamAssignments, resolveParams, type ParamsSchema } from '../src/index.js';

const plugin = {
  name: 'demo',
  params: {
    type: 'object',
    properties: {
      sweeps: { type: 'integer', minimum: 1, default: 100, description: 'sweeps' },
      beta: { type: 'number', exclusiveMinimum: 0, default: 1.5, description: 'inverse temperature' },
      mode: { type: 'string', enum: ['fast', 'slow'], default: 'fast', description: 'mode' },
    },
  } satisfies ParamsSchema,
};

describe('resolveParams', () => {
  it('fills defaults and converts command-line strings', () => {
    expect(resolveParams(plugin, {})).toEqual({ sweeps: 100, beta: 1.5, mode: 'fast' });
    expect(resolveParams(plugin, parseParamAssignments(['sweeps=20', 'beta=0.25']))).toEqual({ sweeps: 20, beta: 0.25, mode: 'fast' });
  });

  it('returns the keys in schema order whatever the order given', () => {
    expect(Object.keys(resolveParams(plugin, { mode: 'slow', sweeps: 3 }))).toEqual(['sweeps', 'beta', 'mode']);
  });

  it('names the field at fault', () => {
    expect(() => resolveParams(plugin, { sweeps: '2.5' })).toThrow(/plugin demo param: field "sweeps" must be integer/);
    expect(() => resolveParams(plugin, { beta: -1 })).toThrow(/field "beta" must be > 0/);
    expect(() => resolveParams(plugin, { mode: 'medium' })).toThrow(/field "mode" must be equal to one of the allowed values \(fast, slow\)/);
    expect(() => resolveParams(plugin, { sweps: 3 })).toThrow(/unknown field "sweps"[\s\S]*parameters of demo: sweeps, beta, mode/);
  });

  it('rejects a --param without "="', () => {
    expect(() => parseParamAssignments(['sweeps'])).toThrow(/expected key=value/);
  });
});
