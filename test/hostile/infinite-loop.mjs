// Fixture (hostile): loops forever, ignoring its deadline.
export default {
  name: 'hostile-infinite-loop', version: '0.0.1', description: 'loops forever, ignoring its deadline', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    for (;;) {
      // never polls ctx.shouldStop()
    }
  },
};
