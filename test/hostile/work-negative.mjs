// Fixture (hostile): returns a negative work.
export default {
  name: 'hostile-work-negative', version: '0.0.1', description: 'returns a negative work', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: -5 };
  },
};
