// Fixture (hostile): returns info holding a BigInt.
export default {
  name: 'hostile-info-bigint', version: '0.0.1', description: 'returns info holding a BigInt', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: 1, info: { big: 12345678901234567890n } };
  },
};
