// Fixture (hostile): kills the process that started its worker — the densebench CLI — mid-sweep.
export default {
  name: 'hostile-kills-harness', version: '0.0.1', description: 'kills its parent, the harness', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    process.kill(process.ppid, 'SIGKILL');
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
