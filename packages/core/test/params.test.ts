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

  it('rejects numbers that are not finite, which JSON would record as null', () => {
    expect(() => resolveParams(plugin, parseParamAssignments(['sweeps=1e400']))).toThrow('plugin demo param: field "sweeps" must be a finite number, got "1e400"');
    expect(() => resolveParams({ name: 'free', params: { type: 'object', properties: { shift: { type: 'number', description: 'any real' } } } }, { shift: '-1e999' })).toThrow(
      'plugin free param: field "shift" must be a finite number, got "-1e999"',
    );
    expect(() => resolveParams(plugin, { beta: Infinity })).toThrow('plugin demo param: field "beta" must be a finite number, got Infinity');
    expect(() => resolveParams(plugin, { sweeps: Infinity })).toThrow(/field "sweeps" must be a finite number/);
    expect(() => resolveParams(plugin, { beta: Number.NaN })).toThrow(/field "beta"/);
  });

  it('takes numeric strings in decimal notation only', () => {
    expect(resolveParams(plugin, { beta: '.5', sweeps: '1e3' })).toEqual({ sweeps: 1000, beta: 0.5, mode: 'fast' });
    expect(() => resolveParams(plugin, { beta: '0x10' })).toThrow('plugin demo param: field "beta" must be a decimal number, got "0x10"');
    expect(() => resolveParams(plugin, { sweeps: 'Infinity' })).toThrow('plugin demo param: field "sweeps" must be a decimal number, got "Infinity"');
    // A string parameter is not a number: its text is kept.
    expect(() => resolveParams(plugin, { mode: '0x10' })).toThrow(/field "mode" must be equal to one of the allowed values/);
  });
});

describe('parseParamAssignments', () => {
  it('splits at the first "=" and trims', () => {
    expect(parseParamAssignments([' sa.beta = 2 ', 'expr=a=b'])).toEqual({ 'sa.beta': '2', expr: 'a=b' });
  });

  it('rejects an empty name', () => {
    expect(() => parseParamAssignments(['=5'])).toThrow('--param "=5": the name before "=" is empty (expected key=value)');
    expect(() => parseParamAssignments([' =5'])).toThrow('--param " =5": the name before "=" is empty');
    expect(() => parseParamAssignments(['__proto__=5'])).toThrow('--param "__proto__=5": "__proto__" is not a parameter name');
  });

  it('rejects a name given twice with different values, and accepts a repeat of the same value', () => {
    expect(() => parseParamAssignments(['y=3', 'y=5'])).toThrow('--param y is given twice, as "3" and as "5": keep one');
    expect(() => parseParamAssignments(['y=3', ' y = 5'])).toThrow(/--param y is given twice/);
    expect(parseParamAssignments(['y=3', 'y=3'])).toEqual({ y: '3' });
  });
});
