#!/usr/bin/env node
// Prints a Markdown table of generalization per (plugin, α) from one or more result sets: runs solved, mean training
// and test error (± one standard deviation over the runs), arccos(R)/π from the overlap with the teacher, and, for the
// teacher–student perceptron, the replica-theory Gibbs error; with --flatness, the mean flatness curve (the training
// error after perturbing the answer: flips for ±1 weights, multiplicative noise σ for continuous networks; solved runs
// only for ±1 problems, all runs for data sets). Used for the tables in the plugins' READMEs.
//
//   node scripts/generalization-table.mjs [--flatness] results/<name>/runs.jsonl [more.jsonl …]
import { readRecords } from '../packages/harness/dist/index.js';
import { summarize, teacherStudentGibbsError } from '../packages/report/dist/index.js';

const args = process.argv.slice(2);
const withFlatness = args.includes('--flatness');
const files = args.filter((a) => a !== '--flatness');
if (files.length === 0) {
  console.error('usage: node scripts/generalization-table.mjs <runs.jsonl> [...]');
  process.exit(2);
}
const records = files.flatMap((file) => readRecords(file));
const fmt = (v, digits = 3) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits));
const sd = (values) => {
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
};
const teacherStudent = records.some((r) => r.problem === 'teacher-student');
const grid = records.find((r) => r.flatness)?.flatness?.map(([x]) => x) ?? [];
const flatnessTitle = records.some((r) => r.flatnessMeasure === 'noise') ? `train error at σ = ${grid.join(' / ')}` : `error after flipping ${grid.map((x) => x * 100).join(' / ')} %`;
console.log(`| plugin | α | solved | train error | test error ± sd |${teacherStudent ? ' arccos(R)/π | theory ε |' : ''}${withFlatness ? ` ${flatnessTitle} |` : ''}`);
console.log(`|---|---|---|---|---|${teacherStudent ? '---|---|' : ''}${withFlatness ? '---|' : ''}`);
for (const curve of summarize(records)) {
  for (const p of curve.points) {
    const runs = records.filter((r) => r.plugin === p.plugin && r.problem === p.problem && r.n === p.n && r.k === p.k && r.alpha === p.alpha);
    const tests = runs.flatMap((r) => (r.testError === null ? [] : [r.testError]));
    const spread = sd(tests);
    const overlap = p.meanTeacherOverlap;
    const extra = teacherStudent ? ` ${fmt(overlap === null ? null : Math.acos(overlap) / Math.PI)} | ${fmt(p.problem === 'teacher-student' ? teacherStudentGibbsError(p.alpha) : null)} |` : '';
    const flat = withFlatness ? ` ${p.flatness ? p.flatness.map(([, e]) => fmt(e)).join(' / ') : '—'} |` : '';
    console.log(`| ${p.plugin} | ${p.alpha} | ${p.solved}/${p.runs} | ${fmt(p.meanTrainError)} | ${fmt(p.meanTestError)}${spread === null ? '' : ` ± ${fmt(spread)}`} |${extra}${flat}`);
  }
}
