// Fixture (hostile): leaves processes behind — a `setsid sleep 987.654` grandchild started through a detached shell
// (its own session, re-parented to init once the shell exits) and a detached `sleep 987.655` child — waits until both
// run, then returns a well-formed answer.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function running(marker) {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'latin1').includes(marker)) return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

export default {
  name: 'hostile-spawns-sleepers', version: '0.0.1', description: 'leaves detached sleepers behind', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve(instance) {
    spawn('sh', ['-c', 'setsid sleep 987.654 &'], { detached: true, stdio: 'ignore' }).unref();
    spawn('sleep', ['987.655'], { detached: true, stdio: 'ignore' }).unref();
    for (let i = 0; i < 200 && !(running('987.654') && running('987.655')); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
