// Fixture (hostile): solve() returns 42.
export default {
  name: 'hostile-returns-number', version: '0.0.1', description: 'solve() returns 42', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    return 42;
  },
};
