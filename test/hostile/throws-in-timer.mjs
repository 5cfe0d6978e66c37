// Fixture (hostile): throws from a setTimeout callback while solve() awaits forever.
export default {
  name: 'hostile-throws-in-timer', version: '0.0.1', description: 'throws from a setTimeout callback while solve() awaits forever', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    setTimeout(() => {
      throw new Error('boom from a timer callback');
    }, 50);
    return new Promise(() => {});
  },
};
