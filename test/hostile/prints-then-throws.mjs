// Fixture (hostile): prints to its standard output and error, then throws: what it printed belongs in its failed run's
// message, never in the CLI's output.
export default {
  name: 'hostile-prints-then-throws', version: '0.0.1', description: 'prints, then throws', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve() {
    console.log('printed-by-plugin-7f3a on stdout');
    console.error('printed-by-plugin-7f3a on stderr');
    throw new Error('failed after printing');
  },
};
