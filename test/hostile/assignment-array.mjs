// Fixture (hostile): returns the assignment as a plain array.
export default {
  name: 'hostile-assignment-array', version: '0.0.1', description: 'returns the assignment as a plain array', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: Array.from({ length: instance.n }, () => 1), work: 1 };
  },
};
