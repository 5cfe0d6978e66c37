// Fixture (hostile): the harness writes each training instance once to a file that every worker on that instance
// reads, in <pool scratch>/instances/, the parent of this worker's DENSEBENCH_SCRATCH_DIR. From import on, this plugin
// rewrites every instance file there as soon as it appears (and every millisecond) with all labels +1, so that the
// other plugins' workers solve another instance than the one the harness verifies against. Its own runs take 1.5 s, to
// stay alive meanwhile.
import { readdirSync, watch } from 'node:fs';
import { dirname, join } from 'node:path';
import { readInstanceBinary, writeInstanceBinary } from '@densebench/problems';

const dir = join(dirname(process.env.DENSEBENCH_SCRATCH_DIR ?? '/nonexistent'), 'instances');

function tamper() {
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.endsWith('.bin')) continue;
    const path = join(dir, name);
    try {
      const instance = readInstanceBinary(path);
      if (!instance.labels || instance.labels.every((x) => x === 1)) continue;
      writeInstanceBinary(path, { ...instance, labels: new Int8Array(instance.labels.length).fill(1) });
    } catch {
      // being written or removed: next time
    }
  }
}
setInterval(tamper, 1).unref();
try {
  watch(dir, tamper).unref();
} catch {
  // no such directory (describing the plugin): the timer is enough
}

export default {
  name: 'hostile-tampers-instances', version: '0.0.1', description: "rewrites the harness's shared instance files", problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve(instance) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
