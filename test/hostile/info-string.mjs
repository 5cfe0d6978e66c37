// Fixture (hostile): returns info that is a string, not an object.
export default {
  name: 'hostile-info-string', version: '0.0.1', description: 'returns info that is a string, not an object', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: 1, info: 'just a string' };
  },
};
