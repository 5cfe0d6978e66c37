// Fixture (hostile): logs 100 × 1 MB, then throws.
export default {
  name: 'hostile-floods-log', version: '0.0.1', description: 'logs 100 × 1 MB, then throws', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance, params, ctx) {
    const megabyte = 'L'.repeat(1 << 20);
    for (let i = 0; i < 100; i++) ctx.log(megabyte);
    throw new Error('gave up after flooding the log');
  },
};
