#!/usr/bin/env node
// Compares two result sets run by run: the same run ids with the same status, verified energy and work. For
// refactors that must not change behaviour (the same seeds give the same records): run a study before and after,
// then `node scripts/same-outcomes.mjs results/before results/after`. Exits with 1 and lists the runs that differ.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function outcomes(dir) {
  const text = readFileSync(join(dir, 'runs.jsonl'), 'utf8');
  const byId = new Map();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line);
    byId.set(r.id, { status: r.status, energy: r.energy, work: r.work, testError: r.testError ?? null });
  }
  return byId;
}

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  process.stderr.write('usage: node scripts/same-outcomes.mjs <result set before> <result set after>\n');
  process.exit(2);
}
const a = outcomes(before);
const b = outcomes(after);
const lines = [];
for (const [id, x] of a) {
  const y = b.get(id);
  if (!y) lines.push(`${id}: missing from ${after}`);
  else if (JSON.stringify(x) !== JSON.stringify(y)) lines.push(`${id}: ${JSON.stringify(x)} → ${JSON.stringify(y)}`);
}
for (const id of b.keys()) if (!a.has(id)) lines.push(`${id}: not in ${before}`);
process.stdout.write(`${a.size} runs compared: ${lines.length === 0 ? 'same status, verified energy, work and test error in every run' : `${lines.length} differ`}\n`);
for (const line of lines) process.stdout.write(`  ${line}\n`);
process.exitCode = lines.length === 0 ? 0 : 1;
