import type { InstanceSpec } from './instance.js';
import { runRecordSchema, type RunRecord } from './record.js';
import { schemaChecker } from './schema.js';

/** The file next to runs.jsonl where `densebench local-entropy` appends one record per reference configuration. */
export const LOCAL_ENTROPY_FILE = 'local-entropy.jsonl';

/** The reference name of a planted configuration (the teacher of a teacher–student instance, a planted K-SAT assignment). */
export const PLANTED_REFERENCE = 'planted';

/** One point of a local-entropy curve: the coupling γ, the distance d it selects and S(d) (nats per variable). */
export interface LocalEntropyPointRecord {
  gamma: number;
  /** Null where BP's estimate is not a finite number. */
  distance: number | null;
  localEntropy: number | null;
  /** Whether BP converged at this γ (an unconverged point is kept but not averaged). */
  converged: boolean;
}

/** One line of local-entropy.jsonl: the local entropy around one configuration of one instance (named as in its runs). */
export interface LocalEntropyRecord extends InstanceSpec, Pick<RunRecord, 'instanceHash'> {
  schema: 1;
  /** The run whose verified answer is the reference; null for a planted configuration. */
  runId: string | null;
  /** The plugin that found the reference, or PLANTED_REFERENCE. */
  reference: string;
  /** The estimator's settings (BP with an external field, packages/bp/src/local-entropy.ts). */
  estimator: { accuracy: string; epsilon: number; maxSweeps: number; damping: number };
  points: LocalEntropyPointRecord[];
  /**
   * The flatness of the reference, as the harness measures it on answers (RunRecord.flatness, the same random flips):
   * here also for the planted configuration. Absent in records written before it was measured.
   */
  flatness?: [number, number][];
  elapsedMs: number;
}

export const localEntropyRecordSchema = {
  $id: 'https://densebench.dev/schema/local-entropy-record-1.json',
  type: 'object',
  additionalProperties: false,
  required: ['schema', 'runId', 'reference', 'problem', 'n', 'alpha', 'k', 'seed', 'instanceHash', 'estimator', 'points', 'elapsedMs'],
  properties: {
    schema: { const: 1 },
    runId: { type: ['string', 'null'], minLength: 1 },
    reference: { type: 'string', minLength: 1 },
    problem: runRecordSchema.properties.problem,
    n: runRecordSchema.properties.n,
    alpha: runRecordSchema.properties.alpha,
    k: runRecordSchema.properties.k,
    seed: runRecordSchema.properties.seed,
    instanceHash: runRecordSchema.properties.instanceHash,
    estimator: {
      type: 'object',
      additionalProperties: false,
      required: ['accuracy', 'epsilon', 'maxSweeps', 'damping'],
      properties: { accuracy: { type: 'string' }, epsilon: { type: 'number', exclusiveMinimum: 0 }, maxSweeps: { type: 'integer', minimum: 1 }, damping: { type: 'number', minimum: 0, maximum: 1 } },
    },
    points: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['gamma', 'distance', 'localEntropy', 'converged'],
        // BP's estimates can stray slightly outside the exact ranges (d < 0 by rounding, S < 0 where it fails).
        properties: { gamma: { type: 'number' }, distance: { type: ['number', 'null'] }, localEntropy: { type: ['number', 'null'] }, converged: { type: 'boolean' } },
      },
    },
    flatness: { type: 'array', items: runRecordSchema.properties.flatness.items },
    elapsedMs: { type: 'number', minimum: 0 },
  },
} as const;

/** Validates a parsed local-entropy record; throws naming the field(s) at fault. */
export const assertLocalEntropyRecord: (value: unknown, where: string) => asserts value is LocalEntropyRecord = schemaChecker<LocalEntropyRecord>(localEntropyRecordSchema);

/** The key that identifies a record's reference in a result set (a resumed computation skips the keys it has). */
export function localEntropyKey(r: Pick<LocalEntropyRecord, 'runId' | 'problem' | 'n' | 'alpha' | 'k' | 'seed'>): string {
  return r.runId ?? `${PLANTED_REFERENCE}/${r.problem}/n${r.n}${r.k === null ? '' : `/k${r.k}`}/a${r.alpha}/s${r.seed}`;
}
