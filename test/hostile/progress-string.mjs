// Fixture (hostile): calls ctx.progress with a string.
export default {
  name: 'hostile-progress-string', version: '0.0.1', description: 'calls ctx.progress with a string', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    ctx.progress('lots', 3);
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
