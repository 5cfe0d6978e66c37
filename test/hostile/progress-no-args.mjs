// Fixture (hostile): calls ctx.progress() with no arguments.
export default {
  name: 'hostile-progress-no-args', version: '0.0.1', description: 'calls ctx.progress() with no arguments', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    ctx.progress();
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
