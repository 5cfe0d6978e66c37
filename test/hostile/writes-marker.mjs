// Fixture: appends a line to a marker file in the working directory each time it is imported — the script of the
// importing process (process.argv[1]) — so that a test can tell whether densebench loaded it, and in which process.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

appendFileSync(join(process.cwd(), 'hostile-marker-imported'), `${process.argv[1]}\n`);

export default {
  name: 'hostile-marker', version: '0.0.1', description: 'writes a marker file at import', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
