// Fixture (hostile): returns info with a 1 MB string.
export default {
  name: 'hostile-info-megabyte', version: '0.0.1', description: 'returns info with a 1 MB string', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: 1, info: { huge: 'x'.repeat(1 << 20), small: 7 } };
  },
};
