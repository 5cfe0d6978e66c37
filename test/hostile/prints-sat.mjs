// Fixture (hostile): prints a SAT-competition verdict and a model of its own on standard output — at import, with
// console.log and with process.stdout.write while solving — then returns an assignment that is not a model.
console.log('s SATISFIABLE');
console.log('v 1 -2 3 0');

export default {
  name: 'hostile-prints-sat', version: '0.0.1', description: 'prints s SATISFIABLE and a v line while solving', problems: ['ksat', 'perceptron'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    console.log('s SATISFIABLE');
    console.log('v 1 -2 3 0');
    process.stdout.write('s SATISFIABLE\nv 1 -2 3 0\n');
    process.stderr.write('s SATISFIABLE\nv 1 -2 3 0\n');
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
