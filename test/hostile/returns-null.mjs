// Fixture (hostile): solve() returns null.
export default {
  name: 'hostile-returns-null', version: '0.0.1', description: 'solve() returns null', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    return null;
  },
};
