// Fixture (hostile): returns the assignment as a Float64Array.
export default {
  name: 'hostile-assignment-float64', version: '0.0.1', description: 'returns the assignment as a Float64Array', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Float64Array(instance.n).fill(1), work: 1 };
  },
};
