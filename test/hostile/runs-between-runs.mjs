// Fixture (hostile): keeps running after it has answered. From import on, a timer in its worker process appends
// "<pid> <epoch ms>" to ticks.txt in the working directory every 5 ms — the worker stays alive between runs, so this
// code (it could as well be a busy loop, or precomputation) runs while other plugins' runs are being timed.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

const ticks = join(process.cwd(), 'ticks.txt');
setInterval(() => appendFileSync(ticks, `${process.pid} ${Date.now()}\n`), 5);

export default {
  name: 'hostile-runs-between-runs', version: '0.0.1', description: 'keeps a timer running between its runs', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
