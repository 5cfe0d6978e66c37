// Fixture (hostile): starts detached sleepers (`setsid sleep 987.656` through a shell, and `sleep 987.657`), then hangs
// — until a file named "release" exists in its working directory (the CLI's), after which it answers at once, so that a
// resumed sweep can finish.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export default {
  name: 'hostile-hangs-with-sleepers', version: '0.0.1', description: 'starts detached sleepers, then hangs', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  async solve(instance) {
    spawn('sh', ['-c', 'setsid sleep 987.656 &'], { detached: true, stdio: 'ignore' }).unref();
    spawn('sleep', ['987.657'], { detached: true, stdio: 'ignore' }).unref();
    if (!existsSync(join(process.cwd(), 'release'))) await new Promise(() => {});
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
