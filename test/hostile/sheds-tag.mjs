// Fixture (hostile): leaves a sleeper behind that carries neither its worker's process group nor its environment tag:
// `env -i setsid sleep 987.658`, started through a detached shell (a new session, an empty environment).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function running(marker) {
  return readdirSync('/proc').some((name) => {
    try {
      return /^\d+$/.test(name) && readFileSync(`/proc/${name}/cmdline`, 'latin1').includes(marker);
    } catch {
      return false;
    }
  });
}

export default {
  name: 'hostile-sheds-tag', version: '0.0.1', description: 'leaves an untagged sleeper in its own session', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve(instance) {
    spawn('sh', ['-c', 'env -i setsid sleep 987.658 &'], { detached: true, stdio: 'ignore' }).unref();
    for (let i = 0; i < 200 && !running('987.658'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
