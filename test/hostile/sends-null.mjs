// Fixture (hostile): the harness keeps its own handle on the IPC channel, but process.send is still the plugin's to
// call. While solving, it sends `null` to the harness — a message that is not an object — then answers.
export default {
  name: 'hostile-sends-null', version: '0.0.1', description: 'sends null over its IPC channel', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve(instance) {
    process.send(null);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
