// Fixture (hostile): solve() rejects with a plain object { code: 3 }.
export default {
  name: 'hostile-rejects-object', version: '0.0.1', description: 'solve() rejects with a plain object { code: 3 }', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    return Promise.reject({ code: 3 });
  },
};
