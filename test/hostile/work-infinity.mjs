// Fixture (hostile): returns an infinite work.
export default {
  name: 'hostile-work-infinity', version: '0.0.1', description: 'returns an infinite work', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: Number.POSITIVE_INFINITY };
  },
};
