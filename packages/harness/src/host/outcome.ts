// What a worker process sends back about a run is untrusted data: the plugin runs in that process and can forge any
// message. This file turns it into a SolveOutcome the harness can record, or into an error naming the field at fault,
// and caps what one record may carry, so that no value a plugin hands back can stop a sweep or make its result set
// unreadable (a negative work, a NaN energy, a circular or BigInt info, a megabyte of log).
import { describeError } from '@densebench/core';
import type { RawOutcome } from '../protocol/task.js';

/** Caps on what one record carries from a plugin; longer text is cut with a marker. */
export const RECORD_LIMITS = {
  infoEntries: 32,
  infoKey: 64,
  infoString: 500,
  traceLength: 512,
  logLines: 100,
  logLine: 1000,
  message: 4000,
} as const;

/** A run's outcome as the harness records it, every field checked. */
export type SolveOutcome =
  | {
      ok: true;
      /** The raw answer, checked by verifyAnswer: `assignment` for ±1 problems, `network` for data sets. */
      assignment: unknown;
      network: unknown;
      unsatisfiable: boolean;
      gaveUp: boolean;
      work: number;
      claimedEnergy: number | null;
      info: Record<string, number | string | boolean> | null;
      trace: [number, number][];
      peakMemoryMb: number | null;
    }
  | {
      ok: false;
      message: string;
      log: string[];
      peakMemoryMb: number | null;
      /** The solver stopped for its time limit (threw after its deadline, or a TimeLimitError). */
      late: boolean;
      /** The solver's program crashed (killed by a signal it did not ask for). */
      crashed: boolean;
    };

/** Cuts text to `limit` characters with a marker saying how much was cut. */
export function capText(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… [${text.length - limit} more characters cut]`;
}

class FieldError extends Error {}

const fail = (message: string): never => {
  throw new FieldError(message);
};

function unsendable(value: unknown): string | undefined {
  const marker = (value as { unsendable?: unknown } | null)?.unsendable;
  return typeof value === 'object' && value !== null && typeof marker === 'string' && Object.keys(value).length === 1 ? marker : undefined;
}

function finiteNumber(value: unknown, field: string, min = Number.NEGATIVE_INFINITY): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    fail(`field "${field}" must be a ${min === 0 ? 'non-negative ' : ''}finite number, got ${describeError(value, 80)}`);
  }
  return value as number;
}

function optionalBoolean(value: unknown, field: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') fail(`field "${field}" must be true or false, got ${describeError(value, 80)}`);
  return value as boolean;
}

function readInfo(value: unknown): Record<string, number | string | boolean> | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value) || ArrayBuffer.isView(value) || Object.getPrototypeOf(value) !== Object.prototype) {
    fail(`field "info" must be a plain object of numbers, strings and booleans, got ${describeError(value, 80)}`);
  }
  const entries = Object.entries(value as object);
  if (entries.length > RECORD_LIMITS.infoEntries) fail(`field "info" has ${entries.length} entries, at most ${RECORD_LIMITS.infoEntries} are kept in a record`);
  const info: Record<string, number | string | boolean> = {};
  for (const [key, item] of entries) {
    if (key.length > RECORD_LIMITS.infoKey) fail(`field "info" has a key of ${key.length} characters (at most ${RECORD_LIMITS.infoKey})`);
    if (typeof item === 'number') info[key] = finiteNumber(item, `info.${key}`);
    else if (typeof item === 'string') info[key] = capText(item, RECORD_LIMITS.infoString);
    else if (typeof item === 'boolean') info[key] = item;
    else fail(`field "info.${key}" must be a number, string or boolean, got ${describeError(item, 80)}`);
  }
  return info;
}

function readTrace(value: unknown): [number, number][] {
  if (!Array.isArray(value)) return fail('field "trace" must be an array');
  if (value.length > RECORD_LIMITS.traceLength) fail(`field "trace" has ${value.length} points, at most ${RECORD_LIMITS.traceLength}`);
  return value.map((point: unknown, i) => {
    if (!Array.isArray(point) || point.length !== 2) fail(`field "trace.${i}" must be a (work, energy) pair`);
    const [work, energy] = point as unknown[];
    return [finiteNumber(work, `trace.${i}.0`, 0), finiteNumber(energy, `trace.${i}.1`)];
  });
}

function readLog(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, RECORD_LIMITS.logLines).map((line) => capText(typeof line === 'string' ? line : describeError(line), RECORD_LIMITS.logLine));
}

function readPeakMemory(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Checks the fields of an answer the solver returned; throws FieldError naming the first one at fault. */
function readAnswer(raw: Extract<RawOutcome, { ok: true }>): SolveOutcome {
  for (const key of ['assignment', 'network', 'unsatisfiable', 'gaveUp', 'work', 'claimedEnergy', 'info'] as const) {
    const marker = unsendable(raw[key]);
    if (marker) fail(marker);
  }
  if (typeof raw.violation === 'string') fail(raw.violation);
  if (raw.work === undefined) fail('solve() returned no "work" (the work done, in the plugin\'s work unit)');
  return {
    ok: true,
    assignment: raw.assignment,
    network: raw.network,
    unsatisfiable: optionalBoolean(raw.unsatisfiable, 'unsatisfiable'),
    gaveUp: optionalBoolean(raw.gaveUp, 'gaveUp'),
    work: finiteNumber(raw.work, 'work', 0),
    claimedEnergy: raw.claimedEnergy === undefined || raw.claimedEnergy === null ? null : finiteNumber(raw.claimedEnergy, 'energy'),
    info: readInfo(raw.info),
    trace: readTrace(raw.trace),
    peakMemoryMb: readPeakMemory(raw.peakMemoryMb),
  };
}

/**
 * The checked outcome of what a worker sent. Never throws: a malformed field makes the outcome an error whose message
 * names it (the run is then recorded `error`).
 */
export function readOutcome(raw: unknown): SolveOutcome {
  const failed = (message: string, log: string[] = [], peakMemoryMb: number | null = null): SolveOutcome => ({ ok: false, message: capText(message, RECORD_LIMITS.message), log, peakMemoryMb, late: false, crashed: false });
  if (typeof raw !== 'object' || raw === null || typeof (raw as { ok?: unknown }).ok !== 'boolean') return failed('the worker sent a malformed outcome');
  const outcome = raw as RawOutcome;
  const log = readLog(outcome.log);
  if (!outcome.ok) {
    return {
      ok: false,
      message: capText(typeof outcome.message === 'string' ? outcome.message : describeError(outcome.message), RECORD_LIMITS.message),
      log,
      peakMemoryMb: readPeakMemory(outcome.peakMemoryMb),
      late: outcome.late === true,
      crashed: outcome.crashed === true,
    };
  }
  try {
    return readAnswer(outcome);
  } catch (error) {
    if (error instanceof FieldError) return failed(`the plugin's answer is malformed: ${error.message}`, log, readPeakMemory(outcome.peakMemoryMb));
    return failed(`the plugin's answer could not be read: ${describeError(error)}`, log);
  }
}
