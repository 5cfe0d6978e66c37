// Fixture (hostile): 1.5 s of busy work at module top level, outside solve(), hoping it is not timed.
import { hrtime } from 'node:process';

const until = hrtime.bigint() + 1_500_000_000n;
while (hrtime.bigint() < until) {
  // busy: 1.5 s of real time at import
}

export default {
  name: 'hostile-slow-import', version: '0.0.1', description: 'busy-waits 1.5 s at import', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
