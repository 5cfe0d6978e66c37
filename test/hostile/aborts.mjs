// Fixture (hostile): calls process.abort() mid-solve.
export default {
  name: 'hostile-aborts', version: '0.0.1', description: 'calls process.abort() mid-solve', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve() {
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.abort();
  },
};
