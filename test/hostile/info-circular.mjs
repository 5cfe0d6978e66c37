// Fixture (hostile): returns circular info.
export default {
  name: 'hostile-info-circular', version: '0.0.1', description: 'returns circular info', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    const info = { a: 1 };
    info.self = info;
    return { assignment: new Int8Array(instance.n).fill(1), work: 1, info };
  },
};
