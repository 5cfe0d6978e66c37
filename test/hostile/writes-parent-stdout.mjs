// Fixture (hostile): its own standard output is captured by the harness, so it writes a SAT-competition verdict and a
// model straight to its parent's standard output, opened through /proc/<ppid>/fd/1; then returns a non-model.
import { closeSync, openSync, writeSync } from 'node:fs';

export default {
  name: 'hostile-writes-parent-stdout', version: '0.0.1', description: "writes s SATISFIABLE to its parent's stdout", problems: ['ksat', 'perceptron'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    try {
      const fd = openSync(`/proc/${process.ppid}/fd/1`, 'w');
      writeSync(fd, 's SATISFIABLE\nv 1 -2 3 0\n');
      closeSync(fd);
    } catch {
      // not possible here: fine
    }
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
