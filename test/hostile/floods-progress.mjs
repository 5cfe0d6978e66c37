// Fixture (hostile): calls ctx.progress 10^6 times.
export default {
  name: 'hostile-floods-progress', version: '0.0.1', description: 'calls ctx.progress 10^6 times', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    for (let i = 0; i < 1_000_000; i++) ctx.progress(i, 1_000_000 - i);
    return { assignment: new Int8Array(instance.n).fill(1), work: 1_000_000 };
  },
};
