// Fixture (hostile): returns info holding a function.
export default {
  name: 'hostile-info-function', version: '0.0.1', description: 'returns info holding a function', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: 1, info: { callback() { return 1; } } };
  },
};
