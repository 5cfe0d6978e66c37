// The pool of worker processes, run on a harness thread of its own (pool.ts starts it). It starts one process per
// plugin and lane, hands each run to a process that serves that plugin, and measures the run's wall time from the
// moment the task is sent to the moment the answer arrives. This thread does nothing else, so its clock is not delayed
// by the harness's own work (verifying a large answer takes seconds), and no plugin code ever runs in this process.
//
// Between runs an idle worker is stopped (SIGSTOP), so a plugin's code cannot run outside its own timed runs; what a
// run started is killed when it ends (plugin/process-tree.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { describeError } from '@densebench/core';
import { ProcessCgroup, removeCgroups } from './cgroup.js';
import { FrameReader, outputMarker, sendBytes, sendMessage, type Frame } from '../protocol/channel.js';
import { processCpuTimeMs } from './proc-cpu.js';
import { killTagged, newProcessTag, PROCESS_TAG_ENV } from '../plugin/process-tree.js';
import type { SolveTask, WorkerReply, WorkerRequest } from '../protocol/task.js';

export interface PoolThreadConfig {
  /** Compiled worker entry (dist/worker/entry.js). */
  entry: string;
  /** Private directory of this pool; each worker process gets a subdirectory (DENSEBENCH_SCRATCH_DIR). */
  scratchDir: string;
  memoryLimitMb: number | null;
  /** Idle worker processes kept for reuse; more are stopped, the least recently used first. */
  maxIdle: number;
  /** Runs worker processes as this user (the harness must be root): see docs/plugins.md, "Trust and limits". */
  workerUser: { uid: number; gid: number } | null;
}

/** Main thread → pool thread. */
export type PoolRequest = { type: 'run'; key: number; task: SolveTask } | { type: 'describe'; key: number; pluginUrl: string } | { type: 'destroy' };

/** A run as the pool saw it. `outcome` is what the worker sent: untrusted, checked by the main thread (outcome.ts). */
export type PoolRunResult =
  | { kind: 'finished'; outcome: unknown; wallTimeMs: number; cpuTimeMs: number | null; output: string }
  | { kind: 'killed'; wallTimeMs: number; cpuTimeMs: number | null; output: string }
  | { kind: 'crashed'; message: string; wallTimeMs: number; cpuTimeMs: number | null; output: string };

/** Pool thread → main thread. */
export type PoolReply =
  | { type: 'ran'; key: number; result: PoolRunResult & { workerRun: number; warmupMs: number | null } }
  | { type: 'described'; key: number; info: unknown; error: string | null }
  | { type: 'destroyed' };

/** Extra time after the limit before a run that ignores its deadline is stopped. */
export function hardKillGraceMs(timeLimitMs: number): number {
  return 1000 + 0.1 * timeLimitMs;
}

/** How long a worker process may take to start (Node and the harness's worker code; not the plugin). */
const STARTUP_LIMIT_MS = 60_000;
/** How long describing a plugin may take (its import and preflight). */
const DESCRIBE_LIMIT_MS = 120_000;
/** Output of a worker process kept for the run's log (its last characters). */
const OUTPUT_TAIL = 8000;
/** How long to wait, after a result, for the rest of the run's output (its end markers). */
const OUTPUT_DRAIN_MS = 1000;
/** Largest message a worker may send (an answer: a network of a few million weights fits). */
const MAX_REPLY_BYTES = 512 * 2 ** 20;

/** The environment of a worker process: the harness's, minus the instance secret, plus its tag and scratch directory. */
function workerEnvironment(tag: string, dir: string, separateUser: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [PROCESS_TAG_ENV]: tag, DENSEBENCH_SCRATCH_DIR: dir };
  delete env.DENSEBENCH_SECRET;
  if (separateUser) env.HOME = dir;
  return env;
}

let nextWorkerId = 1;

/** One worker process: serves one plugin, one run at a time. */
class WorkerProcess {
  readonly child: ChildProcess;
  readonly tag = newProcessTag();
  readonly dir: string;
  /** Resolves once the process said it is up; rejects if it died or did not start in time. */
  readonly up: Promise<void>;
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  /** Why the channel was given up (the worker sent something malformed); the worker is then killed. */
  channelError: string | null = null;
  lastUsed = 0;
  stopped = false;
  /** Timed runs this worker has served (a warm-up does not count). */
  timedRuns = 0;
  /** Where the system allows it, the worker's cgroup: its whole tree, frozen, killed and timed as one. */
  readonly cgroup: ProcessCgroup | null;
  private readonly channel: Socket;
  private readonly listeners = new Set<(reply: WorkerReply) => void>();
  private readonly exitListeners = new Set<() => void>();
  /** The last output of the current run on each stream, and whether each has shown the run's end marker. */
  private readonly streams = { stdout: '', stderr: '' };
  private marker: string | null = null;
  private readonly markerSeen = { stdout: false, stderr: false };
  private onMarkers: (() => void) | null = null;



  constructor(readonly pluginUrl: string, config: PoolThreadConfig) {
    const workerId = nextWorkerId++;
    this.dir = join(config.scratchDir, `w${workerId}`);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (config.workerUser) chownSync(this.dir, config.workerUser.uid, config.workerUser.gid);
    // Its own process group (detached): a Ctrl-C at the terminal reaches the harness only, which then stops every
    // worker itself. No IPC: fd 3 is the private channel (protocol/channel.ts), a socket no other process can open.
    this.child = spawn(process.execPath, [...(config.memoryLimitMb ? [`--max-old-space-size=${config.memoryLimitMb}`] : []), config.entry], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: workerEnvironment(this.tag, this.dir, config.workerUser !== null),
      // Another user may not reach the harness's working directory: it starts in its own.
      ...(config.workerUser ? { uid: config.workerUser.uid, gid: config.workerUser.gid, cwd: this.dir } : {}),
    });
    // Before it can run plugin code (it loads a plugin only when a task comes), so every process it starts is inside.
    let cgroup = ProcessCgroup.create(`densebench-${process.pid}-w${workerId}`);
    if (cgroup && (this.child.pid === undefined || !cgroup.add(this.child.pid))) {
      cgroup.killAll();
      cgroup = null;
    }
    this.cgroup = cgroup;
    this.channel = this.child.stdio[3] as Socket;
    const reader = new FrameReader(MAX_REPLY_BYTES, (frame) => this.receive(frame), (message) => this.giveUp(message));
    this.channel.on('data', (chunk: Buffer) => reader.push(chunk));
    this.channel.on('error', () => {});
    this.child.stdout!.on('data', (chunk: Buffer) => this.keepOutput('stdout', chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => this.keepOutput('stderr', chunk));
    // What a worker sent just before it exited (a crash report from its uncaughtException handler, say) may still be in
    // the channel when 'exit' arrives: the exit is announced once the channel has been read to its end (at most 1 s on).
    let exited = false;
    let channelEnded = false;
    const announce = (): void => {
      if (!exited || this.exit) return;
      this.exit = exitInfo;
      for (const listener of [...this.exitListeners]) listener();
    };
    let exitInfo: { code: number | null; signal: NodeJS.Signals | null } = { code: null, signal: null };
    this.child.on('exit', (code, signal) => {
      exited = true;
      exitInfo = { code, signal };
      if (channelEnded) announce();
      else setTimeout(announce, 1000);
    });
    const endChannel = (): void => {
      channelEnded = true;
      announce();
    };
    this.child.stdio[3]!.on('close', endChannel);
    this.child.stdio[3]!.on('end', endChannel);
    this.child.on('error', () => {
      // 'exit' follows (or the process never started: 'up' then times out).
    });
    this.up = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the worker process did not start within ${STARTUP_LIMIT_MS / 1000} s`)), STARTUP_LIMIT_MS);
      const stop = this.onReply((reply) => {
        if (reply.type !== 'up') return;
        clearTimeout(timer);
        stop();
        stopExit();
        resolve();
      });
      const stopExit = this.onExit(() => {
        clearTimeout(timer);
        stop();
        reject(new Error(`the worker process exited at start (${this.describeExit()})${this.outputTail()}`));
      });
    });
    this.up.catch(() => {});
  }

  /** A frame from the worker: only well-formed messages reach the listeners; anything else ends the worker. */
  private receive(frame: Frame): void {
    if (frame.kind !== 'message') return this.giveUp('the worker process sent raw bytes');
    const reply = frame.value as WorkerReply | null;
    if (typeof reply !== 'object' || reply === null || typeof reply.type !== 'string') return this.giveUp('the worker process sent a malformed message');
    for (const listener of [...this.listeners]) listener(reply);
  }

  private giveUp(message: string): void {
    this.channelError ??= message;
    this.kill();
  }

  private keepOutput(stream: 'stdout' | 'stderr', chunk: Buffer): void {
    let text = this.streams[stream] + chunk.toString('utf8');
    const ended = this.marker !== null && text.includes(this.marker);
    if (ended) text = text.replace(this.marker!, '\n');
    // Enough of the end is kept for a marker split between two chunks to be found whole.
    this.streams[stream] = text.slice(-(OUTPUT_TAIL + 64));
    if (ended) {
      this.markerSeen[stream] = true;
      if (this.markerSeen.stdout && this.markerSeen.stderr) this.onMarkers?.();
    }
  }

  /** Starts collecting the output of run `id`. */
  beginRun(id: number): void {
    this.streams.stdout = '';
    this.streams.stderr = '';
    this.marker = outputMarker(id);
    this.markerSeen.stdout = false;
    this.markerSeen.stderr = false;
  }

  /** The output of the current run, once both streams have shown its end marker (or after a short wait). */
  runOutput(): Promise<string> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.onMarkers = null;
        this.marker = null;
        resolve(this.currentOutput());
      };
      const timer = setTimeout(done, OUTPUT_DRAIN_MS);
      if (this.markerSeen.stdout && this.markerSeen.stderr) done();
      else this.onMarkers = done;
    });
  }

  /** What the run printed, each stream's last OUTPUT_TAIL characters, stdout first. */
  currentOutput(): string {
    const parts: string[] = [];
    for (const stream of ['stdout', 'stderr'] as const) {
      const text = this.streams[stream].trim();
      if (text) parts.push(`${stream}:\n${text.slice(-OUTPUT_TAIL)}`);
    }
    return parts.join('\n');
  }

  onReply(listener: (reply: WorkerReply) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onExit(listener: () => void): () => void {
    if (this.exit) {
      queueMicrotask(listener);
      return () => {};
    }
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  send(request: WorkerRequest): void {
    sendMessage(this.channel, request);
  }

  sendInstance(bytes: Uint8Array): void {
    sendBytes(this.channel, [bytes]);
  }

  describeExit(): string {
    if (this.channelError) return this.channelError;
    if (!this.exit) return 'still running';
    return this.exit.signal ? `killed by ${this.exit.signal}` : `exit code ${this.exit.code}`;
  }

  outputTail(): string {
    const text = this.currentOutput().trim();
    return text ? `\noutput (last lines):\n${text.slice(-2000)}` : '';
  }

  /** Freezes (its cgroup, else SIGSTOP to its process group) or resumes the worker: an idle worker runs no code. */
  pause(stopped: boolean): void {
    if (this.child.pid === undefined || this.exit || this.stopped === stopped) return;
    if (this.cgroup?.freeze(stopped)) {
      this.stopped = stopped;
      return;
    }
    try {
      process.kill(-this.child.pid, stopped ? 'SIGSTOP' : 'SIGCONT');
      this.stopped = stopped;
    } catch {
      // Gone: 'exit' tells.
    }
  }

  /** CPU time of the worker and what it started, ms: its cgroup's, else its own and its reaped children's (/proc). */
  cpuTimeMs(): number | null {
    if (this.cgroup) return this.cgroup.cpuTimeMs();
    return this.child.pid === undefined ? null : processCpuTimeMs(this.child.pid);
  }

  /** Kills the process and every process carrying its tag (descendants that left its group included). */
  kill(): void {
    if (this.child.pid !== undefined) {
      try {
        process.kill(-this.child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    this.cgroup?.killAll();
    killTagged(PROCESS_TAG_ENV, this.tag);
    this.channel.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Stops what the last run left running (a child that outlived the plugin's call), keeping the worker itself. */
  killLeftovers(): void {
    if (this.child.pid === undefined) return;
    this.cgroup?.killExcept(this.child.pid);
    killTagged(PROCESS_TAG_ENV, this.tag, { except: [this.child.pid] });
  }
}

/** Why a worker process died during a run, in words (a malformed message, a heap limit reached, a signal, an exit code). */
function crashMessage(worker: WorkerProcess, memoryLimitMb: number | null): string {
  if (worker.channelError) return `${worker.channelError}; the worker was stopped${worker.outputTail()}`;
  const outOfMemory = /heap out of memory|Reached heap limit|Allocation failed/i.test(worker.currentOutput());
  const what = outOfMemory ? `ran out of memory${memoryLimitMb ? ` (heap limit ${memoryLimitMb} MiB)` : ''}` : 'died during the run';
  return `the worker process ${what}: ${worker.describeExit()}${worker.outputTail()}`;
}

export class ProcessPool {
  private readonly idle: WorkerProcess[] = [];
  private readonly busy = new Set<WorkerProcess>();
  private nextRunId = 1;

  constructor(private readonly config: PoolThreadConfig) {}

  private async acquire(pluginUrl: string): Promise<WorkerProcess> {
    const index = this.idle.findIndex((w) => w.pluginUrl === pluginUrl && !w.exit);
    const worker = index >= 0 ? this.idle.splice(index, 1)[0]! : new WorkerProcess(pluginUrl, this.config);
    this.busy.add(worker);
    try {
      await worker.up;
    } catch (error) {
      this.retire(worker);
      throw error;
    }
    worker.pause(false);
    return worker;
  }

  private release(worker: WorkerProcess): void {
    this.busy.delete(worker);
    if (worker.exit) {
      worker.kill();
      return;
    }
    worker.pause(true);
    worker.lastUsed = performance.now();
    this.idle.push(worker);
    while (this.idle.length > this.config.maxIdle) {
      this.idle.sort((a, b) => a.lastUsed - b.lastUsed);
      this.idle.shift()!.kill();
    }
  }

  private retire(worker: WorkerProcess): void {
    this.busy.delete(worker);
    worker.kill();
  }

  /**
   * One attempt of `task` on `worker`: sends it with its instance and waits for the answer, the worker's death, or the
   * time limit plus grace. The clock runs from sending to receiving; `keep` says whether the worker can serve again.
   */
  private attempt(worker: WorkerProcess, task: Pick<SolveTask, 'pluginUrl' | 'params' | 'solverSeed' | 'timeLimitMs' | 'instance'>): Promise<{ result: PoolRunResult; keep: boolean }> {
    const id = this.nextRunId++;
    worker.beginRun(id);
    const cpuStart = worker.cpuTimeMs();
    const cpuSince = (): number | null => {
      const now = worker.cpuTimeMs();
      return now === null || cpuStart === null ? null : Math.max(0, now - cpuStart);
    };
    return new Promise((resolve) => {
      const start = performance.now();
      const finish = (result: PoolRunResult, keep: boolean): void => {
        clearTimeout(timer);
        stopReply();
        stopExit();
        resolve({ result, keep });
      };
      const stopReply = worker.onReply((reply) => {
        if (reply.type !== 'result' || reply.id !== id) return;
        const wallTimeMs = performance.now() - start;
        finish({ kind: 'finished', outcome: reply.outcome, wallTimeMs, cpuTimeMs: cpuSince(), output: '' }, true);
      });
      const stopExit = worker.onExit(() => {
        // A process that has exited has no /proc entry: its CPU time is known only from its cgroup.
        finish({ kind: 'crashed', message: crashMessage(worker, this.config.memoryLimitMb), wallTimeMs: performance.now() - start, cpuTimeMs: worker.cgroup ? cpuSince() : null, output: worker.currentOutput() }, false);
      });
      const timer = setTimeout(() => {
        finish({ kind: 'killed', wallTimeMs: performance.now() - start, cpuTimeMs: cpuSince(), output: worker.currentOutput() }, false);
      }, task.timeLimitMs + hardKillGraceMs(task.timeLimitMs));
      worker.send({
        type: 'solve',
        id,
        pluginUrl: task.pluginUrl,
        params: task.params,
        solverSeed: task.solverSeed,
        timeLimitMs: task.timeLimitMs,
        deadlineEpochMs: performance.timeOrigin + start + task.timeLimitMs,
      });
      worker.sendInstance(task.instance);
    });
  }

  /**
   * Warms a fresh worker up: an untimed solve of `task.warmup` (a small instance of the same problem, never the measured
   * one), which imports the plugin and compiles its hot code before the first timed run. Its answer is dropped. Returns
   * its wall time, or null when it failed (the worker is then replaced by a fresh, cold one).
   */
  private async warmUp(worker: WorkerProcess, task: SolveTask): Promise<number | null> {
    const warmup = task.warmup!;
    const { result, keep } = await this.attempt(worker, { pluginUrl: task.pluginUrl, params: task.params, solverSeed: `${task.solverSeed}:warmup`, timeLimitMs: warmup.timeLimitMs, instance: warmup.instance });
    // A warm-up that failed (the plugin threw, or its worker is on its way out after an uncaught exception) leaves a
    // worker not fit to be timed: the caller replaces it.
    const outcome = result.kind === 'finished' ? (result.outcome as { ok?: unknown; late?: unknown; crashed?: unknown } | null) : null;
    // Running out of the warm-up's short time limit is fine: the code was loaded and compiled all the same.
    const answered = keep && outcome !== null && (outcome.ok === true || (outcome.late === true && outcome.crashed !== true));
    if (keep) {
      await worker.runOutput();
      worker.killLeftovers();
    }
    return answered && !worker.exit ? result.wallTimeMs : null;
  }

  async run(task: SolveTask): Promise<PoolRunResult & { workerRun: number; warmupMs: number | null }> {
    let worker: WorkerProcess;
    let warmupMs: number | null = null;
    try {
      worker = await this.acquire(task.pluginUrl);
      if (worker.timedRuns === 0 && task.warmup) {
        warmupMs = await this.warmUp(worker, task);
        if (warmupMs === null) {
          this.retire(worker);
          worker = await this.acquire(task.pluginUrl);
        }
      }
    } catch (error) {
      return { kind: 'crashed', message: describeError(error), wallTimeMs: 0, cpuTimeMs: null, output: '', workerRun: 1, warmupMs };
    }
    const workerRun = ++worker.timedRuns;
    const attempt = await this.attempt(worker, task);
    if (!attempt.keep) {
      this.retire(worker);
      return { ...attempt.result, workerRun, warmupMs };
    }
    const output = await worker.runOutput();
    worker.killLeftovers();
    this.release(worker);
    return { ...attempt.result, output, workerRun, warmupMs };
  }

  /** A plugin's metadata, from a worker process of its own that is stopped afterwards. */
  async describe(pluginUrl: string): Promise<{ info: unknown; error: string | null }> {
    const worker = new WorkerProcess(pluginUrl, this.config);
    try {
      await worker.up;
      return await new Promise((resolve) => {
        const timer = setTimeout(() => done({ info: null, error: `describing the plugin took more than ${DESCRIBE_LIMIT_MS / 1000} s` }), DESCRIBE_LIMIT_MS);
        const done = (value: { info: unknown; error: string | null }): void => {
          clearTimeout(timer);
          stopReply();
          stopExit();
          resolve(value);
        };
        const stopReply = worker.onReply((reply) => {
          if (reply.type === 'described') done({ info: reply.info, error: null });
          else if (reply.type === 'describe-failed') done({ info: null, error: describeError(reply.message) });
        });
        const stopExit = worker.onExit(() => done({ info: null, error: `the worker process exited while loading the plugin (${worker.describeExit()})${worker.outputTail()}` }));
        worker.send({ type: 'describe', pluginUrl });
      });
    } catch (error) {
      return { info: null, error: describeError(error) };
    } finally {
      worker.kill();
    }
  }

  destroy(): void {
    for (const worker of [...this.idle, ...this.busy]) worker.kill();
    this.idle.length = 0;
    this.busy.clear();
    // Wait for the killed trees to leave their cgroups, and remove them (every one this harness process made).
    removeCgroups(process.pid);
  }
}

if (parentPort && (workerData as { densebenchPool?: PoolThreadConfig } | undefined)?.densebenchPool) {
  const port = parentPort;
  const pool = new ProcessPool((workerData as { densebenchPool: PoolThreadConfig }).densebenchPool);
  port.on('message', (request: PoolRequest) => {
    if (request.type === 'run') void pool.run(request.task).then((result) => port.postMessage({ type: 'ran', key: request.key, result } satisfies PoolReply));
    else if (request.type === 'describe') void pool.describe(request.pluginUrl).then(({ info, error }) => port.postMessage({ type: 'described', key: request.key, info, error } satisfies PoolReply));
    else {
      pool.destroy();
      port.postMessage({ type: 'destroyed' } satisfies PoolReply);
    }
  });
}
