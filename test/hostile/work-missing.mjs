// Fixture (hostile): returns no work at all.
export default {
  name: 'hostile-work-missing', version: '0.0.1', description: 'returns no work at all', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1) };
  },
};
