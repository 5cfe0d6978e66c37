// Entry of a worker process (spawned by host/pool-thread.ts with its private channel on fd 3): the only place plugin code
// runs. A worker serves one plugin: it describes it (metadata as data) or runs it on one instance at a time.
import { Socket } from 'node:net';
import { describeError } from '@densebench/core';
import { CHANNEL_FD, FrameReader, outputMarker, sendMessage, type Frame } from '../protocol/channel.js';
import { importPlugin } from '../plugin/load.js';
import type { PluginInfo, RawOutcome, WorkerReply, WorkerRequest } from '../protocol/task.js';
import { solveInWorker } from './solve.js';

// Captured before any plugin is imported, so that later changes to these globals do not reach the harness's code.
const channel = new Socket({ fd: CHANNEL_FD, readable: true, writable: true });
const writeOut = process.stdout.write.bind(process.stdout);
const writeErr = process.stderr.write.bind(process.stderr);
const exit = process.exit.bind(process);

const send = (reply: WorkerReply, callback?: () => void): void => sendMessage(channel, reply, callback);

// The harness is gone (it closed the channel): nothing will collect this worker's answers.
channel.on('end', () => exit(0));
channel.on('error', () => exit(0));

let running: number | null = null;

// A plugin's callback that throws outside solve() leaves the process in an unknown state: report it for the run in
// flight, then exit (the harness starts a fresh worker).
process.on('uncaughtException', (error) => {
  const id = running;
  if (id === null) return exit(70);
  const outcome: RawOutcome = { ok: false, message: `uncaught exception in the plugin: ${describeError(error)}`, log: [], peakMemoryMb: null, late: false, crashed: true };
  send({ type: 'result', id, outcome }, () => exit(70));
  setTimeout(() => exit(70), 1000).unref();
});
process.on('unhandledRejection', (reason) => {
  process.emit('uncaughtException', reason instanceof Error ? reason : new Error(`unhandled promise rejection: ${describeError(reason)}`));
});

async function describe(url: string): Promise<PluginInfo> {
  const plugin = await importPlugin(url);
  let unavailable: string | null = null;
  try {
    plugin.preflight?.();
  } catch (error) {
    unavailable = describeError(error);
  }
  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    name: plugin.name,
    version: plugin.version,
    description: plugin.description,
    problems: [...plugin.problems],
    workUnit: plugin.workUnit,
    params: clone(plugin.params),
    unavailable,
  };
}

async function solve(request: Extract<WorkerRequest, { type: 'solve' }>, instance: Uint8Array): Promise<void> {
  running = request.id;
  let outcome = await solveInWorker(request, instance);
  running = null;
  writeOut(outputMarker(request.id));
  writeErr(outputMarker(request.id));
  try {
    send({ type: 'result', id: request.id, outcome });
  } catch (error) {
    outcome = { ok: false, message: `the answer could not be sent to the harness: ${describeError(error)}`, log: [], peakMemoryMb: null, late: false, crashed: false };
    send({ type: 'result', id: request.id, outcome });
  }
}

/** A 'solve' message waits here for the instance that follows it. */
let awaitingInstance: Extract<WorkerRequest, { type: 'solve' }> | null = null;

const reader = new FrameReader(
  Number.MAX_SAFE_INTEGER,
  (frame: Frame) => {
    if (frame.kind === 'bytes') {
      const request = awaitingInstance;
      awaitingInstance = null;
      if (request) void solve(request, frame.bytes);
      return;
    }
    const message = frame.value as WorkerRequest;
    if (message.type === 'describe') {
      describe(message.pluginUrl).then(
        (info) => send({ type: 'described', info }),
        (error: unknown) => send({ type: 'describe-failed', message: describeError(error) }),
      );
    } else if (message.type === 'solve') awaitingInstance = message;
  },
  () => exit(71),
  true,
);
channel.on('data', (chunk: Buffer) => reader.push(chunk));

// Ready: the harness sends the first task only now, so that starting Node is not counted in a run.
send({ type: 'up' });
