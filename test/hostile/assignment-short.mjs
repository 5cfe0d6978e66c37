// Fixture (hostile): returns an Int8Array one entry short.
export default {
  name: 'hostile-assignment-short', version: '0.0.1', description: 'returns an Int8Array one entry short', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n - 1).fill(1), work: 1 };
  },
};
