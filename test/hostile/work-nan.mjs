// Fixture (hostile): returns NaN as its work.
export default {
  name: 'hostile-work-nan', version: '0.0.1', description: 'returns NaN as its work', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: Number.NaN };
  },
};
