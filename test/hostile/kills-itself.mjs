// Fixture (hostile): sends SIGKILL to its own process mid-solve.
export default {
  name: 'hostile-kills-itself', version: '0.0.1', description: 'sends SIGKILL to its own process mid-solve', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve() {
    await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => {});
  },
};
