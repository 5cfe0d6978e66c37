// Two `densebench bench` processes started together on one result set: the lock lets exactly one write it; the other
// stops at once naming the holder, and every run is recorded once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { exited, readRuns, scratch, spawnDensebench } from './helpers.js';

it('lets exactly one of two simultaneous bench processes write a result set', async () => {
  const cwd = scratch();
  // 3 runs that each last their 1 s time limit (α = 2 is far above what SA can solve at N = 21, and its sweep budget
  // is out of reach): the winner holds the lock for seconds, longer than the two processes' start-up can differ.
  const args = ['bench', '--plugin', 'sa', '--n', '21', '--alpha', '2', '--seeds', '3', '--workers', '1', '--timeout', '1', '--param', 'sweeps=1000000000', '--name', 'race', '--no-png', '--quiet'];
  const children = [spawnDensebench(args, cwd), spawnDensebench(args, cwd)];
  const stderr = children.map((child) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stdout!.resume();
    return () => text;
  });
  const codes = await Promise.all(children.map(exited));
  expect([...codes].sort(), `${stderr[0]!()}\n${stderr[1]!()}`).toEqual([0, 1]);
  const winner = codes.indexOf(0);
  const loser = 1 - winner;
  expect(stderr[loser]!()).toContain(`densebench: ${join(cwd, 'results', 'race')} is being written by process ${children[winner]!.pid}; wait for it or stop it`);
  const ids = readRuns(join(cwd, 'results', 'race')).map((r) => r.id);
  expect([...ids].sort()).toEqual(['sa/perceptron/n21/a2/s1', 'sa/perceptron/n21/a2/s2', 'sa/perceptron/n21/a2/s3']);
  expect(JSON.parse(readFileSync(join(cwd, 'results', 'race', 'manifest.json'), 'utf8'))).toMatchObject({ finished: true, plan: { runs: 3 } });
});
