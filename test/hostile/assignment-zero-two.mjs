// Fixture (hostile): returns an assignment of 0 and 2.
export default {
  name: 'hostile-assignment-zero-two', version: '0.0.1', description: 'returns an assignment of 0 and 2', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: Int8Array.from({ length: instance.n }, (_, i) => (i % 2 === 0 ? 0 : 2)), work: 1 };
  },
};
