// Fixture (hostile): slows its process's clocks (performance.now and Date.now run 11× slow), then busy-waits 2 s of real
// time, hoping the run is recorded as taking 2/11 s.
import { hrtime } from 'node:process';

const realNow = performance.now.bind(performance);
const realDate = Date.now;
const start = realNow();
const startDate = realDate();
performance.now = () => start + (realNow() - start) / 11;
Date.now = () => startDate + (realDate() - startDate) / 11;

export default {
  name: 'hostile-slow-clock', version: '0.0.1', description: 'slows performance.now and Date.now 11×, then busy-waits 2 s', problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    const until = hrtime.bigint() + 2_000_000_000n;
    while (hrtime.bigint() < until) {
      // busy: 2 s of real time
    }
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
