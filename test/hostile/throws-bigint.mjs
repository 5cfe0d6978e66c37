// Fixture (hostile): solve() throws a BigInt.
export default {
  name: 'hostile-throws-bigint', version: '0.0.1', description: 'solve() throws a BigInt', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    throw 12345678901234567890n;
  },
};
