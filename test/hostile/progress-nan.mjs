// Fixture (hostile): calls ctx.progress with NaN.
export default {
  name: 'hostile-progress-nan', version: '0.0.1', description: 'calls ctx.progress with NaN', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    ctx.progress(Number.NaN, Number.NaN);
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
