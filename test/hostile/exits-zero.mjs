// Fixture (hostile): calls process.exit(0) mid-solve.
export default {
  name: 'hostile-exits-zero', version: '0.0.1', description: 'calls process.exit(0) mid-solve', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve() {
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.exit(0);
  },
};
