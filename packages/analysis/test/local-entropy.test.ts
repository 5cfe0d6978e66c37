import { describe, expect, it } from 'vitest';
import { encodeAnswer, PLANTED_REFERENCE, type RunRecord } from '@densebench/core';
import { localEntropyCurve } from '@densebench/bp';
import { generate, instanceHash, type BinaryInstanceSpec } from '@densebench/problems';
import { DEFAULT_LOCAL_ENTROPY_SETTINGS, measureLocalEntropy, planLocalEntropy } from '../src/local-entropy.js';

const spec: BinaryInstanceSpec = { problem: 'teacher-student', n: 21, alpha: 0.3, k: null, seed: 4 };
const generated = generate(spec);
const hash = instanceHash(generated.instance);

/** A record as the harness writes it, with only the fields the planner reads set to something meaningful. */
function record(plugin: string, seed: number, status: RunRecord['status'], answer: string | null | undefined, problem: RunRecord['problem'] = 'teacher-student'): RunRecord {
  return {
    schema: 1, id: `${plugin}/${problem}/n21/a0.3/s${seed}`, plugin, pluginVersion: '1', params: {}, problem, n: 21, alpha: 0.3, k: problem === 'committee' ? 3 : null, seed,
    instanceHash: hash, status, energy: status === 'solved' ? 0 : 2, wallTimeMs: 1, work: 1, workUnit: 'sweeps', timeLimitS: 1, testError: null, teacherOverlap: null,
    message: null, info: null, trace: null, ...(answer === undefined ? {} : { answer }), harnessVersion: '0', node: 'v20', cpu: 'x', commit: null, startedAt: '',
  };
}

describe('planning the local-entropy measurements of a result set', () => {
  const answer = encodeAnswer(generated.teacher!);
  const records = [record('sa', 1, 'solved', answer), record('fbp', 1, 'solved', answer), record('sa', 2, 'unsolved', answer), record('sa', 3, 'solved', answer), record('old', 1, 'solved', undefined), record('bp', 1, 'solved', null, 'committee')];

  it('takes each solved answer and each instance\'s planted configuration once, and says what it skipped', () => {
    const { jobs, skipped } = planLocalEntropy(records);
    expect(jobs.map((j) => j.key)).toEqual([
      'planted/teacher-student/n21/a0.3/s1', 'sa/teacher-student/n21/a0.3/s1', 'fbp/teacher-student/n21/a0.3/s1',
      'planted/teacher-student/n21/a0.3/s2', 'planted/teacher-student/n21/a0.3/s3', 'sa/teacher-student/n21/a0.3/s3',
    ]);
    expect(jobs[0]).toMatchObject({ runId: null, reference: PLANTED_REFERENCE, answer: null });
    expect(skipped.join('\n')).toMatch(/old: solved runs without a stored answer/);
    expect(skipped.join('\n')).toMatch(/committee: no local-entropy estimator/);
  });

  it('limits the answers per plugin and point, filters plugins, and leaves out what is done', () => {
    expect(planLocalEntropy(records, { perPoint: 1 }).jobs.filter((j) => j.reference === 'sa').map((j) => j.key)).toEqual(['sa/teacher-student/n21/a0.3/s1']);
    expect(planLocalEntropy(records, { plugins: ['fbp'] }).jobs.map((j) => j.reference)).toEqual([PLANTED_REFERENCE, 'fbp']);
    const done = new Set(['planted/teacher-student/n21/a0.3/s1', 'sa/teacher-student/n21/a0.3/s1']);
    expect(planLocalEntropy(records, { done }).jobs.map((j) => j.key)).toEqual(['fbp/teacher-student/n21/a0.3/s1', 'planted/teacher-student/n21/a0.3/s2', 'planted/teacher-student/n21/a0.3/s3', 'sa/teacher-student/n21/a0.3/s3']);
  });
});

describe('measuring one configuration', () => {
  const settings = { ...DEFAULT_LOCAL_ENTROPY_SETTINGS, gammas: [0.5, 1, 2] };

  it('decodes a stored answer to the same configuration the planted reference regenerates', () => {
    const [planted] = planLocalEntropy([record('sa', 4, 'unsolved', null)]).jobs;
    const fromAnswer = { ...planted!, key: 'x', runId: 'x', reference: 'sa', answer: encodeAnswer(generated.teacher!) };
    const a = measureLocalEntropy(planted!, settings);
    const b = measureLocalEntropy(fromAnswer, settings);
    expect(b.points).toEqual(a.points);
    const direct = localEntropyCurve(generated.instance as never, generated.teacher!, settings.gammas);
    expect(a.points.map((p) => p.localEntropy)).toEqual(direct.map((p) => p.localEntropy));
    expect(a).toMatchObject({ runId: null, reference: PLANTED_REFERENCE, instanceHash: hash, estimator: { accuracy: 'gaussian', maxSweeps: 2000 } });
    // Every γ converged here, and a larger γ pulls BP closer to the reference.
    expect(a.points.every((p) => p.converged)).toBe(true);
    expect(a.points[2]!.distance!).toBeLessThan(a.points[0]!.distance!);
  });

  it('refuses an instance that no longer regenerates with the recorded hash', () => {
    const [planted] = planLocalEntropy([record('sa', 4, 'unsolved', null)]).jobs;
    expect(() => measureLocalEntropy({ ...planted!, instanceHash: 'b'.repeat(64) }, settings)).toThrow(/regenerated with hash [0-9a-f]{64}, the record says b{64}: the generator changed/);
  });
});
