// Fixture (hostile): misuses ctx.progress, catches the TypeError and returns a good answer.
export default {
  name: 'hostile-progress-caught', version: '0.0.1', description: 'misuses ctx.progress, catches the TypeError and returns a good answer', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    try {
      ctx.progress(-1, 'x');
    } catch {
      // swallowed: the answer below is well formed
    }
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
