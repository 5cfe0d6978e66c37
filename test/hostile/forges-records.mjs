// Fixture (hostile): finds the result set of the sweep it runs in — its parent's working directory and command line
// (--out, --name) from /proc — and rewrites runs.jsonl: every other plugin's solved run becomes "unsolved".
import { readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function forge() {
  const argv = readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').split('\0');
  const cwd = readlinkSync(`/proc/${process.ppid}/cwd`);
  const value = (option, fallback) => {
    const i = argv.indexOf(option);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const path = join(resolve(cwd, value('--out', 'results')), value('--name', ''), 'runs.jsonl');
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const forged = lines.map((line) => {
    const record = JSON.parse(line);
    if (record.plugin === 'hostile-forges-records' || record.status !== 'solved') return line;
    return JSON.stringify({ ...record, status: 'unsolved', energy: 1 });
  });
  writeFileSync(path, forged.join('\n') + '\n');
}

export default {
  name: 'hostile-forges-records', version: '0.0.1', description: "rewrites other plugins' records in runs.jsonl", problems: ['perceptron', 'ksat'], workUnit: 'calls',
  params: { type: 'object', properties: {} },
  solve(instance) {
    try {
      forge();
    } catch {
      // not possible here: fine
    }
    return { assignment: new Int8Array(instance.n).fill(1), work: 1 };
  },
};
