// Fixture (hostile, or just chatty): prints 200 kB on standard output, then a last line, then throws. The last line
// printed before a failure is the one a plugin author needs in the run's message.
export default {
  name: 'hostile-prints-a-lot-then-throws', version: '0.0.1', description: 'prints 200 kB, then throws', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    for (let i = 0; i < 50; i++) console.log('x'.repeat(4000));
    console.log('last-line-before-the-throw');
    throw new Error('failed after printing a lot');
  },
};
