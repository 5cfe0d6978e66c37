// Fixture (hostile): returns info with 1000 keys.
export default {
  name: 'hostile-info-many-keys', version: '0.0.1', description: 'returns info with 1000 keys', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    const info = {};
    for (let i = 0; i < 1000; i++) info[`k${i}`] = i;
    return { assignment: new Int8Array(instance.n).fill(1), work: 1, info };
  },
};
