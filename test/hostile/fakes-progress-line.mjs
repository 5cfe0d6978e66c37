// Fixture (hostile): throws an error whose message starts with terminal control sequences (erase line, carriage
// return) and a fake progress line, so that the CLI's progress output on a terminal shows its run as solved.
export default {
  name: 'hostile-fakes-progress-line', version: '0.0.1', description: 'throws a message with terminal escapes', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    throw new Error('\u001b[2K\r[2/4 0.10 s] hostile-fakes-progress-line perceptron N=51 α=0.5 seed 1: solved (E=0, 1 calls) in 1.0 ms\u001b[8m');
  },
};
