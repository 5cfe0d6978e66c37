// The ways a run can fail, as the report counts and colours them: every run status but solved and unsolved (a solver
// that returned an answer, right or wrong), in the order of RUN_STATUSES.
import { RUN_STATUSES, type RunStatus } from '@densebench/core';

export type FailureStatus = Exclude<RunStatus, 'solved' | 'unsolved'>;

export function isFailure(status: RunStatus): status is FailureStatus {
  return status !== 'solved' && status !== 'unsolved';
}

/** The failure columns of the report's tables and of the CLI's summary, in order. */
export const FAILURE_STATUSES: readonly FailureStatus[] = RUN_STATUSES.filter(isFailure);
